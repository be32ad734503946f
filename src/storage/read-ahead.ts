import type { LocalState, StateEntry } from './local-state.js';
import type { LocalFile } from './local-tree.js';
import type { LocalView } from './local-view.js';

export interface ReadAheadHit {
  entry: StateEntry;
  local: LocalFile | undefined;
}

/** Records held at most: ~5 MB, whatever the object count. */
export const READ_AHEAD_MAX = 32_000;
/** Records per turn of the event loop (~1 ms): a page that arrives meanwhile waits no longer. */
const SLICE = 256;
/** Records read at the start of each listing range: one page's worth. */
const PER_RANGE = 1000;

/**
 * A re-run's read-ahead. While the first listing pages are on their way (~100 ms from R2), the
 * state records at the start of each listing range are read and their files lstat'ed, so planning
 * those pages costs a map lookup instead of a state lookup and an lstat each (3,000 objects: ~15
 * ms on the critical path). Listings name, in key order, mostly what the state recorded last time.
 * It stops when the first page arrives; what it holds is bounded (READ_AHEAD_MAX) and let go once
 * the listings are planned.
 */
export class ReadAhead {
  private readonly got = new Map<string, ReadAheadHit>();
  private stopped = false;

  /** `ranges`: where each listing range starts, as `[after, dir]` (the path it lists after, and its folder). */
  constructor(
    private readonly state: LocalState,
    private readonly local: LocalView,
    private readonly ranges: [string, string][],
    private readonly max = READ_AHEAD_MAX,
  ) {}

  async run(): Promise<void> {
    let inSlice = 0;
    for (const [after, dir] of this.ranges) {
      // Leaving the loop early closes the state file (for-of returns the generator).
      for (const [rel, entry] of this.state.recordsAfter(after, dir, PER_RANGE)) {
        if (this.stopped || this.got.size >= this.max) return;
        this.got.set(rel, { entry, local: this.local.take(rel) });
        if (++inSlice === SLICE) {
          inSlice = 0;
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    }
  }

  stop(): void {
    this.stopped = true;
  }

  /** The record and the lstat of `rel`, read ahead (once: it is let go). */
  take(rel: string): ReadAheadHit | undefined {
    const hit = this.got.get(rel);
    if (hit) this.got.delete(rel);
    return hit;
  }

  get size(): number {
    return this.got.size;
  }

  clear(): void {
    this.stopped = true;
    this.got.clear();
  }
}
