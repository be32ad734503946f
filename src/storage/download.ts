import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { LimitFunction } from 'p-limit';
import { compositeEtag, EtagHasher, hashFile, multipartParts, partSizeFits, verifyMethod, type VerifyMethod } from '../s3/etag.js';
import { normalizeEtag } from '../s3/list.js';
import { PARTIAL_SUFFIX } from './local-tree.js';
import type { PlanItem } from './plan.js';
import { withRetry } from '../net/retry.js';
import type { HashPool } from './hash-pool.js';
import { READ_BUFFER } from '../s3/body-client.js';
import { FileWriter, type BufferPool } from './file-writer.js';
import { header, type S3Http } from '../s3/s3-http.js';

/** Metadata key our uploads set, so a multipart ETag can be re-computed by anyone. */
export const PART_SIZE_META = 'x-amz-meta-marketsim-part-size';

export interface DownloadTuning {
  /** Objects up to this size are read whole into memory and written with one write call. */
  smallMax: number;
  /** Objects from this size on are fetched as parallel ranged GETs. */
  rangeThreshold: number;
  rangeSize: number;
  /** Size of the pooled buffers that batch body bytes into file writes. */
  writeBuffer: number;
  /** Whole-object attempts when the bytes do not match the ETag. */
  verifyAttempts: number;
}

/**
 * smallMax equals writeBuffer so every whole-read body fits a pooled buffer: bench peak RSS
 * 139-140 MB with 1 MiB (bodies of 256 KiB-1 MiB allocated each time) against 119-121 MB, same speed.
 */
export const DEFAULT_TUNING: DownloadTuning = {
  smallMax: 256 * 1024,
  rangeThreshold: 32 * 1024 * 1024,
  rangeSize: 8 * 1024 * 1024,
  writeBuffer: 256 * 1024,
  verifyAttempts: 3,
};

export interface DownloadContext {
  http: S3Http;
  /** Bounds HTTP requests in flight across all files. */
  requests: LimitFunction;
  /** Whole-read small objects go through this one (more in flight when answers are slow); else `requests`. */
  smallRequests?: LimitFunction;
  /** Told how long each small GET took, so the limit can adapt. */
  onSmallLatency?: (ms: number) => void;
  /** Hashes written files on worker threads (objects above smallMax); without it, hashing is inline. */
  hashes?: HashPool;
  tuning: DownloadTuning;
  /** Write buffers shared by all transfers. */
  buffers: BufferPool;
  /** Progress in bytes; negative to take back the bytes of a failed attempt. */
  onBytes: (n: number) => void;
  onRetry: (message: string) => void;
}

export interface Downloaded {
  size: number;
  etag: string;
  mtimeMs: number;
  method: VerifyMethod;
}

/** The bytes did not match the ETag after every attempt: never kept. */
export class CorruptObjectError extends Error {
  override name = 'CorruptObjectError';
}

/** The object was replaced while we read it (If-Match failed). */
class ObjectChangedError extends Error {
  override name = 'ObjectChangedError';
}

let tempCounter = 0;

