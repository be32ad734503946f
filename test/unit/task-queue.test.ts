import { Backlog, TaskQueue } from '../../src/storage/task-queue.js';

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

test('workers take items pushed over time, wait while the queue is empty, and stop once it is closed and drained', async () => {
  const q = new TaskQueue<number>();
  const done: number[] = [];
  let running = 0;
  let most = 0;
  const drained = q.drain(3, async (n) => {
    most = Math.max(most, ++running);
    await tick();
    done.push(n);
    running--;
  });
  for (let i = 0; i < 5; i++) q.push(i);
  await tick();
  await tick();
  for (let i = 5; i < 2500; i++) q.push(i);
  let finished = false;
  void drained.then(() => (finished = true));
  await new Promise((r) => setTimeout(r, 50));
  expect(finished).toBe(false);
  q.close();
  await drained;
  expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
  expect(most).toBe(3);
  expect(() => q.push(1)).toThrow(/after close/);
});

test('discard drops what has not started; what is running finishes', async () => {
  const q = new TaskQueue<number>();
  const done: number[] = [];
  for (let i = 0; i < 10; i++) q.push(i);
  const drained = q.drain(2, async (n) => {
    await tick();
    done.push(n);
  });
  await Promise.resolve();
  q.discard();
  await drained;
  expect(done.sort()).toEqual([0, 1]);
});

test('items pushed as first are taken before the others, whenever they arrive', async () => {
  const q = new TaskQueue<string>();
  for (const s of ['a', 'b', 'c']) q.push(s);
  q.push('BIG', true);
  q.push('d');
  q.push('HUGE', true);
  q.close();
  const order: string[] = [];
  await q.drain(1, async (s) => void order.push(s));
  expect(order).toEqual(['BIG', 'HUGE', 'a', 'b', 'c', 'd']);
});

test('a backlog brakes its producer at the bound and lets it go at half, or when closed', async () => {
  const b = new Backlog(10);
  b.add(9);
  expect(b.room()).toBeUndefined();
  b.add(3);
  const room = b.room()!;
  let resumed = false;
  void room.then(() => (resumed = true));
  b.take(6); // 6 wait: more than half
  await Promise.resolve();
  expect(resumed).toBe(false);
  b.take(1); // 5: half
  await room;
  expect(resumed).toBe(true);
  b.add(20);
  const held = b.room()!;
  b.close();
  await held;
  expect(b.room()).toBeUndefined();
  expect(b.size).toBe(25);
});
