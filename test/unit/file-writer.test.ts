import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@jest/globals';
import { BufferPool, FileWriter } from '../../src/storage/file-writer.js';

const tmp = (): string => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fw-')), 'f');

/** Feeds `data` in `chunk`-sized views of one reused buffer (as the body client does), honouring pauses. */
async function feed(w: FileWriter, data: Buffer, chunk: number): Promise<{ pauses: number }> {
  const reused = Buffer.alloc(chunk);
  let pauses = 0;
  for (let off = 0; off < data.length; off += chunk) {
    const n = Math.min(chunk, data.length - off);
    data.copy(reused, 0, off, off + n);
    if (!w.write(reused.subarray(0, n))) {
      pauses++;
      await new Promise<void>((resolve) => (w.onDrain = resolve));
    }
    reused.fill(0xee); // the writer must have copied the bytes already
  }
  return { pauses };
}

test('bytes land at their offsets, intact though the caller reuses its buffer; a fast sender is paused', async () => {
  const file = tmp();
  const fd = fs.openSync(file, 'w+');
  const data = Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 31) % 251));
  fs.ftruncateSync(fd, 100 + data.length);
  const pool = new BufferPool(128 * 1024, 4);
  const w = new FileWriter(fd, 100, pool, 64 * 1024);
  const { pauses } = await feed(w, data, 64 * 1024);
  await w.end();
  fs.closeSync(fd);
  const got = fs.readFileSync(file);
  expect(got.subarray(0, 100).equals(Buffer.alloc(100))).toBe(true);
  expect(got.subarray(100).equals(data)).toBe(true);
  expect(pauses).toBeGreaterThan(0);
});

test('two writers fill one file from both ends through a shared pool, and the pool keeps what it may', async () => {
  const file = tmp();
  const fd = fs.openSync(file, 'w+');
  const a = Buffer.alloc(700_000, 1);
  const b = Buffer.alloc(500_000, 2);
  const pool = new BufferPool(64 * 1024, 3);
  const wa = new FileWriter(fd, 0, pool, 16 * 1024);
  const wb = new FileWriter(fd, a.length, pool, 16 * 1024);
  await Promise.all([feed(wa, a, 16 * 1024).then(() => wa.end()), feed(wb, b, 16 * 1000).then(() => wb.end())]);
  fs.closeSync(fd);
  expect(fs.readFileSync(file).equals(Buffer.concat([a, b]))).toBe(true);
  const taken = [pool.take(), pool.take(), pool.take(), pool.take()];
  expect(new Set(taken).size).toBe(4); // at most 3 were kept, a 4th is new
});

test('a write error surfaces on the next write or at end, and idle() still waits for writes in flight', async () => {
  const file = tmp();
  fs.writeFileSync(file, '');
  const fd = fs.openSync(file, 'r'); // read-only: every write fails with EBADF
  const w = new FileWriter(fd, 0, new BufferPool(64 * 1024, 2), 16 * 1024);
  const chunk = Buffer.alloc(16 * 1024, 7);
  let thrown: unknown;
  try {
    for (let i = 0; i < 64; i++) {
      if (!w.write(chunk)) await new Promise<void>((resolve) => (w.onDrain = resolve));
      await new Promise((r) => setImmediate(r));
    }
  } catch (e) {
    thrown = e;
  }
  if (!thrown) await w.end().catch((e: unknown) => (thrown = e));
  expect((thrown as NodeJS.ErrnoException).code).toBe('EBADF');
  await w.idle();
  fs.closeSync(fd);
});

test('a whole small body takes the smallest buffer class that holds it (1/16, 1/4 or all of the size), and buffers come back by class', () => {
  const pool = new BufferPool(256 * 1024, 4);
  expect(pool.take(0).length).toBe(16 * 1024);
  expect(pool.take(16 * 1024).length).toBe(16 * 1024);
  expect(pool.take(16 * 1024 + 1).length).toBe(64 * 1024);
  expect(pool.take(64 * 1024 + 1).length).toBe(256 * 1024);
  expect(pool.take().length).toBe(256 * 1024);
  const b = pool.take(100);
  pool.give(b);
  expect(pool.take(5000)).toBe(b);
  // Shared memory, so the writer thread can read it without a copy.
  expect(b.buffer).toBeInstanceOf(SharedArrayBuffer);
  // A buffer of another length is not kept.
  pool.give(Buffer.alloc(1000));
  expect(pool.take(1000).length).toBe(16 * 1024);
});

test('onWritten reports only offsets below which every byte is written, up to the end', async () => {
  const file = tmp();
  const fd = fs.openSync(file, 'w+');
  const data = Buffer.from(Array.from({ length: 1_500_000 }, (_, i) => (i * 7) % 253));
  const w = new FileWriter(fd, 1000, new BufferPool(128 * 1024, 4), 32 * 1024);
  const reported: number[] = [];
  w.onWritten = (pos) => {
    reported.push(pos);
    // Everything below `pos` is in the file already.
    const got = Buffer.alloc(pos - 1000);
    fs.readSync(fd, got, 0, got.length, 1000);
    expect(got.equals(data.subarray(0, pos - 1000))).toBe(true);
  };
  await feed(w, data, 30_000);
  await w.end();
  fs.closeSync(fd);
  expect(fs.readFileSync(file).subarray(1000).equals(data)).toBe(true);
  expect(reported.length).toBeGreaterThan(5);
  expect(reported.at(-1)).toBe(1000 + data.length);
  expect(reported).toEqual([...reported].sort((a, b) => a - b));
});

test('bytes read into room() are taken in place, at their offsets; while paused there is no room', async () => {
  const file = tmp();
  const fd = fs.openSync(file, 'w+');
  const data = Buffer.from(Array.from({ length: 1_500_000 }, (_, i) => (i * 7) % 253));
  const w = new FileWriter(fd, 1000, new BufferPool(128 * 1024, 4), 32 * 1024);
  let inPlace = 0;
  for (let off = 0, i = 0; off < data.length; i++) {
    const room = w.room();
    // As a socket does: a read of what arrived, at most the room; while paused there is no room (the read goes to its own buffer).
    const n = Math.min(data.length - off, 5000 + ((i * 7919) % 60_000));
    let ok: boolean;
    if (room && room.length > 0) {
      const take = Math.min(n, room.length);
      data.copy(room, 0, off, off + take);
      ok = w.write(room.subarray(0, take));
      off += take;
      inPlace++;
    } else {
      ok = w.write(data.subarray(off, off + n));
      off += n;
    }
    if (!ok) {
      expect(w.room()).toBeUndefined();
      await new Promise<void>((resolve) => (w.onDrain = resolve));
    }
  }
  await w.end();
  fs.closeSync(fd);
  expect(fs.readFileSync(file).subarray(1000).equals(data)).toBe(true);
  expect(inPlace).toBeGreaterThan(10);
});
