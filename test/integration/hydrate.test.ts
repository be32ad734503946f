import fs from 'node:fs';
import path from 'node:path';
import { hydrate } from '../../src/storage/hydrate.js';
import type { DownloadTuning } from '../../src/storage/download.js';
import { compositeEtag } from '../../src/s3/etag.js';
import { hintsPath } from '../../src/storage/listing-hints.js';
import { createHash } from 'node:crypto';
import { bytes, digestOf, hydrateConfig, partialFiles, RecordingLogger, RecordingProgress, s3BehindProxy, tempDir, treeDigest } from './helpers.js';

/** Small thresholds so every download path (whole, streamed, ranged) runs on small data. */
const TUNING: DownloadTuning = { smallMax: 64 * 1024, rangeThreshold: 1024 * 1024, rangeSize: 256 * 1024, writeBuffer: 128 * 1024, verifyAttempts: 3 };

const fx = s3BehindProxy();
const seeded: Record<string, Buffer> = {};

async function seed(key: string, content: Buffer | string): Promise<void> {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  await fx.s3.put('models', key, body);
  seeded[key] = body;
}

/** What the local tree must be: the seeded objects under the pulled folders. */
function expectedTree(dirs = ['trainingdata', 'hyperparams']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, body] of Object.entries(seeded)) {
    const rel = key.slice('stock/'.length);
    if (dirs.some((d) => rel.startsWith(`${d}/`))) out[rel] = digestOf(body);
  }
  return out;
}

beforeAll(async () => {
  for (let i = 0; i < 40; i++) await seed(`stock/trainingdata/daily/T${i}.csv`, bytes(1000 + i * 97, i));
  await seed('stock/trainingdata/mid.bin', bytes(300 * 1024, 1001)); // streamed
  await seed('stock/trainingdata/big.bin', bytes(3 * 1024 * 1024 + 17, 1002)); // ranged: 13 ranges
  await seed('stock/hyperparams/a.json', '{"lr":0.01}');
  await seed('stock/hyperparams/empty.json', '');
  await seed('stock/other/not-pulled.csv', 'x');
});

test('full download is byte-exact, then a re-run is a no-op that sends no request per object', async () => {
  const root = tempDir('hyd-full');
  const log = new RecordingLogger();
  const progress = new RecordingProgress();
  const r1 = await hydrate(hydrateConfig(fx.proxy.endpoint, root), log, progress, {}, TUNING);
  expect(r1.failures).toEqual([]);
  expect(treeDigest(root)).toEqual(expectedTree());
  expect(r1.downloaded).toBe(44);
  expect(r1.verification).toEqual({ md5: 44 });
  expect(progress.last?.bytesDone).toBe(r1.bytesDownloaded);
  expect(partialFiles(root)).toEqual([]);

  fx.proxy.log.length = 0;
  const r2 = await hydrate(hydrateConfig(fx.proxy.endpoint, root), new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(r2.downloaded).toBe(0);
  expect(r2.skipped).toBe(44);
  expect(r2.manifestHash).toBe(r1.manifestHash);
  // One listing request per folder (the first doubles as the credentials check); no GET or HEAD of any object.
  expect(fx.proxy.log.every((r) => r.query.get('list-type') === '2')).toBe(true);
  expect(fx.proxy.log).toHaveLength(2);
});

test('listing hints from the last run split a folder into parallel ranges; a fresh listing replaces them', async () => {
  const root = tempDir('hyd-hints');
  const file = hintsPath(root);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const splits = ['stock/trainingdata/daily/T20.csv', 'stock/trainingdata/daily/T5.csv'];
  fs.writeFileSync(file, JSON.stringify({ version: 1, splits: { 'models/stock/trainingdata/': splits } }));
  fx.proxy.log.length = 0;
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root), new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(r.failures).toEqual([]);
  expect(treeDigest(root)).toEqual(expectedTree());
  const starts = fx.proxy.log.filter((x) => x.query.get('list-type') === '2' && x.query.get('prefix') === 'stock/trainingdata/').map((x) => x.query.get('start-after'));
  expect(starts.sort()).toEqual([null, ...splits]);
  // 42 keys fit one page: the next run lists the folder from its start.
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ version: 1, splits: {} });
});

