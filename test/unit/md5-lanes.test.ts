import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { md5LanesWorker, type LaneJob, type LaneProgress, type LaneReply } from '../../src/storage/md5-lanes.js';
import { MD5_LANES_WASM } from '../../src/storage/md5-lanes-wasm.js';
import { bytes, tempDir } from '../integration/helpers.js';

/** The worker's loop on this thread, behind a port that records replies. */
function lanes(): { send: (j: LaneJob | LaneProgress) => void; replies: Map<number, LaneReply>; idle: (n: number) => Promise<void> } {
  let listener: ((j: LaneJob | LaneProgress) => void) | undefined;
  const replies = new Map<number, LaneReply>();
  md5LanesWorker(MD5_LANES_WASM, fs, crypto, { on: (_e, l) => (listener = l), postMessage: (r) => replies.set(r.id, r) });
  /** Until `n` replies are in (steps run on setImmediate), then a few turns more: nothing else may come. */
  const idle = async (n: number): Promise<void> => {
    for (let i = 0; i < 100_000 && replies.size < n; i++) await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(replies.size).toBe(n);
  };
  return { send: (j) => listener!(j), replies, idle };
}

const md5 = (b: Uint8Array) => crypto.createHash('md5').update(b).digest();

test('MD5 in SIMD lanes equals OpenSSL for every length and part size, with jobs joining mid-way', async () => {
  const dir = tempDir('md5-lanes');
  const body = bytes(6 * 1024 * 1024 + 333, 5);
  const file = path.join(dir, 'f');
  fs.writeFileSync(file, body);
  const CH = 256 * 1024;
  const lengths = [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, CH - 1, CH, CH + 1, 3 * CH + 17, 5 * 1024 * 1024 + 7];
  const { send, replies, idle } = lanes();
  const jobs: LaneJob[] = [];
  let id = 0;
  // 18 whole-range jobs at different offsets (8 lanes busy, 10 waiting), then parts of several sizes.
  for (const [i, length] of lengths.entries()) jobs.push({ id: id++, file, start: (i * 4099) % 1000, length });
  for (const partSize of [4096, 100_000, 1024 * 1024]) jobs.push({ id: id++, file, start: 7, length: 3 * 1024 * 1024 + 5, partSize });
  jobs.push({ id, file, start: 0, length: 0, partSize: 1024 });
  for (const j of jobs.slice(0, 12)) send(j);
  // A few steps in, the rest join lanes that are part-way through.
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  for (const j of jobs.slice(12)) send(j);
  await idle(jobs.length);
  for (const j of jobs) {
    const r = replies.get(j.id)!;
    const slice = body.subarray(j.start, j.start + j.length);
    expect([j.id, r.error, r.bytes]).toEqual([j.id, undefined, j.length]);
    if (!j.partSize) expect([j.id, r.md5]).toEqual([j.id, md5(slice).toString('hex')]);
    else {
      const want: string[] = [];
      for (let off = 0; off < j.length || want.length === 0; off += j.partSize) want.push(md5(slice.subarray(off, off + j.partSize)).toString('base64'));
      expect([j.id, r.parts]).toEqual([j.id, want]);
    }
  }

  // One job at a time: each waits for company, then goes to OpenSSL alone; a short file reports
  // the bytes it had; a missing file, its error.
  const alone = lanes();
  alone.send({ id: 1, file, start: 100, length: 2 * CH + 5 });
  await alone.idle(1);
  alone.send({ id: 2, file, start: body.length - 1000, length: 5000 });
  await alone.idle(2);
  alone.send({ id: 3, file: path.join(dir, 'missing'), start: 0, length: 10 });
  await alone.idle(3);
  expect(alone.replies.get(1)).toMatchObject({ bytes: 2 * CH + 5, md5: md5(body.subarray(100, 100 + 2 * CH + 5)).toString('hex') });
  expect(alone.replies.get(2)).toMatchObject({ bytes: 1000, md5: md5(body.subarray(body.length - 1000)).toString('hex') });
  expect(alone.replies.get(3)?.error).toMatch(/ENOENT/);
});

