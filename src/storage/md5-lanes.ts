import type fsModule from 'node:fs';
import type cryptoModule from 'node:crypto';

/** A range of a file to hash: its MD5, or with `partSize` the MD5 of each part. */
export interface LaneJob {
  id: number;
  file: string;
  start: number;
  length: number;
  partSize?: number;
  /** Bytes from `start` written so far, when the range is still being written (see LaneProgress); else all. */
  written?: number;
}

/** More of a job's range is written (`written` bytes from its start), or the job is called off. */
export interface LaneProgress {
  id: number;
  written?: number;
  cancel?: boolean;
}

/** The answer to a job: bytes read (fewer than asked when the file is shorter), MD5 hex (none with a part size), part MD5s in base64. */
export interface LaneReply {
  id: number;
  bytes?: number;
  md5?: string;
  parts?: string[];
  error?: string;
}

export interface LanePort {
  on(event: 'message', listener: (m: LaneJob | LaneProgress) => void): void;
  postMessage(reply: LaneReply): void;
}

/**
 * A hash worker's main loop. MD5 is a chain: one stream cannot go faster than one core's scalar
 * speed (OpenSSL: ~0.64 GB/s here). But files, and the parts of a multipart object, are independent
 * streams: up to 8 of them run together in the 128-bit SIMD lanes of `md5x8` (two interleaved
 * groups of four, from MD5_LANES_WASM), measured at 2.1 GB/s on one core, 3.3x OpenSSL; four at
 * once run `md5x4` (1.4 GB/s). A stream alone from its start waits 2 ms for company, then is hashed
 * by OpenSSL, which is faster than one lane; a stream left alone mid-way finishes in `md5x1` (0.46 GB/s). Work goes in steps of
 * at most 256 KiB per lane so that jobs arriving meanwhile join the lanes.
 *
 * A range still being written (a part of a ranged download) is hashed as its bytes land: the job
 * says how much is written and LaneProgress messages say more. A stream that has hashed all that is
 * written leaves its lane (its state kept) to one that has bytes, and comes back when told of more.
 * Hashing after the last byte instead left the worker idle while 32 parts downloaded side by side,
 * then 256 MiB to hash while the rest of the run waited (traced: ~150 ms of a 1.4 s run).
 *
 * Self-contained: its source text is the worker's code (no imports, no outside names).
 */