/** `.<name>.<pid>-<n>.marketsim-partial` beside the target: unique per process, cheap to make. */
export function tempPathFor(dest: string): string {
  const base = path.basename(dest).slice(0, 180);
  return path.join(path.dirname(dest), `.${base}.${process.pid}-${++tempCounter}${PARTIAL_SUFFIX}`);
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * The part size behind a multipart ETag: our own uploads record it in metadata; otherwise the
 * size of part 1 from `HEAD ?partNumber=1` (R2 and S3 support it). Undefined when the answer is not
 * consistent with the part count (a store that ignores partNumber), so we never "verify" wrongly.
 */
export async function resolvePartSize(http: S3Http, key: string, size: number, parts: number): Promise<number | undefined> {
  return http.call('HEAD', key, `head s3://${http.store.bucket}/${key}`, { query: { partNumber: '1' } }, async (res) => {
    const meta = Number(header(res, PART_SIZE_META));
    if (partSizeFits(size, meta, parts)) return meta;
    const len = Number(header(res, 'content-length'));
    return partSizeFits(size, len, parts) ? len : undefined;
  });
}

function checkEtag(item: PlanItem, expected: string, actual: string): void {
  if (actual !== expected) throw new CorruptObjectError(`${item.key}: content does not match its ETag (${expected}, got ${actual})`);
}

function checkBytes(item: PlanItem, hasher: EtagHasher, size: number): void {
  if (hasher.bytes !== size) throw new CorruptObjectError(`${item.key}: got ${hasher.bytes} bytes, expected ${size}`);
  checkEtag(item, hasher.expected, hasher.digest());
}

function what(ctx: DownloadContext, item: PlanItem): string {
  return `get s3://${ctx.http.store.bucket}/${item.key}`;
}

/** The length the answer announces: the body client frames the body by it, and a small body is read into a buffer of that size. */
function lengthOf(item: PlanItem, headers: Record<string, string>): number {
  const n = Number(headers['content-length']);
  if (!Number.isSafeInteger(n) || n < 0) throw new CorruptObjectError(`${item.key}: answer has no usable Content-Length`);
  return n;
}

/**
 * Small object: one GET into one buffer (pooled when it fits), verified, then
 * open/write/fstat/close/rename on the thread pool. Synchronous writes were cheaper per file but
 * froze every transfer whenever the kernel throttled writeback (profiled: 2.9 s of a 15 s run
 * blocked in writeSync).
 */
async function downloadSmall(ctx: DownloadContext, item: PlanItem, dest: string, partSize?: number): Promise<Downloaded> {
  return (ctx.smallRequests ?? ctx.requests)(() =>
    withRetry(
      what(ctx, item),
      async () => {
        let hasher: EtagHasher | undefined;
        let body: Buffer | undefined;
        let size = 0;
        let etag = item.etag;
        const asked = Date.now();
        try {
          await ctx.http.getBody(item.key, what(ctx, item), { accept: [200] }, {
            start: (_status, headers) => {
              // A GET is atomic: verify against the ETag it came with, which is newer than the listing's if they differ.
              etag = normalizeEtag(headers.etag) || item.etag;
              hasher = new EtagHasher(etag, etag === item.etag ? partSize : undefined);
              size = lengthOf(item, headers);
              body = size <= ctx.buffers.size ? ctx.buffers.take() : Buffer.allocUnsafe(size);
            },
            data: (chunk) => {
              if (!hasher || !body || hasher.bytes + chunk.length > size) throw new CorruptObjectError(`${item.key}: body longer than its Content-Length`);
              body.set(chunk, hasher.bytes);
              hasher.update(chunk);
              return true;
            },
          });
          if (!hasher || !body) throw new CorruptObjectError(`${item.key}: no answer`);
          ctx.onSmallLatency?.(Date.now() - asked);
          checkBytes(item, hasher, size);
          const tmp = tempPathFor(dest);
          try {
            const fh = await fs.promises.open(tmp, 'wx', 0o644);
            let mtimeMs: number;
            try {
              await fh.write(body, 0, size, 0);
              mtimeMs = (await fh.stat()).mtimeMs;
            } finally {
              await fh.close();
            }
            await fs.promises.rename(tmp, dest);
            ctx.onBytes(size);
            return { size, etag, mtimeMs, method: hasher.method };
          } catch (e) {
            removeQuietly(tmp);
            throw e;
          }
        } finally {
          if (body) ctx.buffers.give(body);
        }
      },
      ctx.http.retryPolicy,
      ctx.onRetry,
    ),
  );
}

/**
 * Streams `bytes start..end` of the object (the whole body when `range` is absent), pinned to the
 * listed ETag with If-Match, into `fd` at the same offsets through a FileWriter. Every chunk is
 * given to `hash` first. A short, long or replaced body throws; progress of a failed attempt is taken back.
 */
async function fetchToFile(
  ctx: DownloadContext,
  item: PlanItem,
  fd: number,
  range: [number, number] | undefined,
  hash: { update(chunk: Uint8Array): void } | undefined,
): Promise<void> {
  const [start, end] = range ?? [0, item.size - 1];
  const writer = new FileWriter(fd, start, ctx.buffers, READ_BUFFER);
  let pos = start;
  try {
    await ctx.http.getBody(
      item.key,
      what(ctx, item),
      { headers: { ...(range ? { range: `bytes=${start}-${end}` } : {}), 'if-match': `"${item.etag}"` }, accept: [range ? 206 : 200, 412] },
      {
        start: (status, headers, resume) => {
          if (status === 412) throw new ObjectChangedError(item.key);
          if (range) {
            const cr = parseContentRange(headers['content-range']);
            if (!cr || cr.start !== start || cr.end !== end || cr.total !== item.size) {
              throw new CorruptObjectError(`${item.key}: store answered range ${headers['content-range']} for bytes ${start}-${end}/${item.size}`);
            }
          } else if (lengthOf(item, headers) !== item.size) throw new CorruptObjectError(`${item.key}: Content-Length ${headers['content-length']}, listed ${item.size}`);
          writer.onDrain = resume;
        },
        data: (chunk) => {
          if (pos + chunk.length > end + 1) throw new CorruptObjectError(`${item.key}: range ${start}-${end} ran long`);
          hash?.update(chunk);
          pos += chunk.length;
          ctx.onBytes(chunk.length);
          return writer.write(chunk);
        },
      },
    );
    if (pos !== end + 1) throw new CorruptObjectError(`${item.key}: range ${start}-${end} ended at ${pos}`);
    await writer.end();
  } catch (e) {
    await writer.idle();
    ctx.onBytes(start - pos);
    throw e;
  }
}

/** Medium object: one GET streamed to a temporary file, hashed on the way (or, with a hash pool, read back on a worker). */
async function downloadStream(ctx: DownloadContext, item: PlanItem, tmp: string, partSize?: number): Promise<Omit<Downloaded, 'mtimeMs'>> {
  await ctx.requests(() =>
    withRetry(
      what(ctx, item),
      async () => {
        const hasher = ctx.hashes ? undefined : new EtagHasher(item.etag, partSize);
        const fh = await fs.promises.open(tmp, 'w', 0o644);
        try {
          await fetchToFile(ctx, item, fh.fd, undefined, hasher);
        } finally {
          await fh.close();
        }
        if (hasher) checkBytes(item, hasher, item.size);
      },
      ctx.http.retryPolicy,
      ctx.onRetry,
    ),
  );
  // Outside the request slot: the next GET starts while a worker hashes this file.
  return ctx.hashes ? verifyOnWorker(ctx.hashes, item, tmp, partSize) : { size: item.size, etag: item.etag, method: verifyMethod(item.etag, partSize) };
}

async function verifyOnWorker(pool: HashPool, item: PlanItem, tmp: string, partSize?: number): Promise<Omit<Downloaded, 'mtimeMs'>> {
  const v = await pool.verify(tmp, item.size, item.etag, partSize);
  if (v.bytes !== item.size) throw new CorruptObjectError(`${item.key}: got ${v.bytes} bytes, expected ${item.size}`);
  checkEtag(item, item.etag, v.actual);
  return { size: item.size, etag: item.etag, method: v.method };
}

function parseContentRange(v: string | undefined): { start: number; end: number; total: number } | undefined {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(v ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]), total: Number(m[3]) } : undefined;
}

