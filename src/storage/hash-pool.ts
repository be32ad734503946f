import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { compositeEtag, isSinglePartMd5, multipartParts, type VerifyMethod } from '../s3/etag.js';

/**
 * MD5 of written files on worker threads, so the JavaScript thread that parses bodies and feeds the
 * disk is not also the one hashing every byte (a profile of a 477 MB loopback download: 0.92 s of
 * its 2.2 s was MD5). A worker reads the bytes back from the file (the page cache) after they were
 * written, so what is verified is exactly what is kept. The worker is inline code (node builtins
 * only), so every ncc bundle carries it without a second entry file.
 */
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafe(1024 * 1024);
parentPort.on('message', ({ id, file, start, length, partSize }) => {
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    const whole = crypto.createHash('md5');
    const parts = [];
    let part = partSize ? crypto.createHash('md5') : undefined;
    let inPart = 0;
    let done = 0;
    while (done < length) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, length - done), start + done);
      if (n <= 0) break;
      const chunk = buf.subarray(0, n);
      whole.update(chunk);
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
    parentPort.postMessage({ id, bytes: done, md5: whole.digest('hex'), parts: parts.map((p) => p.toString('base64')) });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
});
`;

export interface RangeHash {
  bytes: number;
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

export class HashPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, { resolve: (h: RangeHash) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private turn = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_CODE, { eval: true });
      w.on('message', (m: Reply) => {
        const p = this.waiting.get(m.id);
        if (!p) return;
        this.waiting.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(`hashing failed: ${m.error}`));
        else p.resolve({ bytes: m.bytes ?? 0, md5: m.md5 ?? '', parts: (m.parts ?? []).map((x) => Buffer.from(x, 'base64')) });
      });
      w.on('error', (e) => {
        for (const p of this.waiting.values()) p.reject(e);
        this.waiting.clear();
      });
      // Idle workers never hold the process open.
      w.unref();
      this.workers.push(w);
    }
  }

  /** MD5 (and per-part MD5s) of `length` bytes of `file` from `start`. */
  hash(file: string, start: number, length: number, partSize?: number): Promise<RangeHash> {
    const id = this.nextId++;
    const w = this.workers[this.turn++ % this.workers.length]!;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      w.postMessage({ id, file, start, length, partSize });
    });
  }

  /**
   * Checks a whole file against an ETag the way EtagHasher does: MD5 for a single-part ETag, the
   * composite for a multipart one with a known part size, else the size only.
   */
  async verify(file: string, size: number, etag: string, partSize?: number): Promise<{ method: VerifyMethod; bytes: number; actual: string }> {
    if (isSinglePartMd5(etag)) {
      const h = await this.hash(file, 0, size);
      return { method: 'md5', bytes: h.bytes, actual: h.md5 };
    }
    if (multipartParts(etag) !== undefined && partSize) {
      const h = await this.hash(file, 0, size, partSize);
      return { method: 'multipart-md5', bytes: h.bytes, actual: compositeEtag(h.parts) };
    }
    return { method: 'size-only', bytes: size, actual: etag };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** One worker per core beyond the first (the JavaScript thread keeps its own); none on one core. */
export function hashPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.MARKETSIM_HASH_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(8, Number(forced));
  return Math.max(0, Math.min(4, os.availableParallelism() - 1));
}
