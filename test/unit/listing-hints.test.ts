import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PageEnd } from '../../src/s3/list.js';
import { hintsPath, ListingHints } from '../../src/storage/listing-hints.js';

const root = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'hints-'));
const keys = (n: number): string[] => Array.from({ length: n }, (_, i) => `stock/big/f${String(i).padStart(5, '0')}.csv`);
/** A listing of `n` keys as its pages' ends: 1,000 keys a page, handed over in the order given. */
const pages = (n: number, order: (p: PageEnd[]) => PageEnd[] = (p) => p): PageEnd[] => {
  const all = keys(n);
  const out: PageEnd[] = [];
  for (let i = 0; i < n; i += 1000) out.push({ last: all[Math.min(n, i + 1000) - 1]!, count: Math.min(1000, n - i) });
  return order(out);
};

test('a listing of 2,500 keys is remembered as two split points, per bucket and prefix, and read back', () => {
  const dir = root();
  const h = ListingHints.load(dir);
  expect(h.splitAfter('models', 'stock/big/')).toEqual([]);
  h.learn('models', 'stock/big/', pages(2500, (p) => p.reverse()));
  h.learn('models', 'stock/small/', pages(999));
  h.save();
  const again = ListingHints.load(dir);
  expect(again.splitAfter('models', 'stock/big/')).toEqual(['stock/big/f00999.csv', 'stock/big/f01999.csv']);
  expect(again.splitAfter('other-bucket', 'stock/big/')).toEqual([]);
  expect(again.splitAfter('models', 'stock/small/')).toEqual([]);
});

test('an unchanged listing writes nothing; a folder that shrank to one page drops its entry', () => {
  const dir = root();
  const h = ListingHints.load(dir);
  h.learn('models', 'stock/big/', pages(2500));
  h.save();
  const file = hintsPath(dir);
  fs.utimesSync(file, new Date(0), new Date(0));
  const same = ListingHints.load(dir);
  same.learn('models', 'stock/big/', pages(2500));
  same.save();
  expect(fs.statSync(file).mtimeMs).toBe(0);
  same.learn('models', 'stock/big/', pages(10));
  same.save();
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, splits: {} });
});

test('a corrupt or foreign hints file is ignored, never an error', () => {
  const dir = root();
  fs.mkdirSync(path.dirname(hintsPath(dir)), { recursive: true });
  for (const text of ['{torn', '[]', '{"version":2,"splits":{}}', '{"version":1,"splits":{"models/stock/big/":[1,2]}}']) {
    fs.writeFileSync(hintsPath(dir), text);
    expect(ListingHints.load(dir).splitAfter('models', 'stock/big/')).toEqual([]);
  }
});
