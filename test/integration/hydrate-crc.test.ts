import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import { hydrate } from '../../src/storage/hydrate.js';
import type { DownloadTuning } from '../../src/storage/download.js';
import { compositeEtag } from '../../src/s3/etag.js';
import { CRC_META_NAME, crcHex } from '../../src/s3/crc.js';
import { persistLogs } from '../../src/storage/persist.js';
import { bytes, digestOf, hydrateConfig, partialFiles, RecordingLogger, RecordingProgress, s3BehindProxy, store, tempDir, treeDigest } from './helpers.js';

/** Small thresholds so every path runs: whole < 64 KiB <= streamed < 1 MiB <= ranged (256 KiB ranges). */
const TUNING: DownloadTuning = { smallMax: 64 * 1024, rangeThreshold: 1024 * 1024, rangeSize: 256 * 1024, writeBuffer: 128 * 1024, verifyAttempts: 3 };
const PART = 512 * 1024;

const fx = s3BehindProxy();

/** The metadata marketsim push / persist-logs record (their own test checks that they do). */
const ours = (b: Buffer, crc = zlib.crc32(b)) => ({ [CRC_META_NAME]: crcHex(crc), 'marketsim-part-size': String(PART) });

const multipartEtag = (b: Buffer): string => {
  const parts: Buffer[] = [];
  for (let off = 0; off < b.length; off += PART) parts.push(createHash('md5').update(b.subarray(off, off + PART)).digest());
  return compositeEtag(parts);
};

/** One object per download path, under `dir`, with the CRC metadata `crcOf` gives (undefined: none). */
async function seedSet(dir: string, crcOf: (b: Buffer) => number | undefined): Promise<Record<string, string>> {
  const set: Record<string, Buffer> = {
    'small.csv': bytes(20_000, 1),
    'mid.bin': bytes(300 * 1024, 2),
    'big.bin': bytes(2 * 1024 * 1024 + 9, 3),
    'parts.bin': bytes(2 * 1024 * 1024 + 5, 4),
  };
  for (const [name, body] of Object.entries(set)) {
    const crc = crcOf(body);
    await fx.s3.put('models', `stock/${dir}/${name}`, body, crc === undefined ? undefined : ours(body, crc));
  }
  // R2 answers multipart ETags; s3rver does not, so the proxy rewrites this one's.
  fx.proxy.etagRewrite.set(`stock/${dir}/parts.bin`, { etag: multipartEtag(set['parts.bin']!), partSize: PART });
  return Object.fromEntries(Object.entries(set).map(([n, b]) => [`${dir}/${n}`, digestOf(b)]));
}

const isGet = (name: string) => (r: { method: string; path: string }) => r.method === 'GET' && r.path.endsWith(name);

test('objects our uploads recorded a CRC-32 for are verified by it on every path, byte-exact; others still by MD5', async () => {
  const want = { ...(await seedSet('crc', (b) => zlib.crc32(b))), ...(await seedSet('plain', () => undefined)) };
  const root = tempDir('hyd-crc');
  fx.proxy.log.length = 0;
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root, { dirs: ['crc', 'plain'] }), new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(r.failures).toEqual([]);
  expect(treeDigest(root)).toEqual(want);
  expect(r.verification).toEqual({ crc32: 4, md5: 3, 'multipart-md5': 1 });
  // With the CRC known from the part-1 HEAD, the multipart object is fetched in 256 KiB ranges (not per part).
  const ranges = fx.proxy.log.filter((x) => x.path.endsWith('crc/parts.bin') && x.headers.range);
  expect(ranges).toHaveLength(9);
  expect(fx.proxy.log.filter((x) => x.method === 'HEAD' && x.path.endsWith('crc/parts.bin'))).toHaveLength(1);
  expect(partialFiles(root)).toEqual([]);
});

test('a flipped byte fails the CRC: retried, and never kept when it persists', async () => {
  const want = await seedSet('crcbad', (b) => zlib.crc32(b));
  const root = tempDir('hyd-crc-corrupt');
  fx.proxy.inject(isGet('crcbad/small.csv'), { kind: 'corrupt' }, 1);
  fx.proxy.inject(isGet('crcbad/mid.bin'), { kind: 'corrupt' }, 99);
  fx.proxy.inject(isGet('crcbad/big.bin'), { kind: 'corrupt' }, 99);
  fx.proxy.inject((x) => isGet('crcbad/parts.bin')(x) && x.headers.range === 'bytes=524288-786431', { kind: 'corrupt' }, 99);
  const log = new RecordingLogger();
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root, { dirs: ['crcbad'] }), log, new RecordingProgress(), {}, TUNING);
  expect(r.failures.map((f) => f.key).sort()).toEqual(['stock/crcbad/big.bin', 'stock/crcbad/mid.bin', 'stock/crcbad/parts.bin']);
  for (const f of r.failures) expect(f.message).toMatch(/not saved after 3 attempts: .*CRC-32 [0-9a-f]{8}, but [0-9a-f]{8} was recorded at upload; content does not match its ETag either/);
  expect(log.matching(/small\.csv: CRC-32 .* attempt 1 of 3/)).toHaveLength(1);
  expect(treeDigest(root)).toEqual({ 'crcbad/small.csv': want['crcbad/small.csv'] });
  expect(r.verification).toEqual({ crc32: 1 });
  expect(partialFiles(root)).toEqual([]);
});

