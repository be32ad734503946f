import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { CRC_META, crcHex } from '../src/s3/crc.js';
import { PART_SIZE_META } from '../src/storage/download.js';

/**
 * A read-only S3 endpoint over a folder that costs next to no CPU per request, so a benchmark
 * measures the client (s3rver spends 6-8 s of CPU serving 1.6 GB and rescans the bucket per listing
 * page). Keys are paths under `root/<bucket>/`; the index is sorted in memory and built once, with
 * MD5 ETags, and for files from `multipartFrom` on, S3's multipart form (`md5(part md5s)-N`, parts of
 * `partSize`; `?partNumber=1` answers part 1's length, as S3 and R2 do). GET with Range, HEAD,
 * ListObjectsV2 (continuation-token, start-after) and v1 (marker) with pagination. Each answer can be
 * held `delayMs`, each listing page `listDelayMs` (the "internet" model: R2 seen from a rented GPU).
 * Objects in `bucket` carry the metadata `marketsim push` records (CRC-32, part size); the same
 * objects in `plainBucket` carry none, as when another tool uploaded them.
 * Signatures are not checked: this is a bench server, never a test of the wire form.
 */
export interface FolderS3Options {
  root: string;
  bucket: string;
  delayMs?: number;
  listDelayMs?: number;
  multipartFrom?: number;
  partSize?: number;
  /** The same objects without our upload metadata (uploaded by another tool). */
  plainBucket?: string;
  /** Serve https with this key and certificate (R2 is https only: handshakes and record encryption cost the client too). */
  tls?: { key: Buffer; cert: Buffer };
}

interface Entry {
  key: string;
  file: string;
  size: number;
  etag: string;
  lastModified: string;
  /** The metadata headers marketsim's uploads set. */
  meta: Record<string, string>;
}