/** Large object: parallel ranged GETs pinned with If-Match, written at their offsets, then hashed in order. */
async function downloadRanged(ctx: DownloadContext, item: PlanItem, tmp: string, partSize?: number): Promise<Omit<Downloaded, 'mtimeMs'>> {
  // w+: the ranges are written here, then read back in order to hash them.
  const fh = await fs.promises.open(tmp, 'w+', 0o644);
  try {
    await fh.truncate(item.size);
    // With a multipart ETag and a known part size, one range per part: each part's MD5 is taken as
    // its bytes arrive, in parallel, and the file never has to be read back to be verified.
    const inline = partSize !== undefined && multipartParts(item.etag) !== undefined && partSize <= 4 * ctx.tuning.rangeSize;
    const step = inline ? partSize : ctx.tuning.rangeSize;
    const ranges: [number, number][] = [];
    for (let start = 0; start < item.size; start += step) ranges.push([start, Math.min(item.size, start + step) - 1]);
    const partMd5s: Buffer[] = new Array<Buffer>(ranges.length);
    let failed = false;
    const pool = ctx.hashes;
    const settled = await Promise.allSettled(
      ranges.map((range) =>
        ctx
          .requests(() => {
            // Once one range has failed for good, the queued ones are not worth fetching.
            if (failed) throw new Error('cancelled');
            return withRetry(
              `${what(ctx, item)} bytes ${range[0]}-${range[1]}`,
              async () => {
                const md5 = inline && !pool ? createHash('md5') : undefined;
                await fetchToFile(ctx, item, fh.fd, range, md5);
                if (md5) partMd5s[range[0] / step] = md5.digest();
              },
              ctx.http.retryPolicy,
              ctx.onRetry,
            ).catch((e: unknown) => {
              failed = true;
              throw e;
            });
          })
          // A worker hashes the part once written, while the request slot goes to the next range.
          .then(async () => {
            if (inline && pool) partMd5s[range[0] / step] = Buffer.from((await pool.hash(tmp, range[0], range[1] - range[0] + 1)).md5, 'hex');
          }),
      ),
    );
    const firstFailure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected' && (r.reason as Error).message !== 'cancelled');
    if (firstFailure) throw firstFailure.reason;
    if (inline) {
      checkEtag(item, item.etag, compositeEtag(partMd5s));
      return { size: item.size, etag: item.etag, method: 'multipart-md5' };
    }
    // Single-part ETag: one MD5 over the whole body, so hash the file front to back (it is in the page cache).
    if (pool) return await verifyOnWorker(pool, item, tmp, partSize);
    const hasher = new EtagHasher(item.etag, partSize);
    await hashFile(fh, item.size, hasher);
    checkBytes(item, hasher, item.size);
    return { size: item.size, etag: item.etag, method: hasher.method };
  } finally {
    await fh.close();
  }
}

