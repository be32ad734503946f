import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { compositeEtag } from '../../src/s3/etag.js';
import { HashPool, hashPoolSize } from '../../src/storage/hash-pool.js';
import { bytes, tempDir } from '../integration/helpers.js';

const md5 = (b: Buffer): Buffer => createHash('md5').update(b).digest();

test.each([
  ['MD5 in SIMD lanes', true],
  ['OpenSSL one job at a time (no SIMD)', false],
])('workers hash what was written (%s): whole-file MD5, a range, and the multipart composite; a missing file is an error, not a hang', async (_name, lanes) => {
  const dir = tempDir('hashpool');
  const body = bytes(5 * 1024 * 1024 + 123, 9);
  const file = path.join(dir, 'obj');
  fs.writeFileSync(file, body);
  const pool = new HashPool(2, lanes);
  try {
    const whole = await pool.verify(file, body.length, md5(body).toString('hex'));
    expect(whole).toEqual({ method: 'md5', bytes: body.length, actual: md5(body).toString('hex') });
    const part = 2 * 1024 * 1024;
    const composite = compositeEtag([md5(body.subarray(0, part)), md5(body.subarray(part, 2 * part)), md5(body.subarray(2 * part))]);
    expect(await pool.verify(file, body.length, composite, part)).toEqual({ method: 'multipart-md5', bytes: body.length, actual: composite });
    const r = await pool.hash(file, 1000, 4096);
    expect(r.md5).toBe(md5(body.subarray(1000, 5096)).toString('hex'));
    // A short file reports the bytes it had: the caller's size check fails it.
    expect((await pool.verify(file, body.length + 10, md5(body).toString('hex'))).bytes).toBe(body.length);
    await expect(pool.hash(path.join(dir, 'missing'), 0, 10)).rejects.toThrow(/hashing failed: ENOENT/);
    // An ETag that is not an MD5 (SSE-C) can only be checked by size.
    expect(await pool.verify(file, body.length, 'not-an-md5')).toMatchObject({ method: 'size-only' });
  } finally {
    await pool.close();
  }
  expect(hashPoolSize({ MARKETSIM_HASH_WORKERS: '0' })).toBe(0);
  expect(hashPoolSize({ MARKETSIM_HASH_WORKERS: '3' })).toBe(3);
});

test('OpenSSL workers: a worker holds at most 32 MiB of jobs; once told to help, this thread hashes queued jobs too, with the same results', async () => {
  const dir = tempDir('hashpool-help');
  const body = bytes(40 * 1024 * 1024, 3);
  const file = path.join(dir, 'big');
  fs.writeFileSync(file, body);
  const pool = new HashPool(1, false);
  try {
    const size = 4 * 1024 * 1024;
    const jobs = Array.from({ length: 10 }, (_, i) => pool.hash(file, i * size, size, i % 2 ? 1024 * 1024 : undefined));
    pool.help();
    const got = await Promise.all(jobs);
    got.forEach((h, i) => {
      const slice = body.subarray(i * size, (i + 1) * size);
      // With a part size only the parts are hashed (a multipart ETag needs nothing else).
      expect(h.md5).toBe(i % 2 ? '' : md5(slice).toString('hex'));
      expect(h.bytes).toBe(size);
      if (i % 2) expect(h.parts).toEqual([0, 1, 2, 3].map((k) => md5(slice.subarray(k * 1024 * 1024, (k + 1) * 1024 * 1024))));
    });
    // 8 jobs (32 MiB) went to the worker at once; the 2 left waiting were this thread's to take.
    expect(pool.helped).toBeGreaterThanOrEqual(1);
    await expect(Promise.all([pool.hash(path.join(dir, 'missing'), 0, 10), pool.hash(path.join(dir, 'missing'), 0, 10)])).rejects.toThrow(/hashing failed: ENOENT/);
  } finally {
    await pool.close();
  }
});

test('MD5 lanes: this thread never takes jobs from the lanes (it hashes 3-4x costlier), and the worker holds them all', async () => {
  const dir = tempDir('hashpool-lanes-help');
  const body = bytes(40 * 1024 * 1024, 4);
  const file = path.join(dir, 'big');
  fs.writeFileSync(file, body);
  const pool = new HashPool(1, true);
  try {
    const size = 4 * 1024 * 1024;
    // 160 MiB: past what the worker holds (128 MiB), so jobs wait where this thread could take them.
    const jobs = Array.from({ length: 40 }, (_, i) => pool.hash(file, (i % 10) * size, size));
    pool.help();
    const got = await Promise.all(jobs);
    got.forEach((h, i) => expect(h.md5).toBe(md5(body.subarray((i % 10) * size, ((i % 10) + 1) * size)).toString('hex')));
    expect(pool.helped).toBe(0);
  } finally {
    await pool.close();
  }
});

test.each([
  ['MD5 lanes: hashed as written', true],
  ['OpenSSL: hashed once all is written', false],
])('a range hashed while it is written (%s); a cancelled stream never settles and holds nothing', async (_name, lanes) => {
  const dir = tempDir('hashpool-stream');
  const body = bytes(9 * 1024 * 1024 + 3, 6);
  const file = path.join(dir, 'growing');
  fs.writeFileSync(file, '');
  const fd = fs.openSync(file, 'r+');
  const pool = new HashPool(1, lanes);
  try {
    const half = 4 * 1024 * 1024;
    const a = pool.stream(file, 0, half);
    const b = pool.stream(file, half, body.length - half);
    const cut = pool.stream(file, 0, half);
    let settled = false;
    void cut.result.then(() => (settled = true));
    // Written in uneven pieces, interleaved, each reported as the file writer does (offsets from the range's start).
    for (let off = 0, i = 0; off < half; i++) {
      const n = Math.min(half - off, 100_000 + i * 77_777);
      fs.writeSync(fd, body, off, n, off);
      fs.writeSync(fd, body, half + off, n, half + off);
      off += n;
      a.written(off);
      b.written(off);
      if (i === 2) cut.cancel();
      else cut.written(off);
      await new Promise((r) => setImmediate(r));
    }
    fs.writeSync(fd, body, 2 * half, body.length - 2 * half, 2 * half);
    b.written(body.length - half);
    expect((await a.result).md5).toBe(md5(body.subarray(0, half)).toString('hex'));
    expect(await b.result).toMatchObject({ bytes: body.length - half, md5: md5(body.subarray(half)).toString('hex') });
    // The worker is free for the next jobs: nothing of the cancelled stream is held against it.
    expect((await pool.hash(file, 0, body.length)).md5).toBe(md5(body).toString('hex'));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
  } finally {
    fs.closeSync(fd);
    await pool.close();
  }
});
