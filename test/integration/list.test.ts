import { jest } from '@jest/globals';
import { compareKeys } from '../../src/s3/key-order.js';
import { listAll, splitPointsFromPages } from '../../src/s3/list.js';

/** Split points every `n`-th of `keys` in listing order: pages of one key each. */
const splitPoints = (keys: string[], n?: number): string[] => splitPointsFromPages(keys.map((last) => ({ last, count: 1 })), n);
import { S3Http } from '../../src/s3/s3-http.js';
import { s3BehindProxy, store } from './helpers.js';

const fx = s3BehindProxy();
let http: S3Http;
const keys: string[] = [];

beforeAll(async () => {
  for (let i = 0; i < 230; i++) keys.push(`stock/big/f${String(i).padStart(4, '0')}-${i % 7}.csv`);
  keys.push('stock/big/sub/deeper/z.bin', 'stock/bigger/outside.csv', 'stock/aaa/before.csv');
  for (const k of keys) await fx.s3.put('models', k, Buffer.from(k));
  http = new S3Http(store(fx.proxy.endpoint), { connections: 8 });
});

afterAll(async () => {
  await http.close();
});

const under = (p: string): string[] => keys.filter((k) => k.startsWith(p)).sort(compareKeys);
const listRequests = (): number => fx.proxy.count((r) => r.query.get('list-type') === '2');

test('split points are every n-th known key in listing order, none when one page holds them all', () => {
  expect(splitPoints(['c', 'a', 'b', 'e', 'd'], 2)).toEqual(['b', 'd']);
  expect(splitPoints(['a', 'b'], 2)).toEqual([]);
  expect(splitPoints(['a', 'b', 'c'], 2)).toEqual(['b']);
  // UTF-8 byte order, as S3 lists: U+FF5E sorts before U+1F600, though not as UTF-16 strings.
  expect(splitPoints(['k/😀', 'k/～', 'k/a', 'k/z'], 1)).toEqual(['k/a', 'k/z', 'k/～']);
  expect(compareKeys('k/～', 'k/😀')).toBeLessThan(0);
});

test('split points from page ends: one about every n keys, pages in any order; small pages coalesce', () => {
  const page = (i: number, count: number) => ({ last: `k/${String(i).padStart(4, '0')}`, count });
  // Pages of 1,000: each page's end, except the listing's last.
  expect(splitPointsFromPages([page(3, 500), page(1, 1000), page(2, 1000)])).toEqual(['k/0001', 'k/0002']);
  // 300 pages of 10 keys (a folder that shrank under old split points) give 2 points, not 299.
  expect(splitPointsFromPages(Array.from({ length: 300 }, (_, i) => page(299 - i, 10)))).toEqual(['k/0099', 'k/0199']);
  expect(splitPointsFromPages([page(1, 999)])).toEqual([]);
  expect(splitPointsFromPages([page(1, 0), page(2, 0)])).toEqual([]);
});

test('a folder listed in parallel ranges from last run’s keys equals the page-by-page listing', async () => {
  const prefix = 'stock/big/';
  const sequential = await listAll(http, prefix, { maxKeys: 20 });
  const pages = listRequests();
  expect(sequential.map((o) => o.key)).toEqual(under(prefix));
  expect(pages).toBe(Math.ceil(under(prefix).length / 20));

  fx.proxy.log.length = 0;
  const bounds = splitPoints(under(prefix), 40);
  expect(bounds.length).toBe(5);
  const parallel = await listAll(http, prefix, { maxKeys: 20, splitAfter: bounds });
  expect(parallel.map((o) => o.key)).toEqual(under(prefix));
  expect(parallel.map((o) => [o.size, o.etag])).toEqual(sequential.map((o) => [o.size, o.etag]));
  // Each of the 6 ranges holds 40 keys or fewer: two pages each, no more than listing in a row.
  expect(listRequests()).toBeLessThanOrEqual(pages + bounds.length);
  const starts = fx.proxy.log.filter((r) => r.query.get('start-after')).map((r) => r.query.get('start-after'));
  expect(starts.sort()).toEqual(bounds);
});

test('stale split points (deleted keys, keys that never existed, keys outside the prefix) still give the exact listing', async () => {
  const prefix = 'stock/big/';
  const want = under(prefix);
  const stale = ['stock/aaa/zzz', 'stock/big/f0005-gone.csv', want[50]!, 'stock/big/f0100-0.csv.old', want[200]!, 'stock/bigger/x', 'stock/zzz'];
  const got = await listAll(http, prefix, { maxKeys: 20, splitAfter: stale.sort(compareKeys) });
  expect(got.map((o) => o.key)).toEqual(want);
  expect(new Set(got.map((o) => o.key)).size).toBe(want.length);
});

test('ranges are listed a bounded number at a time (a 300,000-object folder has 300 of them)', async () => {
  const prefix = 'stock/big/';
  const bounds = splitPoints(under(prefix), 20);
  expect(bounds.length).toBe(11);
  fx.proxy.inject((r) => r.query.get('list-type') === '2', { kind: 'delay', ms: 30 }, 1000);
  const call = http.call.bind(http);
  let inFlight = 0;
  let most = 0;
  const spy = jest.spyOn(http, 'call').mockImplementation(async (...args: Parameters<S3Http['call']>) => {
    most = Math.max(most, ++inFlight);
    try {
      return await call(...args);
    } finally {
      inFlight--;
    }
  });
  try {
    const got = await listAll(http, prefix, { maxKeys: 1000, splitAfter: bounds, rangesInFlight: 3 });
    expect(got.map((o) => o.key)).toEqual(under(prefix));
    expect(most).toBe(3);
  } finally {
    spy.mockRestore();
    fx.proxy.clearFaults();
  }
});