test('downloads start from the first listing page while a later page is still on its way; a listing that fails part-way fails the run', async () => {
  const root = tempDir('hyd-stream');
  fs.mkdirSync(path.dirname(hintsPath(root)), { recursive: true });
  const split = 'stock/trainingdata/daily/T20.csv';
  fs.writeFileSync(hintsPath(root), JSON.stringify({ version: 1, splits: { 'models/stock/trainingdata/': [split] } }));
  const slowPage = (x: { query: URLSearchParams }): boolean => x.query.get('list-type') === '2' && x.query.get('start-after') === split;
  fx.proxy.inject(slowPage, { kind: 'delay', ms: 1500 });
  fx.proxy.log.length = 0;
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root), new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(r.failures).toEqual([]);
  expect(treeDigest(root)).toEqual(expectedTree());
  const slowAnswered = fx.proxy.log.find(slowPage)!.at + 1500;
  const gets = fx.proxy.log.filter((x) => x.method === 'GET' && !x.query.has('list-type'));
  const early = gets.filter((x) => x.at < slowAnswered - 500).map((x) => x.path);
  // The first range's objects (T0..T20 in listing order, and the hyperparams folder) were fetched during the wait.
  expect(early).toContain('/models/stock/trainingdata/daily/T1.csv');
  expect(early).not.toContain('/models/stock/trainingdata/daily/T3.csv');
  expect(r.manifestHash).toBe((await hydrate(hydrateConfig(fx.proxy.endpoint, tempDir('hyd-stream-b')), new RecordingLogger(), new RecordingProgress(), {}, TUNING)).manifestHash);

  // A throttled page (503 SlowDown, twice) is retried while the first range's downloads run: the tree is exact.
  const root3 = tempDir('hyd-stream-503');
  fs.mkdirSync(path.dirname(hintsPath(root3)), { recursive: true });
  fs.writeFileSync(hintsPath(root3), JSON.stringify({ version: 1, splits: { 'models/stock/trainingdata/': [split] } }));
  fx.proxy.inject(slowPage, { kind: 'status', status: 503, body: '<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>' }, 2);
  const r3 = await hydrate(hydrateConfig(fx.proxy.endpoint, root3), new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(r3.failures).toEqual([]);
  expect(treeDigest(root3)).toEqual(expectedTree());
  fx.proxy.clearFaults();

  // The slow page now fails for good (a 403 after the first page is not retried away): the run fails, naming the cause.
  const root2 = tempDir('hyd-stream-fail');
  fs.mkdirSync(path.dirname(hintsPath(root2)), { recursive: true });
  fs.writeFileSync(hintsPath(root2), JSON.stringify({ version: 1, splits: { 'models/stock/trainingdata/': [split] } }));
  // With delete on, a local file the bucket does not have: an incomplete listing must never delete it.
  fs.mkdirSync(path.join(root2, 'trainingdata'), { recursive: true });
  fs.writeFileSync(path.join(root2, 'trainingdata', 'local-only.csv'), 'keep me');
  fx.proxy.inject(slowPage, { kind: 'status', status: 403, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' }, 10);
  await expect(hydrate(hydrateConfig(fx.proxy.endpoint, root2, { delete: true }), new RecordingLogger(), new RecordingProgress(), {}, TUNING)).rejects.toThrow(/AccessDenied|Access Denied|denied/i);
  fx.proxy.clearFaults();
  expect(partialFiles(root2)).toEqual([]);
  expect(fs.readFileSync(path.join(root2, 'trainingdata', 'local-only.csv'), 'utf8')).toBe('keep me');
});

test('the listing stops paging ahead of the downloads: objects listed and not started stay under the backlog bound', async () => {
  // 44 objects in pages of 5; every GET held 40 ms with 2 in flight, so the listing could run far ahead.
  const tuning = { ...TUNING, listPageSize: 5, backlogHigh: 8 };
  const cfg = (root: string) => hydrateConfig(fx.proxy.endpoint, root, { concurrency: 2, adaptive: false });
  const isGet = (x: { method: string; query: URLSearchParams }): boolean => x.method === 'GET' && !x.query.has('list-type');
  fx.proxy.inject(isGet, { kind: 'delay', ms: 40 }, 1000);
  fx.proxy.log.length = 0;
  const root = tempDir('hyd-backlog');
  const r = await hydrate(cfg(root), new RecordingLogger(), new RecordingProgress(), {}, tuning);
  fx.proxy.clearFaults();
  expect(r.failures).toEqual([]);
  expect(treeDigest(root)).toEqual(expectedTree());
  // Before each page is asked for: listed - GETs sent <= bound + a page + the 2 files taken and not yet sent.
  // A page asked for again (a retried request) counts once.
  let listed = 0;
  let gets = 0;
  let most = 0;
  const pagesSeen = new Set<string>();
  const pagesPerPrefix = new Map<string, number>();
  for (const x of fx.proxy.log) {
    if (isGet(x)) gets++;
    else if (x.query.get('list-type') === '2') {
      const prefix = x.query.get('prefix')!;
      const page = `${prefix} ${x.query.get('continuation-token') ?? ''}`;
      if (pagesSeen.has(page)) continue;
      pagesSeen.add(page);
      most = Math.max(most, listed - gets);
      const before = pagesPerPrefix.get(prefix) ?? 0;
      listed += Math.min(5, (prefix === 'stock/trainingdata/' ? 42 : 2) - before * 5);
      pagesPerPrefix.set(prefix, before + 1);
    }
  }
  expect(pagesPerPrefix.get('stock/trainingdata/')).toBe(9);
  expect(most).toBeLessThanOrEqual(8 + 5 + 2);
  // Unbraked, the whole folder is listed while the first GETs are held: the bound is what held it back.
  fx.proxy.inject(isGet, { kind: 'delay', ms: 40 }, 1000);
  fx.proxy.log.length = 0;
  await hydrate(cfg(tempDir('hyd-backlog-free')), new RecordingLogger(), new RecordingProgress(), {}, { ...tuning, backlogHigh: 1e9 });
  fx.proxy.clearFaults();
  const lastList = fx.proxy.log.findLastIndex((x) => x.query.get('list-type') === '2');
  expect(fx.proxy.log.slice(0, lastList).filter(isGet).length).toBeLessThan(10);
  // The same listing, however it was paged: the same manifest.
  expect(r.manifestHash).toBe((await hydrate(cfg(tempDir('hyd-backlog-b')), new RecordingLogger(), new RecordingProgress(), {}, TUNING)).manifestHash);
});

test('a same-size object changed in the bucket is fetched again (aws s3 sync misses it)', async () => {
  const root = tempDir('hyd-samesize');
  const cfg = hydrateConfig(fx.proxy.endpoint, root, { dirs: ['hyperparams'] });
  await hydrate(cfg, new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  await seed('stock/hyperparams/a.json', '{"lr":0.02}'); // same length, new content
  const r = await hydrate(cfg, new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(r.downloaded).toBe(1);
  expect(fs.readFileSync(path.join(root, 'hyperparams/a.json'), 'utf8')).toBe('{"lr":0.02}');
  await seed('stock/hyperparams/a.json', '{"lr":0.01}');
});

test('local files edited or truncated after download are restored; a hand-copied identical file is adopted without downloading', async () => {
  const root = tempDir('hyd-local');
  const cfg = hydrateConfig(fx.proxy.endpoint, root);
  await hydrate(cfg, new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  const edited = path.join(root, 'trainingdata/daily/T3.csv');
  const buf = fs.readFileSync(edited);
  buf[10] = buf[10]! ^ 1;
  fs.writeFileSync(edited, buf); // same size, different bytes
  fs.truncateSync(path.join(root, 'trainingdata/big.bin'), 1000);
  fs.rmSync(path.join(root, '.marketsim'), { recursive: true }); // state lost: everything must be re-checked
  fx.proxy.log.length = 0;
  const r = await hydrate(cfg, new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(treeDigest(root)).toEqual(expectedTree());
  expect(r.downloaded).toBe(2); // the edited file and the truncated one
  expect(r.adopted).toBe(42); // everything else was verified by hashing the local copy
  expect(r.verification['local-md5']).toBe(42);
  const gets = fx.proxy.log.filter((x) => x.method === 'GET' && !x.query.has('list-type'));
  expect(new Set(gets.map((g) => g.path))).toEqual(new Set(['/models/stock/trainingdata/daily/T3.csv', '/models/stock/trainingdata/big.bin']));
});

test('delete removes files gone from the bucket under the pulled folders only; dry run changes nothing', async () => {
  const root = tempDir('hyd-delete');
  const cfg = hydrateConfig(fx.proxy.endpoint, root, { delete: true, exclude: ['**/*.keep'] });
  await hydrate(cfg, new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  fs.writeFileSync(path.join(root, 'trainingdata/stale.csv'), 'old');
  fs.writeFileSync(path.join(root, 'trainingdata/notes.keep'), 'mine');
  fs.mkdirSync(path.join(root, 'elsewhere'));
  fs.writeFileSync(path.join(root, 'elsewhere/x.csv'), 'mine');

  const dryLog = new RecordingLogger();
  const dry = await hydrate({ ...cfg, dryRun: true }, dryLog, new RecordingProgress(), {}, TUNING);
  expect(dry.deleted).toBe(1);
  expect(dryLog.matching(/\(dry run\) delete trainingdata\/stale\.csv/)).toHaveLength(1);
  expect(fs.existsSync(path.join(root, 'trainingdata/stale.csv'))).toBe(true);

  const r = await hydrate(cfg, new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(r.deleted).toBe(1);
  expect(fs.existsSync(path.join(root, 'trainingdata/stale.csv'))).toBe(false);
  expect(fs.readFileSync(path.join(root, 'trainingdata/notes.keep'), 'utf8')).toBe('mine');
  expect(fs.readFileSync(path.join(root, 'elsewhere/x.csv'), 'utf8')).toBe('mine');
});

test('dry run on an empty folder prints the plan and writes nothing at all', async () => {
  const root = tempDir('hyd-dry');
  const log = new RecordingLogger();
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root, { dryRun: true }), log, new RecordingProgress(), {}, TUNING);
  expect(r.downloaded).toBe(44);
  expect(log.matching(/\(dry run\) download trainingdata\/big\.bin 3\.15 MB \[new\]/)).toHaveLength(1);
  expect(log.matching(/\(dry run\) 44 changes; 0 files unchanged \(0 B\)/)).toHaveLength(1);
  expect(fs.readdirSync(root)).toEqual([]);
});

test('include/exclude select files; a missing folder warns; all folders missing is an error naming dirs', async () => {
  const root = tempDir('hyd-filter');
  const log = new RecordingLogger();
  const r = await hydrate(
    hydrateConfig(fx.proxy.endpoint, root, { dirs: ['trainingdata', 'nosuchdir'], include: ['trainingdata/daily/*.csv'], exclude: ['**/T1*.csv'] }),
    log,
    new RecordingProgress(),
    {},
    TUNING,
  );
  expect(r.downloaded).toBe(29); // T0..T39 minus T1, T10..T19
  expect(Object.keys(treeDigest(root)).every((k) => k.startsWith('trainingdata/daily/T') && !k.startsWith('trainingdata/daily/T1'))).toBe(true);
  expect(log.matching(/warn Folder s3:\/\/models\/stock\/nosuchdir\/ is empty or missing/)).toHaveLength(1);
  await expect(hydrate(hydrateConfig(fx.proxy.endpoint, root, { dirs: ['nope1', 'nope2'] }), log, new RecordingProgress(), {}, TUNING)).rejects.toThrow(
    /dirs: none of nope1, nope2 has any object under s3:\/\/models\/stock\//,
  );
});

test('bad bucket, unknown key id and an unreachable endpoint fail fast with a message naming the input', async () => {
  const root = tempDir('hyd-bad');
  const base = hydrateConfig(fx.s3.endpoint, root);
  await expect(hydrate({ ...base, store: { ...base.store, bucket: 'nosuchbucket' } }, new RecordingLogger(), new RecordingProgress())).rejects.toThrow(
    /^bucket: 'nosuchbucket' does not exist/,
  );
  await expect(hydrate({ ...base, store: { ...base.store, accessKeyId: 'WRONGKEY' } }, new RecordingLogger(), new RecordingProgress())).rejects.toThrow(
    /^access-key-id: the store does not know this key id/,
  );
  const started = Date.now();
  await expect(hydrate({ ...base, store: { ...base.store, endpoint: 'http://127.0.0.1:9' } }, new RecordingLogger(), new RecordingProgress())).rejects.toThrow(
    /^endpoint: cannot reach http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/,
  );
  expect(Date.now() - started).toBeLessThan(5000);
  expect(fs.readdirSync(root)).toEqual([]);
});

test('throttling, 5xx, drops and connections cut mid-body are retried; the tree is byte-exact with no partial files', async () => {
  const root = tempDir('hyd-faults');
  const isGet = (r: { method: string; query: URLSearchParams }) => r.method === 'GET' && !r.query.has('list-type');
  fx.proxy.inject((r) => r.query.get('list-type') === '2' && r.query.get('max-keys') === '1000', { kind: 'status', status: 503 }, 1);
  fx.proxy.inject(isGet, { kind: 'status', status: 429, body: 'API requests too frequent' }, 3);
  fx.proxy.inject(isGet, { kind: 'status', status: 500 }, 3);
  fx.proxy.inject(isGet, { kind: 'drop' }, 2);
  fx.proxy.inject((r) => isGet(r) && r.path.endsWith('/T7.csv'), { kind: 'reset-mid-body' }, 2);
  fx.proxy.inject((r) => isGet(r) && r.path.endsWith('/mid.bin'), { kind: 'reset-mid-body' }, 2);
  fx.proxy.inject((r) => isGet(r) && r.path.endsWith('/big.bin') && r.headers.range === 'bytes=524288-786431', { kind: 'reset-mid-body' }, 2);
  const log = new RecordingLogger();
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root), log, new RecordingProgress(), {}, TUNING);
  expect(r.failures).toEqual([]);
  expect(treeDigest(root)).toEqual(expectedTree());
  expect(partialFiles(root)).toEqual([]);
  expect(log.matching(/attempt \d+ failed/).length).toBeGreaterThanOrEqual(10);
});

test('corrupted bytes are never kept: retried, then the key is named in a failure', async () => {
  const root = tempDir('hyd-corrupt');
  const isTarget = (name: string) => (r: { method: string; path: string }) => r.method === 'GET' && r.path.endsWith(name);
  // Corrupt once (recovers), and always (fails) for the small, streamed and ranged paths.
  fx.proxy.inject(isTarget('/T5.csv'), { kind: 'corrupt' }, 1);
  fx.proxy.inject(isTarget('/T6.csv'), { kind: 'corrupt' }, 99);
  fx.proxy.inject(isTarget('/mid.bin'), { kind: 'corrupt' }, 99);
  fx.proxy.inject(isTarget('/big.bin'), { kind: 'corrupt' }, 1);
  const log = new RecordingLogger();
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root), log, new RecordingProgress(), {}, TUNING);
  expect(r.failures.map((f) => f.key).sort()).toEqual(['stock/trainingdata/daily/T6.csv', 'stock/trainingdata/mid.bin']);
  expect(r.failures[0]?.message).toMatch(/not saved after 3 attempts: .*does not match its ETag/);
  expect(fs.existsSync(path.join(root, 'trainingdata/daily/T6.csv'))).toBe(false);
  expect(fs.existsSync(path.join(root, 'trainingdata/mid.bin'))).toBe(false);
  const want = expectedTree();
  delete want['trainingdata/daily/T6.csv'];
  delete want['trainingdata/mid.bin'];
  expect(treeDigest(root)).toEqual(want);
  expect(partialFiles(root)).toEqual([]);
});

test('R2-style multipart ETags are verified from the part size (HEAD partNumber=1 or our metadata), and a wrong byte is caught', async () => {
  const root = tempDir('hyd-multipart');
  const body = bytes(2 * 1024 * 1024 + 5, 77);
  const partSize = 512 * 1024;
  const parts: Buffer[] = [];
  for (let off = 0; off < body.length; off += partSize) parts.push(createHash('md5').update(body.subarray(off, off + partSize)).digest());
  const etag = compositeEtag(parts);
  await fx.s3.put('models', 'stock/compiled_models/model.bin', body);
  await fx.s3.put('models', 'stock/compiled_models/meta.bin', body, { 'marketsim-part-size': String(partSize) });
  // R2 answers multipart ETags; s3rver does not, so the proxy rewrites them (and the part-1 length).
  fx.proxy.etagRewrite.set('stock/compiled_models/model.bin', { etag, partSize });
  fx.proxy.etagRewrite.set('stock/compiled_models/meta.bin', { etag, partSize: body.length });
  try {
    const cfg = hydrateConfig(fx.proxy.endpoint, root, { dirs: ['compiled_models'] });
    const r = await hydrate(cfg, new RecordingLogger(), new RecordingProgress(), {}, TUNING);
    expect(r.failures).toEqual([]);
    expect(r.verification).toEqual({ 'multipart-md5': 2 });
    expect(digestOf(fs.readFileSync(path.join(root, 'compiled_models/model.bin')))).toBe(digestOf(body));
    // One ranged GET per part, so each part's MD5 is taken in flight (no read-back of the file).
    const ranges = fx.proxy.log.filter((x) => x.path.endsWith('/model.bin') && x.headers.range).map((x) => x.headers.range).sort();
    expect(ranges).toEqual(['bytes=0-524287', 'bytes=1048576-1572863', 'bytes=1572864-2097151', 'bytes=2097152-2097156', 'bytes=524288-1048575']);

    // A part cut mid-body is fetched again and hashed anew: what the cut attempt wrote is never part of the MD5.
    fs.rmSync(root, { recursive: true });
    fx.proxy.inject((x) => x.method === 'GET' && x.path.endsWith('/model.bin') && x.headers.range === 'bytes=1048576-1572863', { kind: 'reset-mid-body' }, 2);
    const cut = await hydrate(cfg, new RecordingLogger(), new RecordingProgress(), {}, TUNING);
    expect(cut.failures).toEqual([]);
    expect(cut.verification).toEqual({ 'multipart-md5': 2 });
    expect(digestOf(fs.readFileSync(path.join(root, 'compiled_models/model.bin')))).toBe(digestOf(body));

    fs.rmSync(root, { recursive: true });
    fx.proxy.inject((x) => x.method === 'GET' && x.path.endsWith('/model.bin') && x.headers.range === 'bytes=524288-1048575', { kind: 'corrupt' }, 99);
    const bad = await hydrate(cfg, new RecordingLogger(), new RecordingProgress(), {}, TUNING);
    expect(bad.failures.map((f) => f.key)).toEqual(['stock/compiled_models/model.bin']);
    expect(fs.existsSync(path.join(root, 'compiled_models/model.bin'))).toBe(false);
  } finally {
    fx.proxy.etagRewrite.clear();
  }
});

test('hostile object keys and symlinked folders never lead to a write outside the target', async () => {
  const root = tempDir('hyd-hostile');
  const outside = tempDir('hyd-outside');
  const evil = Buffer.from('pwned');
  const md5 = createHash('md5').update(evil).digest('hex');
  for (const key of ['stock/trainingdata/../../escaped.txt', 'stock/trainingdata/a/../../../escaped2.txt', 'stock/trainingdata//abs.txt', 'stock/trainingdata/nul\u0000.txt']) {
    fx.proxy.virtual.set(key, { key, body: evil, etag: md5 });
  }
  await fx.s3.put('models', 'stock/trainingdata/back\\slash.txt', evil); // s3rver stores backslashes for real
  await fx.s3.put('models', 'stock/trainingdata/linked/payload.csv', evil);
  fs.mkdirSync(path.join(root, 'trainingdata'), { recursive: true });
  fs.symlinkSync(outside, path.join(root, 'trainingdata/linked'));
  try {
    const log = new RecordingLogger();
    const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root, { dirs: ['trainingdata'] }), log, new RecordingProgress(), {}, TUNING);
    expect(r.refused).toBe(6);
    expect(log.matching(/warn Refused object key 'stock\/trainingdata\/\.\.\/\.\.\/escaped\.txt': has a '\.\.' segment/)).toHaveLength(1);
    expect(log.matching(/warn Refused object key 'stock\/trainingdata\/linked\/payload\.csv': would be written through the symlink trainingdata\/linked/)).toHaveLength(1);
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(fs.existsSync(path.join(path.dirname(root), 'escaped.txt'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'escaped2.txt'))).toBe(false);
    expect(r.failures).toEqual([]);
  } finally {
    fx.proxy.virtual.clear();
    await fx.s3.client.send(new (await import('@aws-sdk/client-s3')).DeleteObjectCommand({ Bucket: 'models', Key: 'stock/trainingdata/back\\slash.txt' }));
    await fx.s3.client.send(new (await import('@aws-sdk/client-s3')).DeleteObjectCommand({ Bucket: 'models', Key: 'stock/trainingdata/linked/payload.csv' }));
  }
});

