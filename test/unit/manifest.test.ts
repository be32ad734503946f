import crypto from 'node:crypto';
import type { RemoteObject } from '../../src/s3/list.js';
import { ManifestBuilder } from '../../src/storage/manifest.js';

/** The manifest hash of complete listings (folder → objects), fed a folder at a time. */
function manifestHash(prefix: string, listings: ReadonlyMap<string, readonly RemoteObject[]>): string {
  const m = new ManifestBuilder();
  for (const [dir, objects] of listings) m.add(dir, objects);
  return m.digest(prefix);
}

const obj = (key: string, size: number, etag: string): RemoteObject => ({ key, size, etag, lastModified: '' });
const folder = (n: number, dir = 'd'): RemoteObject[] => Array.from({ length: n }, (_, i) => obj(`p/${dir}/f${i}.csv`, 1000 + i, crypto.hash('md5', String(i))));

/** The definition, written out plainly: SHA-256 over the header, then the sorted per-object digests. */
function reference(prefix: string, listings: Map<string, RemoteObject[]>): string {
  const digests: Buffer[] = [];
  for (const [dir, objects] of listings) for (const o of objects) digests.push(crypto.createHash('sha256').update(`${dir.length}:${dir}${o.key.length}:${o.key}${o.size}\t${o.etag}`).digest());
  digests.sort(Buffer.compare);
  const h = crypto.createHash('sha256').update(`marketsim-manifest-v2\n${prefix}\n`);
  for (const d of [...listings.keys()].sort()) h.update(`dir ${d}\n`);
  for (const d of digests) h.update(d);
  return h.digest('hex');
}

test('the manifest hash follows its definition, whatever the order and the pages it arrives in', () => {
  const listings = new Map([
    ['d', folder(3000)],
    ['e', folder(7, 'e')],
    ['empty', []],
  ]);
  const want = reference('p/', listings);
  expect(manifestHash('p/', listings)).toBe(want);
  // Pages of random sizes, interleaved across folders and reversed: parallel ranges arrive like this.
  const m = new ManifestBuilder();
  m.addDir('empty');
  const pages: [string, RemoteObject[]][] = [];
  for (const [dir, objects] of listings) for (let i = 0; i < objects.length; ) {
    const n = 1 + Math.floor(Math.random() * 400);
    pages.push([dir, objects.slice(i, i + n)]);
    i += n;
  }
  for (const [dir, objects] of pages.reverse()) m.add(dir, objects);
  expect(m.digest('p/')).toBe(want);
});

test('every field, the folders listed and the prefix change the manifest hash', () => {
  const base = new Map([['d', [obj('p/d/a', 1, 'e1'), obj('p/d/b', 2, 'e2')]]]);
  const h = manifestHash('p/', base);
  const variants: [string, Map<string, RemoteObject[]>][] = [
    ['etag', new Map([['d', [obj('p/d/a', 1, 'e1'), obj('p/d/b', 2, 'e3')]]])],
    ['size', new Map([['d', [obj('p/d/a', 1, 'e1'), obj('p/d/b', 3, 'e2')]]])],
    ['key', new Map([['d', [obj('p/d/a', 1, 'e1'), obj('p/d/c', 2, 'e2')]]])],
    ['missing object', new Map([['d', [obj('p/d/a', 1, 'e1')]]])],
    ['duplicate object', new Map([['d', [obj('p/d/a', 1, 'e1'), obj('p/d/b', 2, 'e2'), obj('p/d/b', 2, 'e2')]]])],
    ['an empty folder listed too', new Map([...base, ['x', []]])],
  ];
  for (const [what, listing] of variants) expect([what, manifestHash('p/', listing)]).not.toEqual([what, h]);
  expect(manifestHash('q/', base)).not.toBe(h);
  // Fields are length-prefixed: moving characters between folder, key and ETag cannot give the same input.
  expect(manifestHash('p/', new Map([['d', [obj('a\t1', 2, 'e')]]]))).not.toBe(manifestHash('p/', new Map([['d', [obj('a', 1, '2\te')]]])));
});
