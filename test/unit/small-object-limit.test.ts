import os from 'node:os';
import { SMALL_MAX_IN_FLIGHT } from '../../src/storage/config.js';
import { cpuIdleShare, smallObjectLimit } from '../../src/storage/hydrate.js';

const log = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

/** Feeds 8 windows of 32 answers of `ms` each, with the machine `idle` (share of CPU time); returns the limits taken. */
function run(ms: number, idle: number, adaptive = true): number[] {
  const small = smallObjectLimit({ concurrency: 32, adaptive }, log, () => idle);
  const seen = [small.limit.concurrency];
  for (let i = 0; i < 32 * 8; i++) {
    small.observe(ms);
    if (small.limit.concurrency !== seen[seen.length - 1]) seen.push(small.limit.concurrency);
  }
  return seen;
}

test('answers 40 ms away with CPU to spare: the small-object limit doubles up to SMALL_MAX_IN_FLIGHT', () => {
  expect(run(40, 0.6)).toEqual([32, 64, 128, 256]);
  expect(SMALL_MAX_IN_FLIGHT).toBe(256);
});

test('slow answers while every core is busy are our own queueing: the limit stays', () => {
  expect(run(50, 0.05)).toEqual([32]);
});

test('fast answers (a loopback or LAN store) and adaptive off leave the limit alone', () => {
  expect(run(3, 0.9)).toEqual([32]);
  expect(run(40, 0.9, false)).toEqual([32]);
});

test('the idle share reads the machine: a busy loop on this thread lowers it', () => {
  const idle = cpuIdleShare();
  const end = Date.now() + 200;
  while (Date.now() < end); // one core busy
  const share = idle();
  expect(share).toBeGreaterThanOrEqual(0);
  // One of the machine's cores was busy for the whole interval (80 % of it, allowing for ticks).
  expect(share).toBeLessThan(1 - 0.8 / os.cpus().length);
});