test('a wrong CRC in metadata cannot fail good bytes: the ETag overrules it, with a warning naming the object', async () => {
  const want = await seedSet('crcwrong', (b) => zlib.crc32(b) ^ 1);
  const root = tempDir('hyd-crc-wrong');
  const log = new RecordingLogger();
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root, { dirs: ['crcwrong'] }), log, new RecordingProgress(), {}, TUNING);
  expect(r.failures).toEqual([]);
  expect(treeDigest(root)).toEqual(want);
  expect(r.verification).toEqual({ md5: 3, 'multipart-md5': 1 });
  const warned = log.matching(/^warn .*the metadata is wrong: kept, verified by MD5/);
  expect(warned.map((l) => /crcwrong\/([a-z.]+):/.exec(l)?.[1]).sort()).toEqual(['big.bin', 'mid.bin', 'parts.bin', 'small.csv']);
});

test('an ETag that cannot be checked (not an MD5) is verified by our CRC when present, and a CRC mismatch there is corruption', async () => {
  const good = bytes(300 * 1024, 5);
  await fx.s3.put('models', 'stock/opaque/good.bin', good, ours(good));
  await fx.s3.put('models', 'stock/opaque/wrong.bin', good, ours(good, zlib.crc32(good) ^ 1));
  // A multipart-looking ETag whose part size cannot be learned (part 1 "as long as" 1 byte): only the size could be checked.
  for (const name of ['good.bin', 'wrong.bin']) fx.proxy.etagRewrite.set(`stock/opaque/${name}`, { etag: `${'ab'.repeat(16)}-3`, partSize: 1 });
  const root = tempDir('hyd-crc-opaque');
  fx.proxy.log.length = 0;
  const r = await hydrate(
    hydrateConfig(fx.proxy.endpoint, root, { dirs: ['opaque'] }),
    new RecordingLogger(),
    new RecordingProgress(),
    {},
    { ...TUNING, verifyAttempts: 1 },
  );
  expect(r.verification).toEqual({ crc32: 1 });
  expect(r.failures.map((f) => f.key)).toEqual(['stock/opaque/wrong.bin']);
  expect(r.failures[0]?.message).toMatch(/CRC-32 [0-9a-f]{8}, but [0-9a-f]{8} was recorded at upload$/);
  expect(fs.existsSync(path.join(root, 'opaque/wrong.bin'))).toBe(false);
  expect(digestOf(fs.readFileSync(path.join(root, 'opaque/good.bin')))).toBe(digestOf(good));
});

test('round trip: what persist-logs uploads, hydrate verifies by the CRC it recorded (whole, streamed, ranged, multipart)', async () => {
  const src = tempDir('crc-src');
  const files: Record<string, Buffer> = { 'a.csv': bytes(10_000, 6), 'm.bin': bytes(400 * 1024, 7), 'r.bin': bytes(3 * 1024 * 1024, 8), 'mp.bin': bytes(17 * 1024 * 1024, 9) };
  for (const [n, b] of Object.entries(files)) fs.writeFileSync(path.join(src, n), b);
  const up = await persistLogs(
    { store: store(fx.proxy.endpoint), logDir: src, experimentId: 'rt', targetPrefix: 'stock/roundtrip/', ifNoFilesFound: 'error', concurrency: 4 },
    new RecordingLogger(),
    new RecordingProgress(),
    { smallMax: 64 * 1024, multipartThreshold: 16 * 1024 * 1024 },
  );
  expect(up.failures).toEqual([]);
  const root = tempDir('hyd-crc-roundtrip');
  const r = await hydrate(hydrateConfig(fx.proxy.endpoint, root, { dirs: ['roundtrip'] }), new RecordingLogger(), new RecordingProgress(), {}, TUNING);
  expect(r.failures).toEqual([]);
  expect(r.verification).toEqual({ crc32: 4 });
  expect(treeDigest(root)).toEqual(Object.fromEntries(Object.entries(files).map(([n, b]) => [`roundtrip/${n}`, digestOf(b)])));
});