export function md5LanesWorker(wasmBase64: string, fs: typeof fsModule, crypto: typeof cryptoModule, port: LanePort): void {
  const LANES = 8;
  const LONE_WAIT_MS = 2;
  const ALONE_STEP = 1024 * 1024;
  const CHUNK = 256 * 1024;
  const ST = 0; // lane states: group g at ST + 64 g, words a, b, c, d of its four lanes
  const ST1 = 256; // one stream's state, for md5x1
  const TAIL = 512; // a stream's last bytes and padding: up to two blocks
  const DUMMY = 4096; // idle lanes read here (their results are never used)
  const region = (j: number): number => DUMMY + CHUNK * (1 + j);
  const INIT = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  type Fn = (...args: number[]) => void;
  const exports = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(wasmBase64, 'base64'))).exports as unknown as { memory: WebAssembly.Memory; md5x8: Fn; md5x4: Fn; md5x1: Fn };
  const mem = new Uint8Array(exports.memory.buffer);
  const view = new DataView(exports.memory.buffer);

  interface Job {
    id: number;
    /** The open file (-1 once closed). */
    fd: number;
    start: number;
    /** Its streams (all of them, done or not), for progress messages. */
    all: Stream[];
    streams: number;
    bytes: number;
    md5: string;
    parts: Buffer[];
    failed: boolean;
  }
  interface Stream {
    job: Job;
    /** Part index, or -1 for the whole range. */
    part: number;
    /** File offset of the next read, of the end, and up to which the file is written. */
    pos: number;
    end: number;
    written: number;
    /** Its MD5 state while out of a lane part-way (a b c d). */
    saved: number[] | undefined;
    /** Bytes in the lane's region, and how many of them are hashed. */
    loaded: number;
    used: number;
    hashed: number;
    /** It waited LONE_WAIT_MS for company once already. */
    waited: boolean;
  }
  const waiting: Stream[] = [];
  const lanes: (Stream | undefined)[] = new Array<Stream | undefined>(LANES).fill(undefined);
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(step);
  };

  const close = (job: Job): void => {
    jobs.delete(job.id);
    if (job.fd >= 0) fs.closeSync(job.fd);
    job.fd = -1;
  };
  const fail = (job: Job, e: unknown): void => {
    if (job.failed) return;
    job.failed = true;
    try {
      close(job);
    } catch {
      // closed already
    }
    port.postMessage({ id: job.id, error: String((e as Error)?.message ?? e) });
  };
  const done = (s: Stream, digest: Buffer, bytes: number): void => {
    const job = s.job;
    if (job.failed) return;
    job.bytes += bytes;
    if (s.part < 0) job.md5 = digest.toString('hex');
    else job.parts[s.part] = digest;
    if (--job.streams > 0) return;
    close(job);
    port.postMessage({ id: job.id, bytes: job.bytes, md5: job.md5, parts: job.parts.map((p) => p.toString('base64')) });
  };

  const jobs = new Map<number, Job>();
  port.on('message', (msg) => {
    if (!('file' in msg)) {
      const job = jobs.get(msg.id);
      if (!job || job.failed) return;
      if (msg.cancel) {
        // Called off (the range is fetched again): nothing is answered.
        job.failed = true;
        close(job);
        return;
      }
      for (const s of job.all) s.written = Math.min(s.end, job.start + (msg.written ?? Infinity));
      schedule();
      return;
    }
    const m = msg;
    let fd: number;
    try {
      fd = fs.openSync(m.file, 'r');
    } catch (e) {
      port.postMessage({ id: m.id, error: String((e as Error)?.message ?? e) });
      return;
    }
    const job: Job = { id: m.id, fd, start: m.start, all: [], streams: 0, bytes: 0, md5: '', parts: [], failed: false };
    jobs.set(job.id, job);
    const written = m.start + (m.written ?? m.length);
    const add = (part: number, from: number, to: number): void => {
      job.streams++;
      const s: Stream = { job, part, pos: m.start + from, end: m.start + to, written: Math.min(m.start + to, written), saved: undefined, loaded: 0, used: 0, hashed: 0, waited: false };
      job.all.push(s);
      waiting.push(s);
    };
    if (m.partSize) {
      let k = 0;
      for (let off = 0; off < m.length || k === 0; off += m.partSize) add(k++, off, Math.min(m.length, off + m.partSize));
    } else add(-1, 0, m.length);
    schedule();
  });

  /** Reads until `want` bytes are in or the file ends: returns how many. */
  const readFull = (fd: number, into: Uint8Array, at: number, want: number, pos: number): number => {
    let got = 0;
    while (got < want) {
      const n = fs.readSync(fd, into, at + got, want - got, pos + got);
      if (n === 0) break;
      got += n;
    }
    return got;
  };

  /**
   * A stream alone from its start, hashed by OpenSSL ALONE_STEP bytes per step: what arrives
   * meanwhile (jobs, progress, small-file writes served by this thread) waits ~2 ms at most.
   */
  let alone: { s: Stream; h: ReturnType<typeof crypto.createHash>; bytes: number } | undefined;
  let aloneBuf: Buffer | undefined;
  const stepAlone = (): void => {
    const a = alone!;
    const s = a.s;
    try {
      aloneBuf ??= Buffer.allocUnsafe(ALONE_STEP);
      if (!s.job.failed && s.pos < s.end) {
        const n = readFull(s.job.fd, aloneBuf, 0, Math.min(ALONE_STEP, s.end - s.pos), s.pos);
        if (n === 0) s.end = s.pos; // the file is shorter: the stream ends here
        a.h.update(aloneBuf.subarray(0, n));
        s.pos += n;
        a.bytes += n;
      }
      if (s.job.failed) alone = undefined;
      else if (s.pos >= s.end) {
        alone = undefined;
        done(s, a.h.digest(), a.bytes);
      }
    } catch (e) {
      alone = undefined;
      fail(s.job, e);
    }
  };

  const word = (j: number, r: number): number => ST + (j >> 2) * 64 + r * 16 + (j & 3) * 4;
  /** Lane `j`'s state to the single-stream state md5x1 works on, and back. */
  const toSingle = (j: number): void => {
    for (let r = 0; r < 4; r++) view.setUint32(ST1 + r * 4, view.getUint32(word(j, r), true), true);
  };
  const fromSingle = (j: number): void => {
    for (let r = 0; r < 4; r++) view.setUint32(word(j, r), view.getUint32(ST1 + r * 4, true), true);
  };

  /** The stream in lane `j` has no whole block left and no more bytes: its last bytes, the padding, the digest. */
  const finish = (j: number): void => {
    const s = lanes[j]!;
    lanes[j] = undefined;
    const rest = s.loaded - s.used;
    const total = s.hashed + rest;
    const blocks = rest < 56 ? 1 : 2;
    mem.fill(0, TAIL, TAIL + 128);
    mem.copyWithin(TAIL, region(j) + s.used, region(j) + s.loaded);
    mem[TAIL + rest] = 0x80;
    view.setUint32(TAIL + blocks * 64 - 8, (total * 8) >>> 0, true);
    view.setUint32(TAIL + blocks * 64 - 4, Math.floor(total / 0x20000000), true);
    toSingle(j);
    exports.md5x1(ST1, TAIL, blocks);
    done(s, Buffer.from(mem.subarray(ST1, ST1 + 16)), total);
  };

  /** Bytes the stream may read now: whole blocks of what is written, or the rest once all of it is. */
  const readable = (s: Stream): number => {
    const n = Math.min(CHUNK, s.written - s.pos);
    return s.written >= s.end ? n : n - (n % 64);
  };
  /** A stream out of a lane has work: written bytes to hash, or only its end left. */
  const ready = (s: Stream): boolean => s.written >= s.end || s.written - s.pos >= 64;

  function step(): void {
    scheduled = false;
    if (alone) stepAlone();
    // Streams of a failed job are dropped. A stream that has hashed all that is written leaves its
    // lane, its state kept; free lanes take ready streams, oldest first, lowest lane first (group 0 fills first).
    for (let j = 0; j < LANES; j++) {
      const s = lanes[j];
      if (s?.job.failed) lanes[j] = undefined;
      else if (s && s.used === s.loaded && !ready(s)) {
        s.saved = [0, 1, 2, 3].map((r) => view.getUint32(word(j, r), true));
        lanes[j] = undefined;
        waiting.push(s);
      }
    }
    if (waiting.some((s) => s.job.failed)) waiting.splice(0, waiting.length, ...waiting.filter((s) => !s.job.failed));
    for (let j = 0, k = 0; j < LANES && k < waiting.length; j++) {
      if (lanes[j]) continue;
      while (k < waiting.length && !ready(waiting[k]!)) k++;
      if (k === waiting.length) break;
      const s = waiting.splice(k, 1)[0]!;
      lanes[j] = s;
      for (let r = 0; r < 4; r++) view.setUint32(word(j, r), s.saved?.[r] ?? INIT[r]!, true);
      s.saved = undefined;
    }
    let active = lanes.reduce((n, s) => n + (s ? 1 : 0), 0);
    if (active === 0) {
      if (alone) schedule();
      return;
    }
    if (active === 1 && !alone && !waiting.some(ready)) {
      const j = lanes.findIndex((s) => s);
      const s = lanes[j]!;
      if (s.hashed === 0 && s.loaded === 0 && s.written >= s.end) {
        if (!s.waited) {
          // Files finish downloading a few ms apart: a short wait often brings a second stream to
          // share the lanes with, cheaper than OpenSSL alone (client CPU -4 to -5 %, wall -1 to -3 %,
          // medians of 10-12 alternating rounds, twice; 5 ms was worse).
          s.waited = true;
          scheduled = true;
          setTimeout(step, LONE_WAIT_MS);
          return;
        }
        lanes[j] = undefined;
        alone = { s, h: crypto.createHash('md5'), bytes: 0 };
        schedule();
        return;
      }
    }
    // Each lane with no whole block left reads its next piece; one with nothing left to read is finished.
    for (let j = 0; j < LANES; j++) {
      const s = lanes[j];
      if (s?.job.failed) lanes[j] = undefined;
      if (!s || s.job.failed || s.loaded - s.used >= 64) continue;
      if (s.pos < s.end && s.used === s.loaded) {
        try {
          const want = readable(s);
          const n = readFull(s.job.fd, mem, region(j), want, s.pos);
          s.loaded = n;
          s.used = 0;
          s.pos += n;
          if (n < want) s.end = s.pos; // the file is shorter: the stream ends here
        } catch (e) {
          fail(s.job, e);
          lanes[j] = undefined;
          continue;
        }
      }
      if (s.loaded - s.used < 64 && s.pos >= s.end) finish(j);
    }
    active = 0;
    let blocks = Infinity;
    let low = false;
    let high = false;
    for (let j = 0; j < LANES; j++) {
      const s = lanes[j];
      if (!s) continue;
      active++;
      blocks = Math.min(blocks, Math.floor((s.loaded - s.used) / 64));
      if (j < 4) low = true;
      else high = true;
    }
    if (active > 0 && blocks > 0) {
      const at = (j: number): number => (lanes[j] ? region(j) + lanes[j]!.used : DUMMY);
      if (active === 1) {
        const j = lanes.findIndex((s) => s);
        toSingle(j);
        exports.md5x1(ST1, at(j), blocks);
        fromSingle(j);
      } else if (!high) exports.md5x4(ST, at(0), at(1), at(2), at(3), blocks);
      else if (!low) exports.md5x4(ST + 64, at(4), at(5), at(6), at(7), blocks);
      else exports.md5x8(ST, at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7), blocks);
      for (const s of lanes) {
        if (!s) continue;
        s.used += blocks * 64;
        s.hashed += blocks * 64;
      }
    }
    // Streams waiting for bytes to be written are woken by the progress message that brings them.
    if (active > 0 || alone || waiting.some(ready)) schedule();
  }
}
