import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import type { Logger, ProgressSink } from '../runtime/ports.js';
import { explainAccessError, FIRST_REQUEST_RETRY } from '../s3/access-check.js';
import { type PersistConfig } from './config.js';
import { storeUri } from '../s3/store.js';
import { CRC_META, CRC_META_NAME, Crc32, crc32, crcHex } from '../s3/crc.js';
import { hashPath, PartsHasher, partSizeFor } from '../s3/etag.js';
import { listAll, normalizeEtag, type RemoteObject } from '../s3/list.js';
import { S3Error } from '../s3/s3-errors.js';
import { header, S3Http } from '../s3/s3-http.js';
import { loadSdk, sdkClient, type Sdk } from '../s3/s3-sdk.js';
import { walkUpload, type UploadFile } from './upload-walk.js';

export interface UploadTuning {
  /** Files below this size are read whole (a consistent snapshot) and sent in one PUT. */
  smallMax: number;
  /** From this size on: multipart (see MULTIPART_THRESHOLD). */
  multipartThreshold: number;
}

/**
 * Files from this size on go up as equal-part multipart uploads (R2 requires equal parts); below it,
 * one streamed PUT. 100 MB is the field's usual cut (r2-upload-action, github-action-aws-s3;
 * rclone uses 200 MiB): a single PUT needs no part buffers and the store checks its Content-MD5.
 */
export const MULTIPART_THRESHOLD = 100 * 1024 * 1024;

export const DEFAULT_UPLOAD_TUNING: UploadTuning = { smallMax: 1024 * 1024, multipartThreshold: MULTIPART_THRESHOLD };
/** Multipart uploads in flight at once (each keeps 4 parts in memory). */
const LARGE_AT_ONCE = 1;

export interface PersistResult {
  experimentId: string;
  uri: string;
  files: number;
  uploaded: number;
  skipped: number;
  bytesUploaded: number;
  /** Every local file is in the bucket with its size (and content hash) after the upload. */
  verified: boolean;
  missing: string[];
  /** Files that grew while being read: uploaded as a consistent snapshot. */
  growing: string[];
  skippedLinks: { rel: string; reason: string }[];
  failures: { rel: string; message: string }[];
  noFiles: boolean;
  elapsedMs: number;
}

export class NoFilesError extends Error {
  override name = 'NoFilesError';
}

const CONTENT_TYPES: Record<string, string> = {
  '.log': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.out': 'text/plain; charset=utf-8',
  '.err': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
};

function contentType(rel: string): string {
  return CONTENT_TYPES[path.extname(rel).toLowerCase()] ?? 'application/octet-stream';
}

interface Snapshot {
  size: number;
  /** Every ETag form these bytes may carry: MD5, and for multipart the composite form too. */
  etags: string[];
  growing: boolean;
}

/** Reads a small file until two reads agree on its size (an appending writer cannot tear it). */
async function readSnapshot(file: string): Promise<{ buf: Buffer; growing: boolean }> {
  let buf = await fs.promises.readFile(file);
  for (let i = 0; i < 3; i++) {
    const size = (await fs.promises.stat(file)).size;
    if (size === buf.length) return { buf, growing: i > 0 };
    buf = await fs.promises.readFile(file);
  }
  return { buf, growing: true };
}

/** MD5, CRC-32 and (given a part size) the per-part MD5s of the first `size` bytes, in one pass. */
async function hashPrefix(file: string, size: number, partSize?: number): Promise<{ md5: string; composite?: string; crc: string }> {
  const whole = createHash('md5');
  const crc = new Crc32();
  // A single PUT needs no per-part MD5s: for one part that would be a second MD5 of every byte.
  const parts = partSize === undefined ? undefined : new PartsHasher(partSize);
  if ((await hashPath(file, size, whole, crc, ...(parts ? [parts] : []))) < size) throw new Error(`${file} shrank while being read`);
  return { md5: whole.digest('hex'), composite: parts?.digest(), crc: crcHex(crc.value) };
}

/**
 * Every ETag the first `size` bytes of a file may carry once uploaded as we upload it: the MD5, and
 * for a multipart upload (larger than one part) the composite of the part MD5s too.
 */
export async function uploadEtags(file: string, size: number): Promise<{ partSize: number; md5: string; crc: string; etags: string[] }> {
  const partSize = partSizeFor(size);
  const { md5, composite, crc } = await hashPrefix(file, size, size > partSize ? partSize : undefined);
  return { partSize, md5, crc, etags: size > partSize ? [composite!, md5] : [md5] };
}