test('ranges hashed while they are written: streams wait in and out of lanes for their bytes, and a cancelled job is never answered', async () => {
  const dir = tempDir('md5-lanes-stream');
  const body = bytes(3 * 1024 * 1024 + 77, 8);
  const file = path.join(dir, 'f');
  // The file grows as the "download" goes: a stream must never read past what it was told is written.
  fs.writeFileSync(file, '');
  const fd = fs.openSync(file, 'r+');
  const { send, replies, idle } = lanes();
  // 12 ranges (more than 8 lanes), written in uneven steps in an interleaved order; one job is
  // called off part-way and sent again, as a retried range is; one range is empty.
  const cuts = [0, 1, 100_000, 262_144, 262_145, 500_000, 777_777, 1_048_576, 1_500_000, 2_000_003, 2_500_000, 3 * 1024 * 1024, body.length];
  const ranges = cuts.slice(1).map((end, i) => ({ id: i, start: cuts[i]!, length: end - cuts[i]! }));
  const progress = new Map<number, number>();
  for (const r of ranges) {
    send({ id: r.id, file, start: r.start, length: r.length, written: 0 });
    progress.set(r.id, 0);
  }
  const write = (id: number, upTo: number): void => {
    const r = ranges[id]!;
    const from = progress.get(id)!;
    fs.writeSync(fd, body, r.start + from, upTo - from, r.start + from);
    progress.set(id, upTo);
    send({ id, written: upTo });
  };
  let turn = 0;
  for (let step = 1; [...progress.entries()].some(([id, n]) => n < ranges[id]!.length); step++) {
    for (const r of ranges) {
      const now = progress.get(r.id)!;
      if (now >= r.length || (r.id + step) % 3 === 0) continue;
      write(r.id, Math.min(r.length, now + 1 + ((r.id * 7919 + step * 104_729) % 150_001)));
    }
    if (step === 2) {
      // Range 5 is cut: the job is called off and a new one (id 100) hashes the range anew.
      send({ id: 5, cancel: true });
      send({ id: 100, file, start: ranges[5]!.start, length: ranges[5]!.length, written: progress.get(5) });
    }
    if (step > 2 && progress.get(5)! > 0) send({ id: 100, written: progress.get(5) });
    // Steps run between writes: streams catch up with what is written, then wait for more.
    for (let i = 0; i < 3; i++) await new Promise((res) => setImmediate(res));
    turn++;
  }
  fs.closeSync(fd);
  await idle(ranges.length);
  expect(turn).toBeGreaterThan(5);
  expect(replies.has(5)).toBe(false);
  for (const r of ranges) {
    const id = r.id === 5 ? 100 : r.id;
    expect([id, replies.get(id)]).toEqual([id, { id, bytes: r.length, md5: md5(body.subarray(r.start, r.start + r.length)).toString('hex'), parts: [] }]);
  }

  // A lone job still being written is hashed in one lane as bytes come (OpenSSL only takes a whole one).
  const alone = lanes();
  const file2 = path.join(dir, 'g');
  fs.writeFileSync(file2, body.subarray(0, 1000));
  alone.send({ id: 1, file: file2, start: 0, length: 300_000, written: 1000 });
  for (let i = 0; i < 5; i++) await new Promise((res) => setTimeout(res, 3));
  expect(alone.replies.size).toBe(0);
  fs.appendFileSync(file2, body.subarray(1000, 300_000));
  alone.send({ id: 1, written: 300_000 });
  await alone.idle(1);
  expect(alone.replies.get(1)).toMatchObject({ bytes: 300_000, md5: md5(body.subarray(0, 300_000)).toString('hex') });
});

test('the committed WebAssembly module is what scripts/gen-md5-lanes.mjs makes', async () => {
  const gen = (await import(path.resolve('scripts/gen-md5-lanes.mjs'))) as { moduleSource: () => Promise<string> };
  expect(fs.readFileSync('src/storage/md5-lanes-wasm.ts', 'utf8')).toBe(await gen.moduleSource());
});