const xmlEscape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class FolderS3 {
  private server?: http.Server;
  private readonly entries: Entry[] = [];
  private readonly byKey = new Map<string, Entry>();
  port = 0;
  requests = 0;

  constructor(private readonly opts: FolderS3Options) {}

  get endpoint(): string {
    return `${this.opts.tls ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  /** Walks the bucket folder and hashes every file once (not part of any measured run). */
  index(): void {
    this.entries.length = 0;
    this.byKey.clear();
    const base = path.join(this.opts.root, this.opts.bucket);
    const multipartFrom = this.opts.multipartFrom ?? 64 * 1024 * 1024;
    const partSize = this.opts.partSize ?? 8 * 1024 * 1024;
    const visit = (dir: string, rel: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const abs = path.join(dir, e.name);
        const key = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) visit(abs, key);
        else if (e.isFile()) {
          const st = fs.statSync(abs);
          let etag: string;
          const data = fs.readFileSync(abs);
          const meta: Record<string, string> = { [CRC_META]: crcHex(zlib.crc32(data)) };
          if (st.size >= multipartFrom) {
            meta[PART_SIZE_META] = String(partSize);
            const parts: Buffer[] = [];
            for (let off = 0; off < st.size; off += partSize) parts.push(createHash('md5').update(data.subarray(off, off + partSize)).digest());
            etag = `${createHash('md5').update(Buffer.concat(parts)).digest('hex')}-${parts.length}`;
          } else etag = createHash('md5').update(data).digest('hex');
          const entry = { key, file: abs, size: st.size, etag, meta, lastModified: new Date(Math.floor(st.mtimeMs / 1000) * 1000).toISOString() };
          this.entries.push(entry);
          this.byKey.set(key, entry);
        }
      }
    };
    visit(base, '');
    this.entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  async start(): Promise<void> {
    this.index();
    const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
      this.requests++;
      const hold = (ms: number | undefined, fn: () => void): void => void (ms ? setTimeout(fn, ms) : fn());
      const url = new URL(req.url ?? '/', 'http://x');
      const parts = url.pathname.split('/');
      const bucket = decodeURIComponent(parts[1] ?? '');
      const key = decodeURIComponent(parts.slice(2).join('/'));
      req.resume();
      const plain = bucket === this.opts.plainBucket;
      if (bucket !== this.opts.bucket && !plain) return hold(this.opts.delayMs, () => this.error(res, 404, 'NoSuchBucket'));
      if (!key && req.method === 'GET') return hold((this.opts.delayMs ?? 0) + (this.opts.listDelayMs ?? 0), () => this.list(url.searchParams, res));
      const e = this.byKey.get(key);
      hold(this.opts.delayMs, () => (e ? this.object(req, res, e, url.searchParams, plain) : this.error(res, 404, req.method === 'HEAD' ? 'NotFound' : 'NoSuchKey')));
    };
    this.server = this.opts.tls ? https.createServer({ key: this.opts.tls.key, cert: this.opts.tls.cert }, handler) : http.createServer(handler);
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private error(res: http.ServerResponse, status: number, code: string): void {
    const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`;
    res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  private object(req: http.IncomingMessage, res: http.ServerResponse, e: Entry, q: URLSearchParams, plain: boolean): void {
    let start = 0;
    let end = e.size - 1;
    let status = 200;
    const partNumber = q.get('partNumber');
    if (partNumber && /-\d+$/.test(e.etag)) {
      const size = this.opts.partSize ?? 8 * 1024 * 1024;
      start = (Number(partNumber) - 1) * size;
      end = Math.min(e.size, start + size) - 1;
      status = 206;
    }
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      if (range[1] === '') start = Math.max(0, e.size - Number(range[2]));
      else {
        start = Number(range[1]);
        if (range[2] !== '') end = Math.min(end, Number(range[2]));
      }
      status = 206;
    }
    const headers: http.OutgoingHttpHeaders = {
      etag: `"${e.etag}"`,
      'last-modified': new Date(e.lastModified).toUTCString(),
      'content-length': end - start + 1,
      'accept-ranges': 'bytes',
      ...(plain ? {} : e.meta),
    };
    if (status === 206) headers['content-range'] = `bytes ${start}-${end}/${e.size}`;
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || end < start) return void res.end();
    fs.createReadStream(e.file, { start, end, highWaterMark: 1024 * 1024 }).pipe(res);
  }

  /** Binary search: the first entry whose key is > `after` (or >= `from`). */
  private firstAfter(after: string, inclusive: boolean): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const k = this.entries[mid]!.key;
      if (k < after || (!inclusive && k === after)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private list(q: URLSearchParams, res: http.ServerResponse): void {
    const v2 = q.get('list-type') === '2';
    const prefix = q.get('prefix') ?? '';
    const maxKeys = Math.min(1000, Number(q.get('max-keys') ?? 1000));
    const token = q.get('continuation-token');
    const after = v2 ? (token ? Buffer.from(token, 'base64url').toString() : (q.get('start-after') ?? '')) : (q.get('marker') ?? '');
    let i = after > prefix ? this.firstAfter(after, false) : this.firstAfter(prefix, true);
    const out: Entry[] = [];
    while (i < this.entries.length && out.length < maxKeys && this.entries[i]!.key.startsWith(prefix)) out.push(this.entries[i++]!);
    const truncated = i < this.entries.length && this.entries[i]!.key.startsWith(prefix);
    const contents = out
      .map((e) => `<Contents><Key>${xmlEscape(e.key)}</Key><LastModified>${e.lastModified}</LastModified><ETag>&quot;${e.etag}&quot;</ETag><Size>${e.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`)
      .join('');
    const last = out[out.length - 1]?.key ?? '';
    const paging = v2
      ? `<KeyCount>${out.length}</KeyCount>${token ? `<ContinuationToken>${token}</ContinuationToken>` : ''}${truncated ? `<NextContinuationToken>${Buffer.from(last).toString('base64url')}</NextContinuationToken>` : ''}`
      : `<Marker>${xmlEscape(after)}</Marker>${truncated ? `<NextMarker>${xmlEscape(last)}</NextMarker>` : ''}`;
    const body = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${this.opts.bucket}</Name><Prefix>${xmlEscape(prefix)}</Prefix><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${paging}${contents}</ListBucketResult>`;
    res.writeHead(200, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }
}
