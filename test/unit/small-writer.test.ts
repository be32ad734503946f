import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { HashPool } from '../../src/storage/hash-pool.js';
import { SmallFileWriter } from '../../src/storage/small-writer.js';

const own = (s: string): Buffer => Buffer.from(s);

// The writer's own thread, and the first worker of a hash pool with MD5 lanes (one thread fewer).
const pool = new HashPool(1, true);
afterAll(() => pool.close());
describe.each([
  ['on a thread of its own', undefined],
  ['on the hash worker', () => pool.writerPort()],
])('SmallFileWriter %s', (_name, host) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-small-writer-'));
  const writer = new SmallFileWriter(host);
  afterAll(async () => {
    await writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('writes each body to a temporary name, then renames it; answers the mtime the file has', async () => {
    const bodies = Array.from({ length: 200 }, (_, i) => `file ${i} `.repeat(i));
    const mtimes = await Promise.all(bodies.map((b, i) => writer.write(path.join(dir, `.t${i}.partial`), path.join(dir, `f${i}`), own(b))));
    for (const [i, b] of bodies.entries()) {
      expect(fs.readFileSync(path.join(dir, `f${i}`), 'utf8')).toBe(b);
      expect(mtimes[i]).toBe(fs.statSync(path.join(dir, `f${i}`)).mtimeMs);
    }
    expect(fs.readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  test('a view of shared memory is written as it is when the write settles (no copy); other buffers are copied', async () => {
    const shared = Buffer.from(new SharedArrayBuffer(64));
    shared.write('shared bytes');
    await writer.write(path.join(dir, '.s.partial'), path.join(dir, 's'), shared.subarray(0, 12));
    expect(fs.readFileSync(path.join(dir, 's'), 'utf8')).toBe('shared bytes');
    const plain = Buffer.from('plain bytes, then changed');
    const done = writer.write(path.join(dir, '.p.partial'), path.join(dir, 'p'), plain.subarray(0, 11));
    plain.fill(0); // copied when posted: the file still gets the old bytes
    await done;
    expect(fs.readFileSync(path.join(dir, 'p'), 'utf8')).toBe('plain bytes');
  });

  test('a failure rejects with the system error code and leaves no temporary file', async () => {
    await expect(writer.write(path.join(dir, 'missing-folder', '.x.partial'), path.join(dir, 'missing-folder', 'x'), own('x'))).rejects.toMatchObject({ code: 'ENOENT' });
    // The temporary name exists already ('wx'): refused, and the file there is not touched.
    fs.writeFileSync(path.join(dir, '.busy.partial'), 'keep');
    await expect(writer.write(path.join(dir, '.busy.partial'), path.join(dir, 'busy'), own('new'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.existsSync(path.join(dir, 'busy'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, '.busy.partial'), 'utf8')).toBe('keep');
    // A rename that fails (the target is a non-empty folder) removes the temporary file.
    fs.mkdirSync(path.join(dir, 'occupied'));
    fs.writeFileSync(path.join(dir, 'occupied', 'x'), '');
    await expect(writer.write(path.join(dir, '.occ.partial'), path.join(dir, 'occupied'), own('y'))).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, '.occ.partial'))).toBe(false);
  });
});

test('the hash worker writes small files between its hashing steps; a closed pool hosts no writer', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-small-writer-host-'));
  const body = Buffer.alloc(48 * 1024 * 1024, 5);
  fs.writeFileSync(path.join(dir, 'big'), body);
  const hashes = new HashPool(1, true);
  const writer = new SmallFileWriter(() => hashes.writerPort());
  try {
    // The worker is up (a first write), then a lone 48 MiB stream is hashed by OpenSSL in 1 MiB
    // steps (~80 ms in all): writes are served between them, long before it ends.
    await writer.write(path.join(dir, '.first.partial'), path.join(dir, 'first'), own('first'));
    let hashed = false;
    const job = hashes.hash(path.join(dir, 'big'), 0, body.length).then((h) => ((hashed = true), h));
    await new Promise((r) => setTimeout(r, 10));
    await Promise.all(Array.from({ length: 20 }, (_, i) => writer.write(path.join(dir, `.w${i}.partial`), path.join(dir, `w${i}`), own(`w${i}`))));
    const writesDoneFirst = !hashed;
    expect((await job).md5).toBe(createHash('md5').update(body).digest('hex'));
    expect(writesDoneFirst).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'w19'), 'utf8')).toBe('w19');
    await hashes.close();
    expect(hashes.writerPort()).toBeUndefined();
  } finally {
    await writer.close();
    await hashes.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a hash worker that dies leaves nothing waiting: its jobs are rejected, the writer is told, and the next write and job go to a new worker', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-small-writer-dead-'));
  const hashes = new HashPool(1, true);
  const writer = new SmallFileWriter(() => hashes.writerPort());
  try {
    await writer.write(path.join(dir, '.a.partial'), path.join(dir, 'a'), own('a'));
    // As a crash would: the worker thread ends, with a hash job in flight (rejected, not left waiting).
    fs.writeFileSync(path.join(dir, 'big'), Buffer.alloc(32 * 1024 * 1024, 1));
    const inFlight = hashes.hash(path.join(dir, 'big'), 0, 32 * 1024 * 1024);
    const workers = (hashes as unknown as { workers: { w: { terminate(): Promise<number> } }[] }).workers;
    await workers[0]!.w.terminate();
    await expect(inFlight).rejects.toThrow(/hash worker exited/);
    await new Promise((r) => setTimeout(r, 20));
    await writer.write(path.join(dir, '.b.partial'), path.join(dir, 'b'), own('b'));
    expect(fs.readFileSync(path.join(dir, 'b'), 'utf8')).toBe('b');
    // Hash jobs get a new worker too.
    fs.writeFileSync(path.join(dir, 'h'), 'hash me');
    expect((await hashes.hash(path.join(dir, 'h'), 0, 7)).md5).toBe(createHash('md5').update('hash me').digest('hex'));
  } finally {
    await writer.close();
    await hashes.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
