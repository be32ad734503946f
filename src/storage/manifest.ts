import crypto from 'node:crypto';
import type { RemoteObject } from '../s3/list.js';

const RECORD = 32;

/**
 * The manifest hash of a hydrate's listings: which objects, at which size and ETag, under which
 * folders. Fed a page at a time in any order (parallel listing ranges interleave), it keeps 32 bytes
 * per object outside the JS heap instead of the listing itself (at 100,000 objects: 3.2 MB against
 * ~20 MB of objects), and never depends on how the listing was split.
 *
 * Each object is hashed on its own (SHA-256 of folder and key, each after its length, size, ETag);
 * the manifest is the SHA-256 of those digests in sorted order. Sorting makes the result independent
 * of arrival order while any two different listings still need a SHA-256 collision to share a hash
 * (a sum or XOR of the digests would be cheaper to keep but can be forged).
 */
export class ManifestBuilder {
  private records = Buffer.alloc(0);
  private count = 0;
  private readonly dirs = new Set<string>();

  /** A folder that was listed, with or without objects (an empty folder changes the manifest too). */
  addDir(dir: string): void {
    this.dirs.add(dir);
  }

  add(dir: string, objects: readonly RemoteObject[]): void {
    this.dirs.add(dir);
    const need = (this.count + objects.length) * RECORD;
    if (need > this.records.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.records.length * 2, 64 * RECORD));
      this.records.copy(grown, 0, 0, this.count * RECORD);
      this.records = grown;
    }
    for (const o of objects) {
      crypto.hash('sha256', `${dir.length}:${dir}${o.key.length}:${o.key}${o.size}\t${o.etag}`, 'buffer').copy(this.records, this.count * RECORD);
      this.count++;
    }
  }

  /** The hex digest; `prefix` is the bucket prefix the folders were listed under. */
  digest(prefix: string): string {
    const n = this.count;
    const recs = this.records;
    // Sorted by the first 48 bits (a plain number comparison), the whole record on a tie.
    const head = new Float64Array(n);
    for (let i = 0; i < n; i++) head[i] = recs.readUIntBE(i * RECORD, 6);
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => head[a]! - head[b]! || recs.compare(recs, b * RECORD, b * RECORD + RECORD, a * RECORD, a * RECORD + RECORD));
    const sorted = Buffer.allocUnsafe(n * RECORD);
    for (let i = 0; i < n; i++) recs.copy(sorted, i * RECORD, order[i]! * RECORD, order[i]! * RECORD + RECORD);
    const h = crypto.createHash('sha256');
    h.update(`marketsim-manifest-v2\n${prefix}\n`);
    for (const d of [...this.dirs].sort()) h.update(`dir ${d}\n`);
    h.update(sorted);
    return h.digest('hex');
  }
}
