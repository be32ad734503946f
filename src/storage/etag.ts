import { createHash, type Hash } from 'node:crypto';

/** How an object's bytes were confirmed; counted in the summary. */
export type VerifyMethod = 'md5' | 'multipart-md5' | 'size-only' | 'local-md5' | 'cache';

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

/**
 * Hashes bytes in order and says whether they match an ETag. For a multipart ETag it needs the
 * part size; without it (or for an ETag that is not an MD5, e.g. SSE-C) only the size can be checked.
 */
export class EtagHasher {
  readonly method: VerifyMethod;
  private readonly whole?: Hash;
  private part?: Hash;
  private partFill = 0;
  private readonly partMd5s: Buffer[] = [];
  bytes = 0;

  constructor(
    readonly expected: string,
    private readonly partSize?: number,
  ) {
    if (isSinglePartMd5(expected)) {
      this.method = 'md5';
      this.whole = createHash('md5');
    } else if (multipartParts(expected) !== undefined && partSize) {
      this.method = 'multipart-md5';
      this.part = createHash('md5');
    } else {
      this.method = 'size-only';
    }
  }

  update(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.whole) {
      this.whole.update(chunk);
      return;
    }
    if (!this.part || !this.partSize) return;
    let off = 0;
    while (off < chunk.length) {
      const take = Math.min(this.partSize - this.partFill, chunk.length - off);
      this.part.update(chunk.subarray(off, off + take));
      this.partFill += take;
      off += take;
      if (this.partFill === this.partSize) {
        this.partMd5s.push(this.part.digest());
        this.part = createHash('md5');
        this.partFill = 0;
      }
    }
  }

  /** The ETag the bytes produce (for size-only: the expected one, unverified). */
  digest(): string {
    if (this.whole) return this.whole.digest('hex');
    if (this.part) {
      if (this.partFill > 0 || this.partMd5s.length === 0) this.partMd5s.push(this.part.digest());
      return compositeEtag(this.partMd5s);
    }
    return this.expected;
  }
}