/**
 * Small file: one signed PUT through our own client with Content-MD5, so the store rejects a body
 * that arrives different from what we read. Every upload also records the CRC-32 of the bytes it
 * sends (CRC_META), which hydrate checks for a sixth of MD5's CPU; Content-MD5 (or the ETag check
 * after a multipart upload) proves those bytes are the ones stored. Not the SDK: its middleware and
 * payload SHA-256 cost ~2 ms of CPU per file (profiled), which is most of the time when logs are
 * many small files.
 */
async function uploadSmall(http: S3Http, key: string, f: UploadFile, remote: RemoteObject | undefined): Promise<Snapshot & { uploaded: boolean }> {
  const { buf, growing } = await readSnapshot(f.abs);
  const md5 = createHash('md5').update(buf).digest();
  const hex = md5.toString('hex');
  if (remote && remote.size === buf.length && remote.etag === hex) return { size: buf.length, etags: [hex], growing, uploaded: false };
  const etag = await http.call(
    'PUT',
    key,
    `put s3://${http.store.bucket}/${key}`,
    { body: buf, headers: { 'content-md5': md5.toString('base64'), 'content-length': String(buf.length), 'content-type': contentType(f.rel), [CRC_META]: crcHex(crc32(buf)) } },
    async (res) => normalizeEtag(header(res, 'etag')),
  );
  if (etag && /^[0-9a-f]{32}$/.test(etag) && etag !== hex) throw new Error(`store answered ETag ${etag} for content with MD5 ${hex}`);
  return { size: buf.length, etags: [hex], growing, uploaded: true };
}

/** Medium file: the first `size` bytes (the snapshot) streamed in one PUT with their Content-MD5. */
async function uploadStreamed(http: S3Http, key: string, f: UploadFile, remote: RemoteObject | undefined): Promise<Snapshot & { uploaded: boolean }> {
  for (let attempt = 1; ; attempt++) {
    const size = (await fs.promises.stat(f.abs)).size;
    const { md5, crc } = await hashPrefix(f.abs, size);
    if (remote && remote.size === size && remote.etag === md5) return { size, etags: [md5], growing: false, uploaded: false };
    try {
      await http.call(
        'PUT',
        key,
        `put s3://${http.store.bucket}/${key}`,
        {
          body: () => fs.createReadStream(f.abs, { start: 0, end: size - 1, highWaterMark: 1024 * 1024 }),
          headers: { 'content-md5': Buffer.from(md5, 'hex').toString('base64'), 'content-length': String(size), 'content-type': contentType(f.rel), [CRC_META]: crc },
        },
        async () => undefined,
      );
    } catch (e) {
      // BadDigest: the bytes changed under us (rewritten, not appended); read the file again once.
      if (attempt < 2 && e instanceof S3Error && e.code === 'BadDigest') continue;
      throw e;
    }
    const growing = (await fs.promises.stat(f.abs)).size !== size;
    return { size, etags: [md5], growing, uploaded: true };
  }
}

async function uploadLarge(
  sdk: Sdk,
  client: S3Client,
  bucket: string,
  key: string,
  f: UploadFile,
  remote: RemoteObject | undefined,
  onBytes: (n: number) => void,
): Promise<Snapshot & { uploaded: boolean }> {
  for (let attempt = 1; ; attempt++) {
    // The size now is the snapshot: an appending writer may add more, but these bytes are final.
    const size = (await fs.promises.stat(f.abs)).size;
    const { partSize, md5, crc, etags } = await uploadEtags(f.abs, size);
    if (remote && remote.size === size && etags.includes(remote.etag)) return { size, etags, growing: false, uploaded: false };
    const upload = new sdk.Upload({
      client,
      params: {
        Bucket: bucket,
        Key: key,
        Body: fs.createReadStream(f.abs, { start: 0, end: size - 1, highWaterMark: 1024 * 1024 }),
        ContentLength: size,
        ContentType: contentType(f.rel),
        Metadata: { 'marketsim-part-size': String(partSize), 'marketsim-md5': md5, [CRC_META_NAME]: crc },
      },
      partSize,
      queueSize: 4,
      leavePartsOnError: false,
    });
    let sent = 0;
    upload.on('httpUploadProgress', (p) => {
      const loaded = p.loaded ?? 0;
      if (loaded > sent) {
        onBytes(loaded - sent);
        sent = loaded;
      }
    });
    const out = await upload.done();
    const etag = normalizeEtag(out.ETag);
    const growing = (await fs.promises.stat(f.abs)).size !== size;
    // s3rver answers the whole-object MD5 for multipart uploads; both forms prove the content.
    if (!etag || etags.includes(etag)) return { size, etags, growing, uploaded: true };
    onBytes(-sent);
    if (attempt >= 2) throw new Error(`content changed while uploading (ETag ${etag}, expected ${etags.join(' or ')}); the file is being rewritten, not appended`);
  }
}

/**
 * Uploads the log folder to `<targetPrefix>`: incremental (same size and MD5 = skipped), multipart
 * with equal parts for large files, then lists the target and confirms every file landed.
 */
