import { SMALL_MAX_IN_FLIGHT } from '../../src/storage/config.js';
import { smallObjectLimit } from '../../src/storage/hydrate.js';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

test('slow answers (a median of 10 ms or more) double the small-object limit up to SMALL_MAX_IN_FLIGHT; fast ones leave it', () => {
  const slow = smallObjectLimit({ concurrency: 32, adaptive: true }, log);
  const seen: number[] = [slow.limit.concurrency];
  for (let i = 0; i < 32 * 8; i++) {
    slow.observe(40);
    if (slow.limit.concurrency !== seen[seen.length - 1]) seen.push(slow.limit.concurrency);
  }
  expect(seen).toEqual([32, 64, 128, 256]);
  expect(SMALL_MAX_IN_FLIGHT).toBe(256);

  const fast = smallObjectLimit({ concurrency: 32, adaptive: true }, log);
  for (let i = 0; i < 32 * 8; i++) fast.observe(i % 4 ? 2 : 30); // a loopback or LAN store with an odd slow answer: median 2 ms
  expect(fast.limit.concurrency).toBe(32);

  const fixed = smallObjectLimit({ concurrency: 32, adaptive: false }, log);
  for (let i = 0; i < 32 * 8; i++) fixed.observe(40);
  expect(fixed.limit.concurrency).toBe(32);
});
