import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import type { MessagePort, Worker } from 'node:worker_threads';
import { compositeEtag, verifyMethod, type VerifyMethod } from '../s3/etag.js';
import { md5LanesWorker, type LaneJob, type LaneProgress } from './md5-lanes.js';
import { MD5_LANES_WASM } from './md5-lanes-wasm.js';
import { WRITE_SMALL, workerThreads } from './small-writer.js';

/** Whether this runtime runs the SIMD module (checked once, on first use). */
let lanesOk: boolean | undefined;
function lanesSupported(): boolean {
  if (lanesOk === undefined) lanesOk = WebAssembly.validate(Buffer.from(MD5_LANES_WASM, 'base64'));
  return lanesOk;
}

/**
 * MD5 of written files on worker threads, so the JavaScript thread that parses bodies and feeds the
 * disk is not also the one hashing every byte (a profile of a 477 MB loopback download: 0.92 s of
 * its 2.2 s was MD5). A worker reads the bytes back from the file (the page cache) after they were
 * written, so what is verified is exactly what is kept. The worker is inline code (node builtins
 * only), so every ncc bundle carries it without a second entry file.
 */
const HASH_RANGE = `(fs, crypto, buf, file, start, length, partSize) => {
  const fd = fs.openSync(file, 'r');
  try {
    // With a part size only the parts' MD5s are wanted: no second pass over the bytes for the whole.
    const whole = partSize ? undefined : crypto.createHash('md5');
    const parts = [];
    let part = partSize ? crypto.createHash('md5') : undefined;
    let inPart = 0;
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, length - done), start + done);
      if (n <= 0) break;
      const chunk = buf.subarray(0, n);
      if (whole) whole.update(chunk);
      for (let off = 0; part && off < n; ) {
        const take = Math.min(partSize - inPart, n - off);
        part.update(chunk.subarray(off, off + take));
        inPart += take;
        off += take;
        if (inPart === partSize) { parts.push(part.digest()); part = crypto.createHash('md5'); inPart = 0; }
      }
      done += n;
    }
    if (part && (inPart > 0 || parts.length === 0)) parts.push(part.digest());
    return { bytes: done, md5: whole ? whole.digest('hex') : '', parts };
  } finally {
    fs.closeSync(fd);
  }
}`;

/**
 * The worker when WebAssembly SIMD is there (every x64 and arm64 Node 20+): MD5 streams in lanes.
 * Given a port (`{ writerPort }`), it also writes small files for a SmallFileWriter, between its steps.
 */
