import fs from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { LimitFunction } from 'p-limit';
import { compositeEtag, EtagHasher, hashPath, multipartParts, partSizeFits, verifyMethod, type VerifyMethod } from '../s3/etag.js';
import { CRC_META, Crc32, crc32, crc32Combine, crcHex, parseCrcMeta } from '../s3/crc.js';
import { normalizeEtag } from '../s3/list.js';
import { PARTIAL_SUFFIX } from './local-tree.js';
import type { PlanItem } from './plan.js';
import { withRetry } from '../net/retry.js';
import type { HashPool, HashStream } from './hash-pool.js';
import { READ_BUFFER } from '../s3/body-client.js';
import { FileWriter, type BufferPool } from './file-writer.js';
import type { SmallFileWriter } from './small-writer.js';
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
  /** Writes small files on a worker thread; without it, on the thread pool. */
  smallWriter?: SmallFileWriter;
  /** Progress in bytes; negative to take back the bytes of a failed attempt. */
  onBytes: (n: number) => void;
  onRetry: (message: string) => void;
  /** Something the user should see that is not a failure (e.g. a wrong CRC in metadata, overruled by the ETag). */
  onNotice?: (message: string) => void;
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

/** Small files queued on the writer thread beyond which more go through the thread pool (~2 ms of writes on a local disk). */
const WRITER_BACKLOG = 32;

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

/** What `HEAD ?partNumber=1` tells about a multipart object. */
export interface PartsHead {
  /** The part size behind its ETag, when consistent with the part count. */
  partSize?: number;
  /** The CRC-32 our upload recorded, when the answer is for the listed ETag. */
  crc?: number;
}

/**
 * The part size behind a multipart ETag: our own uploads record it in metadata; otherwise the
 * size of part 1 from `HEAD ?partNumber=1` (R2 and S3 support it). Undefined when the answer is not
 * consistent with the part count (a store that ignores partNumber), so we never "verify" wrongly.
 * The same answer carries the CRC-32 metadata of our uploads, read at no extra request.
 */
export async function headParts(http: S3Http, key: string, size: number, parts: number, etag: string): Promise<PartsHead> {
  return http.call('HEAD', key, `head s3://${http.store.bucket}/${key}`, { query: { partNumber: '1' } }, async (res) => {
    const crc = normalizeEtag(header(res, 'etag')) === etag ? parseCrcMeta(header(res, CRC_META)) : undefined;
    const meta = Number(header(res, PART_SIZE_META));
    if (partSizeFits(size, meta, parts)) return { partSize: meta, crc };
    const len = Number(header(res, 'content-length'));
    return { partSize: partSizeFits(size, len, parts) ? len : undefined, crc };
  });
}

function checkEtag(item: PlanItem, expected: string, actual: string): void {
  if (actual !== expected) throw new CorruptObjectError(`${item.key}: content does not match its ETag (${expected}, got ${actual})`);
}

function checkBytes(item: PlanItem, hasher: EtagHasher, size: number): void {
  if (hasher.bytes !== size) throw new CorruptObjectError(`${item.key}: got ${hasher.bytes} bytes, expected ${size}`);
  checkEtag(item, hasher.expected, hasher.digest());
}

/** The CRC-32 an answer's metadata records, and the one its bytes gave. */
interface CrcCheck {
  want: number;
  got: number;
}

/**
 * Bytes whose CRC-32 disagrees with the one our upload recorded: the ETag decides. When the MD5 (or
 * multipart MD5) matches it, the metadata is wrong, not the bytes: told, and the file is kept.
 * Otherwise, or when the ETag cannot be checked, the bytes are corrupt.
 */
