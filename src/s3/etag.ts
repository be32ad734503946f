import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/** How an object's bytes were confirmed; counted in the summary. */
export type VerifyMethod = 'md5' | 'multipart-md5' | 'crc32' | 'size-only' | 'local-md5' | 'cache';

const SINGLE = /^[0-9a-f]{32}$/;
const MULTI = /^([0-9a-f]{32})-(\d+)$/;

export function multipartParts(etag: string): number | undefined {
  const m = MULTI.exec(etag);
  return m ? Number(m[2]) : undefined;
}

export function isSinglePartMd5(etag: string): boolean {
  return SINGLE.test(etag);
}

/** True when `partSize` can have produced `parts` parts for an object of `size` bytes. */
export function partSizeFits(size: number, partSize: number, parts: number): boolean {
  return partSize > 0 && Math.ceil(size / partSize) === parts && (parts > 1 || size <= partSize);
}

/** S3/R2 multipart ETag: MD5 of the concatenated binary part MD5s, then `-<part count>`. */
export function compositeEtag(partMd5s: Buffer[]): string {
  return `${createHash('md5').update(Buffer.concat(partMd5s)).digest('hex')}-${partMd5s.length}`;
}

/** Equal parts of `partSize` except a shorter last one: the only layout R2 accepts. */
export function partSizeFor(size: number, minPart = 8 * 1024 * 1024): number {
  const MiB = 1024 * 1024;
  const needed = Math.ceil(size / 10_000 / MiB) * MiB;
  return Math.max(minPart, needed);
}

/** MD5 per part of `partSize` bytes, fed in any chunking: digests to the multipart ETag form. */
export class PartsHasher {
  private part: Hash = createHash('md5');
  private fill = 0;
  private readonly md5s: Buffer[] = [];

  constructor(private readonly partSize: number) {}

  update(chunk: Uint8Array): void {
    let off = 0;
    while (off < chunk.length) {
      const take = Math.min(this.partSize - this.fill, chunk.length - off);
      this.part.update(chunk.subarray(off, off + take));
      this.fill += take;
      off += take;
      if (this.fill === this.partSize) {
        this.md5s.push(this.part.digest());
        this.part = createHash('md5');
        this.fill = 0;
      }
    }
  }

  digest(): string {
    if (this.fill > 0 || this.md5s.length === 0) this.md5s.push(this.part.digest());
    return compositeEtag(this.md5s);
  }
}

/** How bytes can be checked against `etag`: its MD5, the composite of part MD5s (with the part size), or the size alone. */
export function verifyMethod(etag: string, partSize?: number): VerifyMethod {
  if (isSinglePartMd5(etag)) return 'md5';
  if (multipartParts(etag) !== undefined && partSize) return 'multipart-md5';
  return 'size-only';
}

/**
 * Hashes bytes in order and says whether they match an ETag. For a multipart ETag it needs the
 * part size; without it (or for an ETag that is not an MD5, e.g. SSE-C) only the size can be checked.
 */
export class EtagHasher {
  readonly method: VerifyMethod;
  private readonly hash?: { update(chunk: Uint8Array): void; digest(): string };
  bytes = 0;

  constructor(
    readonly expected: string,
    partSize?: number,
  ) {
    this.method = verifyMethod(expected, partSize);
    if (this.method === 'md5') {
      const whole = createHash('md5');
      this.hash = { update: (c) => whole.update(c), digest: () => whole.digest('hex') };
    } else if (this.method === 'multipart-md5') this.hash = new PartsHasher(partSize!);
  }

  update(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    this.hash?.update(chunk);
  }

  /** The ETag the bytes produce (for size-only: the expected one, unverified). */
  digest(): string {
    return this.hash ? this.hash.digest() : this.expected;
  }
}

/**
 * Feeds a file, front to back, to every sink: the first `size` bytes, or up to the end when `size`
 * is undefined. Returns how many bytes it read (less than `size` when the file is shorter).
 */
export async function hashFile(fh: FileHandle, size: number | undefined, ...sinks: { update(chunk: Uint8Array): void }[]): Promise<number> {
  // 1 MiB reads: as fast as bigger ones from the page cache, and four read-backs at once stay small.
  const buf = Buffer.allocUnsafe(size === undefined ? 1024 * 1024 : Math.max(1, Math.min(size, 1024 * 1024)));
  let pos = 0;
  while (size === undefined || pos < size) {
    const { bytesRead } = await fh.read(buf, 0, size === undefined ? buf.length : Math.min(buf.length, size - pos), pos);
    if (bytesRead === 0) break;
    const chunk = buf.subarray(0, bytesRead);
    for (const s of sinks) s.update(chunk);
    pos += bytesRead;
  }
  return pos;
}

/** `hashFile` on a file named by path: opened for reading, always closed. */
export async function hashPath(file: string, size: number | undefined, ...sinks: { update(chunk: Uint8Array): void }[]): Promise<number> {
  // fs.promises loads on first use (with readline and more: ~2 ms a no-op run does not pay).
  const fh = await fs.promises.open(file, 'r');
  try {
    return await hashFile(fh, size, ...sinks);
  } finally {
    await fh.close();
  }
}