/**
 * Downloads one object to `dest` (whose folder exists and was checked): bytes land in a temporary
 * file beside it and are renamed only after size and ETag match. Corruption and mid-read
 * replacement are retried as a whole; the bytes of a failed attempt are never kept.
 */
export async function downloadObject(ctx: DownloadContext, item: PlanItem, dest: string): Promise<Downloaded> {
  let current = item;
  let lastError: unknown;
  for (let attempt = 1; attempt <= ctx.tuning.verifyAttempts; attempt++) {
    const parts = multipartParts(current.etag);
    const partSize = parts === undefined ? undefined : await ctx.requests(() => resolvePartSize(ctx.http, current.key, current.size, parts));
    if (current.size <= ctx.tuning.smallMax) {
      try {
        return await downloadSmall(ctx, current, dest, partSize);
      } catch (e) {
        if (!(e instanceof CorruptObjectError)) throw e;
        lastError = e;
        ctx.onRetry(`${e.message}; attempt ${attempt} of ${ctx.tuning.verifyAttempts}`);
        continue;
      }
    }
    const tmp = tempPathFor(dest);
    try {
      const got = current.size < ctx.tuning.rangeThreshold ? await downloadStream(ctx, current, tmp, partSize) : await downloadRanged(ctx, current, tmp, partSize);
      const mtimeMs = fs.statSync(tmp).mtimeMs;
      fs.renameSync(tmp, dest);
      return { ...got, mtimeMs };
    } catch (e) {
      removeQuietly(tmp);
      if (e instanceof ObjectChangedError) {
        ctx.onRetry(`${current.key} changed in the bucket while downloading; starting over`);
        current = await ctx.requests(() => headObject(ctx.http, current));
      } else if (e instanceof CorruptObjectError) {
        ctx.onRetry(`${e.message}; attempt ${attempt} of ${ctx.tuning.verifyAttempts}`);
      } else throw e;
      lastError = e;
    }
  }
  throw new CorruptObjectError(`${item.key}: not saved after ${ctx.tuning.verifyAttempts} attempts: ${(lastError as Error).message}`);
}

async function headObject(http: S3Http, item: PlanItem): Promise<PlanItem> {
  return http.call('HEAD', item.key, `head s3://${http.store.bucket}/${item.key}`, {}, async (res) => ({
    ...item,
    size: Number(header(res, 'content-length')),
    etag: normalizeEtag(header(res, 'etag')),
  }));
}