function overruleCrc(ctx: DownloadContext, item: PlanItem, etag: string, crc: CrcCheck, md5: { method: VerifyMethod; actual: string }): VerifyMethod {
  const what = `CRC-32 ${crcHex(crc.got)}, but ${crcHex(crc.want)} was recorded at upload`;
  if (md5.method === 'size-only') throw new CorruptObjectError(`${item.key}: ${what}`);
  if (md5.actual !== etag) throw new CorruptObjectError(`${item.key}: ${what}; content does not match its ETag either (${etag}, got ${md5.actual})`);
  ctx.onNotice?.(`${item.key}: ${what}; its bytes match its ETag, so the metadata is wrong: kept, verified by MD5 (upload it again to mend the metadata)`);
  return md5.method;
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
 * open/write/fstat/close/rename synchronously on the writer thread (SmallFileWriter), else on the
 * thread pool. Not synchronously on this thread: that froze every transfer whenever the kernel
 * throttled writeback (profiled: 2.9 s of a 15 s run blocked in writeSync). With our CRC-32 in
 * the answer's metadata, that is checked instead of the MD5, which is taken only if the CRC disagrees.
 */
async function downloadSmall(ctx: DownloadContext, item: PlanItem, dest: string, partSize?: number): Promise<Downloaded> {
  return (ctx.smallRequests ?? ctx.requests)(() =>
    withRetry(
      what(ctx, item),
      async () => {
        let hasher: EtagHasher | Crc32 | undefined;
        let want: number | undefined;
        let body: Buffer | undefined;
        let got = 0;
        let size = 0;
        let etag = item.etag;
        let etagPartSize: number | undefined;
        const asked = Date.now();
        try {
          await ctx.http.getBody(item.key, what(ctx, item), { accept: [200] }, {
            start: (_status, headers) => {
              // A GET is atomic: verify against the ETag it came with, which is newer than the listing's if they differ.
              etag = normalizeEtag(headers.etag) || item.etag;
              // The part size belongs to the listed ETag.
              etagPartSize = etag === item.etag ? partSize : undefined;
              want = parseCrcMeta(headers[CRC_META]);
              hasher = want === undefined ? new EtagHasher(etag, etagPartSize) : new Crc32();
              size = lengthOf(item, headers);
              body = size <= ctx.buffers.size ? ctx.buffers.take(size) : Buffer.allocUnsafe(size);
            },
            data: (chunk) => {
              if (!hasher || !body || got + chunk.length > size) throw new CorruptObjectError(`${item.key}: body longer than its Content-Length`);
              // Read straight into the body's room (see `room`): nothing to copy.
              if (chunk.buffer !== body.buffer || chunk.byteOffset !== body.byteOffset + got) body.set(chunk, got);
              got += chunk.length;
              hasher.update(chunk);
              return true;
            },
            room: () => body?.subarray(got, size),
          });
          if (!hasher || !body) throw new CorruptObjectError(`${item.key}: no answer`);
          ctx.onSmallLatency?.(Date.now() - asked);
          if (got !== size) throw new CorruptObjectError(`${item.key}: got ${got} bytes, expected ${size}`);
          let method: VerifyMethod;
          if (hasher instanceof Crc32) {
            if (hasher.value === want) method = 'crc32';
            else {
              const md5 = new EtagHasher(etag, etagPartSize);
              md5.update(body.subarray(0, size));
              method = overruleCrc(ctx, item, etag, { want: want!, got: hasher.value }, { method: md5.method, actual: md5.digest() });
            }
          } else {
            checkBytes(item, hasher, size);
            method = hasher.method;
          }
          const tmp = tempPathFor(dest);
          // A backlog there (a slow file system: one thread creates files one at a time) spills to the thread pool's four.
          if (ctx.smallWriter && ctx.smallWriter.pending < WRITER_BACKLOG) {
            const mtimeMs = await ctx.smallWriter.write(tmp, dest, body.subarray(0, size));
            ctx.onBytes(size);
            return { size, etag, mtimeMs, method };
          }
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
            return { size, etag, mtimeMs, method };
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

/** What one GET of a file's bytes saw: the CRC-32 our upload recorded (if the answer carried it) and that of the bytes. */
interface Fetched {
  want?: number;
  crc: number;
}

/**
 * Streams `bytes start..end` of the object (the whole body when `range` is absent), pinned to the
 * listed ETag with If-Match, into `fd` at the same offsets through a FileWriter. Every chunk is
 * given to `hash` first, and to a CRC-32 when the answer carries our CRC metadata (zlib.crc32:
 * ~3 ms per 8 MiB range on this thread). `stream` is told of the bytes as they are written. A short,
 * long or replaced body throws; progress of a failed attempt is taken back.
 */
async function fetchToFile(
  ctx: DownloadContext,
  item: PlanItem,
  fd: number,
  range: [number, number] | undefined,
  hash: { update(chunk: Uint8Array): void } | undefined,
  stream?: HashStream,
): Promise<Fetched> {
  const [start, end] = range ?? [0, item.size - 1];
  const writer = new FileWriter(fd, start, ctx.buffers, READ_BUFFER);
  if (stream) writer.onWritten = (pos) => stream.written(pos - start);
  let pos = start;
  const out: Fetched = { crc: 0 };
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
          out.want = parseCrcMeta(headers[CRC_META]);
          writer.onDrain = resume;
        },
        room: () => writer.room(),
        data: (chunk) => {
          if (pos + chunk.length > end + 1) throw new CorruptObjectError(`${item.key}: range ${start}-${end} ran long`);
          hash?.update(chunk);
          if (out.want !== undefined) out.crc = crc32(chunk, out.crc);
          pos += chunk.length;
          ctx.onBytes(chunk.length);
          return writer.write(chunk);
        },
      },
    );
    if (pos !== end + 1) throw new CorruptObjectError(`${item.key}: range ${start}-${end} ended at ${pos}`);
    await writer.end();
    return out;
  } catch (e) {
    await writer.idle();
    ctx.onBytes(start - pos);
    throw e;
  }
}

/** The written file's MD5 (or multipart MD5), as its ETag's form asks: on a worker with a pool, else here. A short file is corrupt. */
async function md5OfFile(ctx: DownloadContext, item: PlanItem, tmp: string, partSize?: number): Promise<{ method: VerifyMethod; actual: string }> {
  let v: { method: VerifyMethod; actual: string; bytes: number };
  if (ctx.hashes) v = await ctx.hashes.verify(tmp, item.size, item.etag, partSize);
  else {
    const hasher = new EtagHasher(item.etag, partSize);
    await hashPath(tmp, item.size, hasher);
    v = { method: hasher.method, actual: hasher.digest(), bytes: hasher.bytes };
  }
  if (v.bytes !== item.size) throw new CorruptObjectError(`${item.key}: got ${v.bytes} bytes, expected ${item.size}`);
  return v;
}

/** The written file checked against its ETag. */
async function verifyFile(ctx: DownloadContext, item: PlanItem, tmp: string, partSize?: number): Promise<Omit<Downloaded, 'mtimeMs'>> {
  const v = await md5OfFile(ctx, item, tmp, partSize);
  checkEtag(item, item.etag, v.actual);
  return { size: item.size, etag: item.etag, method: v.method };
}

/** The written file, all of whose answers carried our CRC: checked by it, or (when it disagrees) by the ETag. */
async function verifyByCrc(ctx: DownloadContext, item: PlanItem, tmp: string, crc: CrcCheck, partSize?: number): Promise<Omit<Downloaded, 'mtimeMs'>> {
  if (crc.got === crc.want) return { size: item.size, etag: item.etag, method: 'crc32' };
  return { size: item.size, etag: item.etag, method: overruleCrc(ctx, item, item.etag, crc, await md5OfFile(ctx, item, tmp, partSize)) };
}

/** Medium object: one GET streamed to a temporary file, checked by our CRC on the way, else hashed on the way (or, with a hash pool, read back on a worker). */
async function downloadStream(ctx: DownloadContext, item: PlanItem, tmp: string, partSize?: number): Promise<Omit<Downloaded, 'mtimeMs'>> {
  let fetched: Fetched = { crc: 0 };
  await ctx.requests(() =>
    withRetry(
      what(ctx, item),
      async () => {
        const hasher = ctx.hashes ? undefined : new EtagHasher(item.etag, partSize);
        const fh = await fs.promises.open(tmp, 'w', 0o644);
        try {
          fetched = await fetchToFile(ctx, item, fh.fd, undefined, hasher);
        } finally {
          await fh.close();
        }
        if (hasher && fetched.want === undefined) checkBytes(item, hasher, item.size);
      },
      ctx.http.retryPolicy,
      ctx.onRetry,
    ),
  );
  // Outside the request slot: the next GET starts while a worker hashes this file.
  if (fetched.want !== undefined) return verifyByCrc(ctx, item, tmp, { want: fetched.want, got: fetched.crc }, partSize);
  return ctx.hashes ? verifyFile(ctx, item, tmp, partSize) : { size: item.size, etag: item.etag, method: verifyMethod(item.etag, partSize) };
}

function parseContentRange(v: string | undefined): { start: number; end: number; total: number } | undefined {
  const m = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(v ?? '');
  return m ? { start: Number(m[1]), end: Number(m[2]), total: Number(m[3]) } : undefined;
}

/**
 * Large object: parallel ranged GETs pinned with If-Match, written at their offsets. When every
 * answer carries our CRC, the ranges' CRCs combine into the object's and nothing is read back;
 * otherwise a multipart ETag with a known part size is checked part by part as parts arrive, and
 * a single-part one by hashing the file in order.
 */
async function downloadRanged(ctx: DownloadContext, item: PlanItem, tmp: string, head: PartsHead): Promise<Omit<Downloaded, 'mtimeMs'>> {
  const { partSize } = head;
  // The ranges are written here; without our CRC the file is read back by path to be hashed.
  const fh = await fs.promises.open(tmp, 'w', 0o644);
  try {
    await fh.truncate(item.size);
    // With a multipart ETag, a known part size and no CRC of ours, one range per part: each part's
    // MD5 is taken as its bytes arrive, in parallel, and the file never has to be read back to be verified.
    const inline = head.crc === undefined && partSize !== undefined && multipartParts(item.etag) !== undefined && partSize <= 4 * ctx.tuning.rangeSize;
    const step = inline ? partSize : ctx.tuning.rangeSize;
    const ranges: [number, number][] = [];
    for (let start = 0; start < item.size; start += step) ranges.push([start, Math.min(item.size, start + step) - 1]);
    const partMd5s: Buffer[] = new Array<Buffer>(ranges.length);
    const partHashes: (HashStream | undefined)[] = new Array<HashStream | undefined>(ranges.length);
    const fetched: Fetched[] = new Array<Fetched>(ranges.length);
    let failed = false;
    const pool = ctx.hashes;
    const settled = await Promise.allSettled(
      ranges.map((range, i) =>
        ctx
          .requests(() => {
            // Once one range has failed for good, the queued ones are not worth fetching.
            if (failed) throw new Error('cancelled');
            return withRetry(
              `${what(ctx, item)} bytes ${range[0]}-${range[1]}`,
              async () => {
                const md5 = inline && !pool ? createHash('md5') : undefined;
                // With a pool, a worker hashes the part as its bytes are written (each attempt anew).
                const stream = inline && pool ? pool.stream(tmp, range[0], range[1] - range[0] + 1) : undefined;
                try {
                  fetched[i] = await fetchToFile(ctx, item, fh.fd, range, md5, stream);
                } catch (e) {
                  stream?.cancel();
                  throw e;
                }
                if (md5) partMd5s[i] = md5.digest();
                partHashes[i] = stream;
              },
              ctx.http.retryPolicy,
              ctx.onRetry,
            ).catch((e: unknown) => {
              failed = true;
              throw e;
            });
          })
          // The part's last bytes are hashed while the request slot goes to the next range.
          .then(async () => {
            const stream = partHashes[i];
            if (stream) partMd5s[i] = Buffer.from((await stream.result).md5, 'hex');
          }),
      ),
    );
    const firstFailure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected' && (r.reason as Error).message !== 'cancelled');
    if (firstFailure) throw firstFailure.reason;
    const want = fetched[0]?.want;
    if (want !== undefined && fetched.every((f) => f.want === want)) {
      const got = fetched.reduce((acc, f, i) => crc32Combine(acc, f.crc, ranges[i]![1] - ranges[i]![0] + 1), 0);
      return await verifyByCrc(ctx, item, tmp, { want, got }, partSize);
    }
    if (inline) {
      checkEtag(item, item.etag, compositeEtag(partMd5s));
      return { size: item.size, etag: item.etag, method: 'multipart-md5' };
    }
    // Single-part ETag (or a part size too big to fetch per part): hash the file front to back (it is in the page cache).
    return await verifyFile(ctx, item, tmp, partSize);
  } finally {
    await fh.close();
  }
}

/**
 * Downloads one object to `dest` (whose folder exists and was checked): bytes land in a temporary
 * file beside it and are renamed only after size and ETag (or our CRC) match. Corruption and
 * mid-read replacement are retried as a whole; the bytes of a failed attempt are never kept.
 */
export async function downloadObject(ctx: DownloadContext, item: PlanItem, dest: string): Promise<Downloaded> {
  let current = item;
  let lastError: unknown;
  for (let attempt = 1; attempt <= ctx.tuning.verifyAttempts; attempt++) {
    const parts = multipartParts(current.etag);
    const head: PartsHead = parts === undefined ? {} : await ctx.requests(() => headParts(ctx.http, current.key, current.size, parts, current.etag));
    if (current.size <= ctx.tuning.smallMax) {
      try {
        return await downloadSmall(ctx, current, dest, head.partSize);
      } catch (e) {
        if (!(e instanceof CorruptObjectError)) throw e;
        lastError = e;
        ctx.onRetry(`${e.message}; attempt ${attempt} of ${ctx.tuning.verifyAttempts}`);
        continue;
      }
    }
    const tmp = tempPathFor(dest);
    try {
      const got = current.size < ctx.tuning.rangeThreshold ? await downloadStream(ctx, current, tmp, head.partSize) : await downloadRanged(ctx, current, tmp, head);
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
