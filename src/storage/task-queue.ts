/** One FIFO lane of a TaskQueue: an array and a read position, compacted now and then. */
class Lane<T> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T {
    const item = this.items[this.head++]!;
    // Drop the consumed front now and then, so a long run does not keep every item it has done.
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

/**
 * Items fed over time (a listing page at a time) to a fixed number of workers: memory stays flat
 * whatever the count (an array slot per waiting item, no promise per item up front, as p-limit would
 * make), and the workers wait for more until `close`. Items pushed as `first` are taken before the
 * others whenever they arrive: a hydrate starts its largest files first even when their folder is
 * listed after a folder of small ones.
 */
export class TaskQueue<T> {
  private readonly first = new Lane<T>();
  private readonly rest = new Lane<T>();
  private closed = false;
  private readonly waiters: ((item: T | undefined) => void)[] = [];

  push(item: T, first = false): void {
    if (this.closed) throw new Error('TaskQueue: push after close');
    const waiter = this.waiters.shift();
    if (waiter) waiter(item);
    else (first ? this.first : this.rest).push(item);
  }

  /** No more items: workers finish what is queued, then stop. */
  close(): void {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  /** Closes and drops what has not started (the run is failing: no point fetching more). */
  discard(): void {
    this.first.clear();
    this.rest.clear();
    this.close();
  }

  /** The next item, waiting for one if none is queued; undefined once closed and drained. */
  next(): Promise<T | undefined> | T | undefined {
    if (this.first.size) return this.first.shift();
    if (this.rest.size) return this.rest.shift();
    if (this.closed) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Runs `workers` loops that take items and `run` them, until the queue is closed and drained.
   * `onLast` is called once, when the first loop finds nothing left to take (the rest are finishing).
   */
  async drain(workers: number, run: (item: T) => Promise<void>, onLast?: () => void): Promise<void> {
    let told = false;
    const loop = async (): Promise<void> => {
      for (let item = await this.next(); item !== undefined; item = await this.next()) await run(item);
      if (!told) {
        told = true;
        onLast?.();
      }
    };
    await Promise.all(Array.from({ length: workers }, loop));
  }
}

/**
 * How many items wait to start, with a brake for whoever produces them: `room()` is a promise while
 * `high` or more wait, settled once half of that or fewer do (a listing stops paging ahead of the
 * downloads, and resumes with enough left that the next page arrives before the queue runs dry).
 */
export class Backlog {
  private n = 0;
  private closed = false;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly high: number) {}

  get size(): number {
    return this.n;
  }

  add(count: number): void {
    this.n += count;
  }

  take(count: number): void {
    this.n -= count;
    if (this.waiters.length && this.n <= this.high / 2) for (const w of this.waiters.splice(0)) w();
  }

  /** Undefined when there is room; else a promise settled when there is (or on `close`). */
  room(): Promise<void> | undefined {
    if (this.closed || this.n < this.high) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** No more braking: waiting producers go on (the consumer has stopped). */
  close(): void {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w();
  }
}
