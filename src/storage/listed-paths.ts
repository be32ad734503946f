import { createHash } from 'node:crypto';

/** Digests kept per growth step: 512 KiB. */
const CHUNK = 65_536;

function digest(rel: string): bigint {
  return createHash('sha256').update(rel).digest().readBigUInt64LE(0);
}

/**
 * The set of paths a listing named, kept as 8 bytes per path (64 bits of its SHA-256) in typed
 * arrays outside the JS heap: what delete mode asks of every local file once the listings are in,
 * without a string per object. Two paths sharing 64 bits (about 1 in 10^8 at a million objects)
 * can only keep a file that should have gone, never delete one the bucket has.
 */
export class ListedPaths {
  private readonly chunks: BigUint64Array[] = [];
  private filled = CHUNK;
  private sorted: BigUint64Array | undefined;

  add(rel: string): void {
    if (this.sorted) throw new Error('ListedPaths: add after the set was sealed');
    if (this.filled === CHUNK) {
      this.chunks.push(new BigUint64Array(CHUNK));
      this.filled = 0;
    }
    this.chunks[this.chunks.length - 1]![this.filled++] = digest(rel);
  }

  has(rel: string): boolean {
    const all = this.seal();
    const d = digest(rel);
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (all[mid]! < d) lo = mid + 1;
      else hi = mid;
    }
    return lo < all.length && all[lo] === d;
  }

  /** One sorted array of every digest; no add after it. */
  private seal(): BigUint64Array {
    if (this.sorted) return this.sorted;
    const n = this.chunks.length === 0 ? 0 : (this.chunks.length - 1) * CHUNK + this.filled;
    const all = new BigUint64Array(n);
    this.chunks.forEach((c, i) => all.set(i === this.chunks.length - 1 ? c.subarray(0, this.filled) : c, i * CHUNK));
    this.chunks.length = 0;
    this.sorted = all.sort();
    return all;
  }
}