test('an interrupted run leaves no partial file under a real name; the next run removes stale temporary files', async () => {
  const root = tempDir('hyd-stale');
  fs.mkdirSync(path.join(root, 'trainingdata/daily'), { recursive: true });
  fs.writeFileSync(path.join(root, 'trainingdata/daily/.T1.csv.abcd1234.marketsim-partial'), 'half');
  // A killed run leaves the marker it writes before its first download; a run that ends removes it.
  const marker = path.join(root, '.marketsim', 'hydrate-downloading');
  fs.mkdirSync(path.dirname(marker), { recursive: true });
  fs.writeFileSync(marker, '123\n');
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root), new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(r.staleTempFilesRemoved).toBe(1);
  expect(partialFiles(root)).toEqual([]);
  expect(treeDigest(root)).toEqual(expectedTree());
  expect(fs.existsSync(marker)).toBe(false);
});

test('listing hints that cannot be saved cost a warning, not the run (they only speed up the next listing)', async () => {
  const root = tempDir('hyd-hints-unwritable');
  const file = hintsPath(root);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const old = JSON.stringify({ version: 1, splits: { 'models/stock/trainingdata/': ['stock/trainingdata/daily/T20.csv'] } });
  fs.writeFileSync(file, old);
  // The new hints differ (one page now) but cannot be written: a folder sits where the temporary file goes.
  fs.mkdirSync(`${file}.${process.pid}.tmp`);
  const log = new RecordingLogger();
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root), log, new RecordingProgress(), {}, TUNING);
  expect(r.failures).toEqual([]);
  expect(treeDigest(root)).toEqual(expectedTree());
  expect(log.matching(/^warn Could not save listing hints: EISDIR/)).toHaveLength(1);
  expect(fs.readFileSync(file, 'utf8')).toBe(old);
  expect(partialFiles(root)).toEqual([]);
});