const LANES_WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const writeSmall = ${WRITE_SMALL};
const jobs = {
  on: (_event, listener) => parentPort.on('message', (m) => {
    if (!m.writerPort) return listener(m);
    const port = m.writerPort;
    port.on('message', (w) => port.postMessage(writeSmall(fs, w)));
  }),
  postMessage: (reply) => parentPort.postMessage(reply),
};
(${md5LanesWorker.toString()})(workerData, fs, require('node:crypto'), jobs);
`;

/** Without SIMD: OpenSSL, one job after the other. */
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafe(1024 * 1024);
const hashRange = ${HASH_RANGE};
parentPort.on('message', ({ id, file, start, length, partSize }) => {
  try {
    const r = hashRange(fs, crypto, buf, file, start, length, partSize);
    parentPort.postMessage({ id, bytes: r.bytes, md5: r.md5, parts: r.parts.map((p) => p.toString('base64')) });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

type HashRange = (f: typeof fs, c: typeof crypto, buf: Buffer, file: string, start: number, length: number, partSize?: number) => { bytes: number; md5: string; parts: Buffer[] };
/** The same code on this thread, for the tail (see `help`). */
// One source for both threads; no input reaches the code.
const hashRangeHere = new Function(`return ${HASH_RANGE}`)() as HashRange;

export interface RangeHash {
  bytes: number;
  /** MD5 of the range; empty when a part size was given (the parts are what is wanted). */
  md5: string;
  /** Per-part MD5s when a part size was given. */
  parts: Buffer[];
}

interface Reply {
  id: number;
  bytes?: number;
  md5?: string;
  parts?: string[];
  error?: string;
}

interface Job {
  id: number;
  file: string;
  start: number;
  length: number;
  partSize?: number;
}

/** The MD5 of a range taken while it is being written (see `HashPool.stream`). */
export interface HashStream {
  /** `n` bytes from the range's start are written; called with growing `n`, last with the range's length. */
  written(n: number): void;
  /** The range will be written again (its fetch is retried): this hash is dropped, its result never settles. */
  cancel(): void;
  readonly result: Promise<RangeHash>;
}

/**
 * A stream tells the worker of written bytes at most once per this much (and at its end): one
 * message per 256 KiB write would be four per MiB on this thread, for a worker that hashes 256 KiB
 * per lane per step anyway.
 */
const STREAM_STEP = 1024 * 1024;

/**
 * Bytes a worker holds at once: ~50 ms of hashing, so it never waits for this thread to hand it the
 * next job (with 2 jobs each, a busy event loop starved the worker: loopback 1.33 -> 1.49 s).
 */
const PER_WORKER_BYTES = 32 * 1024 * 1024;
/**
 * With MD5 lanes a worker holds more: 8 streams fill its lanes (8 parts of 8 MiB are 64 MiB), and
 * a part's lanes finish together, so the next ones must be there already. 32 MiB left it in 4-lane
 * mode and idle 37 % of a foreign-upload run (profiled).
 */
const PER_WORKER_BYTES_LANES = 128 * 1024 * 1024;
/** The largest job this thread takes while helping: it blocks the event loop while it runs (8 MiB: ~13 ms). */
const HELP_MAX = 8 * 1024 * 1024;

interface Slot {
  w: Worker;
  inFlight: number;
  bytes: number;
}

export class HashPool {
  private readonly workers: Slot[] = [];
  /** Each job's caller, and its length (what it counts against a worker's bytes once handed over; for a stream, what is written so far). */
  private readonly waiting = new Map<number, { resolve: (h: RangeHash) => void; reject: (e: Error) => void; length: number }>();
  /** Jobs not handed to a worker yet (workers take the oldest). */
  private readonly queue: Job[] = [];
  private nextId = 0;
  private helping = false;
  /** Jobs this thread ran itself while helping. */
  helped = 0;
  private helpScheduled = false;
  private buf: Buffer | undefined;
  private closed = false;

  /**
   * Workers start with the first job (~12 MB of RSS each): a run whose objects all carry our CRC
   * needs none, or only the first, to write small files (writerPort).
   */
  constructor(
    private readonly size: number,
    /** MD5 streams in SIMD lanes (off: OpenSSL one job at a time, as without SIMD). */
    private readonly lanes = lanesSupported() && process.env.MARKETSIM_MD5_LANES !== '0',
  ) {}

  /** Starts workers until there are `n` (at most the pool's size). */
  private spawn(n = this.size): void {
    while (this.workers.length < Math.min(n, this.size)) {
      const { Worker } = workerThreads();
      const w = this.lanes ? new Worker(LANES_WORKER_CODE, { eval: true, workerData: MD5_LANES_WASM }) : new Worker(WORKER_CODE, { eval: true });
      const slot = { w, inFlight: 0, bytes: 0 };
      slot.w.on('message', (m: Reply) => {
        const p = this.waiting.get(m.id);
        if (p) {
          slot.inFlight--;
          slot.bytes -= p.length;
          this.waiting.delete(m.id);
          if (m.error !== undefined) p.reject(new Error(`hashing failed: ${m.error}`));
          else p.resolve({ bytes: m.bytes ?? 0, md5: m.md5 ?? '', parts: (m.parts ?? []).map((x) => Buffer.from(x, 'base64')) });
        }
        this.pump();
      });
      slot.w.on('error', (e) => {
        for (const p of this.waiting.values()) p.reject(e);
        this.waiting.clear();
      });
      // A worker that ended is dropped, so later jobs and writers start a new one: a message posted
      // to an exited worker is lost without an error, and whoever waits for its answer would wait forever.
      slot.w.on('exit', (code) => {
        const i = this.workers.indexOf(slot);
        if (i >= 0) this.workers.splice(i, 1);
        // Its jobs will never be answered (an error event has rejected them already, if there was one).
        if (slot.inFlight > 0 && !this.closed) {
          for (const p of this.waiting.values()) p.reject(new Error(`hashing failed: the hash worker exited (code ${code})`));
          this.waiting.clear();
        }
      });
      // Idle workers never hold the process open.
      slot.w.unref();
      this.workers.push(slot);
    }
  }

  /** MD5 (and per-part MD5s) of `length` bytes of `file` from `start`. */
  hash(file: string, start: number, length: number, partSize?: number): Promise<RangeHash> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, length });
      this.queue.push({ id, file, start, length, partSize });
      this.pump();
    });
  }

  /**
   * MD5 of `length` bytes of `file` from `start`, taken while they are written: with MD5 lanes, a
   * worker hashes the bytes as `written` reports them, so a part is verified moments after its last
   * byte lands. Without lanes the range is hashed once all of it is written, as `hash` does.
   */
  stream(file: string, start: number, length: number): HashStream {
    let sent = 0;
    let whole: Promise<RangeHash> | undefined;
    let settle: { resolve: (h: RangeHash) => void; reject: (e: Error) => void } | undefined;
    const result = new Promise<RangeHash>((resolve, reject) => (settle = { resolve, reject }));
    // Rejected before anyone awaits it (a read error while the range still downloads) is not an unhandled rejection.
    result.catch(() => undefined);
    if (!this.lanes) {
      let cancelled = false;
      return {
        written: (n) => {
          if (n !== length || whole || cancelled) return;
          whole = this.hash(file, start, length);
          whole.then(settle!.resolve, settle!.reject);
        },
        cancel: () => void (cancelled = true),
        result,
      };
    }
    if (this.workers.length < this.size) this.spawn();
    const slot = this.workers.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    const id = this.nextId++;
    const entry = { ...settle!, length: 0 };
    this.waiting.set(id, entry);
    slot.inFlight++;
    // Straight to a worker, whatever it holds: the bytes count against it only as they are written.
    slot.w.postMessage({ id, file, start, length, written: 0 } satisfies LaneJob);
    return {
      written: (n) => {
        if (!this.waiting.has(id) || n <= sent || (n - sent < STREAM_STEP && n !== length)) return;
        slot.bytes += n - sent;
        entry.length += n - sent;
        sent = n;
        slot.w.postMessage({ id, written: n } satisfies LaneProgress);
      },
      cancel: () => {
        if (!this.waiting.delete(id)) return;
        slot.inFlight--;
        slot.bytes -= entry.length;
        slot.w.postMessage({ id, cancel: true } satisfies LaneProgress);
        this.pump();
      },
      result,
    };
  }

  /**
   * A port on which the first worker also writes small files (SmallFileWriter's requests), so a run
   * does not start a second thread for that: ~12 MB of RSS and ~40 ms of CPU. Only with lanes: a
   * worker without them hashes one job at a time (up to 32 MiB, ~50 ms) and writes would wait behind it.
   */
  writerPort(): MessagePort | undefined {
    if (!this.lanes || this.size === 0 || this.closed) return undefined;
    this.spawn(1);
    const { port1, port2 } = new (workerThreads().MessageChannel)();
    this.workers[0]!.w.postMessage({ writerPort: port2 }, [port2]);
    return port1;
  }

  /**
   * From now on this thread takes queued jobs too, when the workers are busy: call it once nothing
   * is left to download but the last transfers (a loopback run ended with the worker hashing a
   * ~250 ms backlog alone while this thread idled).
   */
  help(): void {
    // A lane hashes 3-4x cheaper than OpenSSL on this thread: taking jobs from the lanes cost ~0.19 s of
    // this thread's CPU in a foreign-upload run (profiled); without helping, client CPU fell 2.06 -> 1.79 s
    // and wall 1.55 -> 1.45 s (medians of 12 alternating rounds, with PER_WORKER_BYTES_LANES).
    if (this.lanes) return;
    this.helping = true;
    this.pump();
  }

  private pump(): void {
    if (this.workers.length < this.size && this.queue.length > 0) this.spawn();
    for (const slot of this.workers) {
      // Always one job, then up to PER_WORKER_BYTES (with lanes, PER_WORKER_BYTES_LANES).
      const most = this.lanes ? PER_WORKER_BYTES_LANES : PER_WORKER_BYTES;
      while (this.queue.length > 0 && (slot.inFlight === 0 || slot.bytes + this.queue[0]!.length <= most)) {
        const job = this.queue.shift()!;
        slot.inFlight++;
        slot.bytes += job.length;
        slot.w.postMessage(job);
      }
    }
    if (this.helping && !this.helpScheduled && this.queue.some((j) => j.length <= HELP_MAX)) {
      this.helpScheduled = true;
      // After the event loop has had its turn: replies and the last bodies come first.
      setImmediate(() => this.helpOnce());
    }
  }

  /** Runs the newest small-enough queued job on this thread. */
  private helpOnce(): void {
    this.helpScheduled = false;
    let i = this.queue.length - 1;
    while (i >= 0 && this.queue[i]!.length > HELP_MAX) i--;
    if (i < 0) return;
    const job = this.queue.splice(i, 1)[0]!;
    const p = this.waiting.get(job.id);
    this.waiting.delete(job.id);
    this.helped++;
    try {
      this.buf ??= Buffer.allocUnsafe(1024 * 1024);
      p?.resolve(hashRangeHere(fs, crypto, this.buf, job.file, job.start, job.length, job.partSize));
    } catch (e) {
      p?.reject(new Error(`hashing failed: ${(e as Error).message}`));
    }
    this.pump();
  }

  /**
   * Checks a whole file against an ETag the way EtagHasher does: MD5 for a single-part ETag, the
   * composite for a multipart one with a known part size, else the size only.
   */
  async verify(file: string, size: number, etag: string, partSize?: number): Promise<{ method: VerifyMethod; bytes: number; actual: string }> {
    const method = verifyMethod(etag, partSize);
    if (method === 'md5') {
      const h = await this.hash(file, 0, size);
      return { method, bytes: h.bytes, actual: h.md5 };
    }
    if (method === 'multipart-md5') {
      const h = await this.hash(file, 0, size, partSize);
      return { method, bytes: h.bytes, actual: compositeEtag(h.parts) };
    }
    return { method, bytes: size, actual: etag };
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((slot) => slot.w.terminate()));
  }
}

/** One worker per core beyond the first (the JavaScript thread keeps its own); none on one core. */
export function hashPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.MARKETSIM_HASH_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(8, Number(forced));
  return Math.max(0, Math.min(4, os.availableParallelism() - 1));
}