export async function persistLogs(cfg: PersistConfig, log: Logger, progress: ProgressSink, tuning: UploadTuning = DEFAULT_UPLOAD_TUNING): Promise<PersistResult> {
  const started = Date.now();
  const uri = storeUri(cfg.store, cfg.targetPrefix);
  const walked = walkUpload(cfg.logDir);
  const tree = cfg.only ? { ...walked, files: walked.files.filter((f) => cfg.only!.has(f.rel)) } : walked;
  const result: PersistResult = {
    experimentId: cfg.experimentId,
    uri,
    files: tree.files.length,
    uploaded: 0,
    skipped: 0,
    bytesUploaded: 0,
    verified: false,
    missing: [],
    growing: [],
    skippedLinks: tree.skippedLinks,
    failures: [],
    noFiles: tree.files.length === 0,
    elapsedMs: 0,
  };
  for (const l of tree.skippedLinks) log.warn(`Not uploading link ${l.rel}: ${l.reason}`);
  if (result.noFiles) {
    const msg = `No files found in ${cfg.logDir}${tree.exists ? '' : ' (the folder does not exist)'}; nothing uploaded to ${uri}`;
    if (cfg.ifNoFilesFound === 'error') throw new NoFilesError(msg);
    if (cfg.ifNoFilesFound === 'warn') log.warn(msg);
    result.elapsedMs = Date.now() - started;
    return result;
  }

  const http = new S3Http(cfg.store, { connections: cfg.concurrency + 4, onRetry: (m) => log.info(m) });
  // The SDK (lib-storage multipart) only when a file needs it.
  const sdk = tree.files.some((f) => f.size >= tuning.multipartThreshold) ? await loadSdk() : undefined;
  const client = sdk ? sdkClient(sdk, cfg.store, 4 * LARGE_AT_ONCE + 4) : undefined;
  try {
    const existing = await listAll(http, cfg.targetPrefix, { firstPageRetry: FIRST_REQUEST_RETRY }).catch((e: unknown) => {
      throw explainAccessError(e, cfg.store, cfg.targetPrefix);
    });
    const remote = new Map(existing.map((o) => [o.key, o]));
    const snapshots = new Map<string, Snapshot>();
    const bytesTotal = tree.files.reduce((n, f) => n + f.size, 0);
    let filesDone = 0;
    let bytesDone = 0;
    const snapshot = () => ({ verb: 'upload', filesDone, filesTotal: tree.files.length, bytesDone, bytesTotal, elapsedMs: Date.now() - started });
    const ticker = setInterval(() => progress.update(snapshot()), 1000);
    const limit = pLimit(cfg.concurrency);
    // lib-storage buffers queueSize x partSize per file: bound the large files in flight, so memory is too.
    const large = pLimit(LARGE_AT_ONCE);
    try {
      await Promise.all(
        tree.files.map((f) =>
          limit(async () => {
            const key = `${cfg.targetPrefix}${f.rel}`;
            try {
              const r =
                f.size < tuning.smallMax
                  ? await uploadSmall(http, key, f, remote.get(key))
                  : f.size < tuning.multipartThreshold
                    ? await uploadStreamed(http, key, f, remote.get(key))
                    : await large(() => uploadLarge(sdk!, client!, cfg.store.bucket, key, f, remote.get(key), (n) => (bytesDone += n)));
              snapshots.set(f.rel, r);
              if (r.growing) result.growing.push(f.rel);
              if (r.uploaded) {
                result.uploaded++;
                result.bytesUploaded += r.size;
              } else result.skipped++;
              if (f.size < tuning.multipartThreshold) bytesDone += r.size;
            } catch (e) {
              result.failures.push({ rel: f.rel, message: (e as Error).message });
              log.error(`Failed to upload ${f.rel}: ${(e as Error).message}`);
            }
            filesDone++;
          }),
        ),
      );
    } finally {
      clearInterval(ticker);
    }
    progress.done(snapshot());
    for (const g of result.growing) log.info(`${g} grew while it was read; uploaded a consistent snapshot of ${snapshots.get(g)?.size} bytes`);

    // Confirm by listing: every file must be there with the size (and content hash) we read.
    const landed = new Map((await listAll(http, cfg.targetPrefix)).map((o) => [o.key.slice(cfg.targetPrefix.length), o]));
    for (const f of tree.files) {
      const snap = snapshots.get(f.rel);
      const got = landed.get(f.rel);
      if (!snap || !got || got.size !== snap.size || (got.etag && !snap.etags.includes(got.etag))) result.missing.push(f.rel);
    }
    result.verified = result.missing.length === 0;
    result.elapsedMs = Date.now() - started;
    return result;
  } finally {
    client?.destroy();
    await http.close();
  }
}
