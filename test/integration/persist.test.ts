import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { GetObjectCommand, HeadObjectCommand } from '@aws-sdk/client-s3';
import type { PersistConfig } from '../../src/storage/config.js';
import { NoFilesError, persistLogs as persist, type UploadTuning } from '../../src/storage/persist.js';
import { listAll } from '../../src/s3/list.js';
import { crcHex } from '../../src/s3/crc.js';
import { S3Http } from '../../src/s3/s3-http.js';
import { bytes, digestOf, RecordingLogger, RecordingProgress, s3BehindProxy, store, tempDir } from './helpers.js';

const fx = s3BehindProxy();

/** Small thresholds so all three paths run on small data: buffered < 1 MiB <= streamed < 16 MiB <= multipart. */
const TUNING: UploadTuning = { smallMax: 1024 * 1024, multipartThreshold: 16 * 1024 * 1024 };
const persistLogs = (c: PersistConfig, l: RecordingLogger, p: RecordingProgress) => persist(c, l, p, TUNING);

function cfg(logDir: string, id: string, over: Partial<PersistConfig> = {}): PersistConfig {
  return {
    store: store(fx.proxy.endpoint),
    logDir,
    experimentId: id,
    targetPrefix: `stock/marketsimulator/logs/${id}/`,
    ifNoFilesFound: 'warn',
    concurrency: 8,
    ...over,
  };
}

async function remoteBody(key: string): Promise<Buffer> {
  const r = await fx.s3.client.send(new GetObjectCommand({ Bucket: 'models', Key: key }));
  return Buffer.from(await r.Body!.transformToByteArray());
}

function logFolder(): { dir: string; files: Record<string, Buffer> } {
  const dir = tempDir('logs');
  const files: Record<string, Buffer> = {
    'run.log': Buffer.from('step 1\nstep 2\n'),
    'metrics/equity.csv': bytes(200_000, 1),
    'metrics/deep/trades.jsonl': bytes(5000, 2),
    'checkpoint.bin': bytes(20 * 1024 * 1024 + 3, 3), // multipart: 3 parts of 8 MiB
    'model.pt': bytes(3 * 1024 * 1024 + 1, 4), // one streamed PUT
    'empty.txt': Buffer.alloc(0),
  };
  for (const [rel, b] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), b);
  }
  return { dir, files };
}

test('uploads every file byte-exact (multipart with equal parts for large ones), confirms by listing, then skips on re-run', async () => {
  const { dir, files } = logFolder();
  const c = cfg(dir, 'exp-1');
  const r = await persistLogs(c, new RecordingLogger(), new RecordingProgress());
  expect(r.failures).toEqual([]);
  expect(r.verified).toBe(true);
  expect(r.uploaded).toBe(6);
  const streamed = fx.proxy.log.filter((x) => x.method === 'PUT' && x.path.endsWith('model.pt'));
  expect(streamed).toHaveLength(1);
  expect(streamed[0]?.headers['content-md5']).toBe(createHash('md5').update(files['model.pt']!).digest('base64'));
  expect(r.uri).toBe('s3://models/stock/marketsimulator/logs/exp-1/');
  for (const [rel, b] of Object.entries(files)) expect(digestOf(await remoteBody(`${c.targetPrefix}${rel}`))).toBe(digestOf(b));
  // Multipart went out as 8 MiB parts, and the part size is recorded for whoever verifies later.
  const parts = fx.proxy.log.filter((x) => x.method === 'PUT' && x.query.has('partNumber') && x.path.endsWith('checkpoint.bin'));
  expect(parts).toHaveLength(3);
  const head = await fx.s3.client.send(new HeadObjectCommand({ Bucket: 'models', Key: `${c.targetPrefix}checkpoint.bin` }));
  expect(head.Metadata?.['marketsim-part-size']).toBe(String(8 * 1024 * 1024));
  // Every upload records the CRC-32 of the bytes it sent, which hydrate checks instead of the MD5.
  expect(head.Metadata?.['marketsim-crc32']).toBe(crcHex(zlib.crc32(files['checkpoint.bin']!)));
  expect(streamed[0]?.headers['x-amz-meta-marketsim-crc32']).toBe(crcHex(zlib.crc32(files['model.pt']!)));
  for (const rel of ['run.log', 'metrics/equity.csv', 'empty.txt']) {
    const put = fx.proxy.log.find((x) => x.method === 'PUT' && x.path.endsWith(`/${rel}`));
    expect(put?.headers['x-amz-meta-marketsim-crc32']).toBe(crcHex(zlib.crc32(files[rel]!)));
  }
  expect(head.ContentType).toBe('application/octet-stream');

  fx.proxy.log.length = 0;
  const again = await persistLogs(c, new RecordingLogger(), new RecordingProgress());
  expect(again.uploaded).toBe(0);
  expect(again.skipped).toBe(6);
  expect(fx.proxy.log.filter((x) => x.method === 'PUT' || x.method === 'POST')).toHaveLength(0);

  fs.appendFileSync(path.join(dir, 'run.log'), 'step 3\n');
  const third = await persistLogs(c, new RecordingLogger(), new RecordingProgress());
  expect(third.uploaded).toBe(1);
  expect((await remoteBody(`${c.targetPrefix}run.log`)).toString()).toBe('step 1\nstep 2\nstep 3\n');
});

test('a file that grows while it uploads goes up as a consistent snapshot and is reported', async () => {
  const dir = tempDir('logs-grow');
  const file = path.join(dir, 'train.log');
  const first = bytes(17 * 1024 * 1024, 9);
  fs.writeFileSync(file, first);
  // The writer appends the moment the first part reaches the store.
  let appended = false;
  fx.proxy.onRequest = (r) => {
    if (!appended && r.method === 'PUT' && r.path.endsWith('train.log')) {
      appended = true;
      fs.appendFileSync(file, 'more lines\n');
    }
  };
  const c = cfg(dir, 'exp-grow');
  const log = new RecordingLogger();
  const r = await persistLogs(c, log, new RecordingProgress());
  expect(appended).toBe(true);
  expect(r.verified).toBe(true);
  expect(r.growing).toEqual(['train.log']);
  expect(digestOf(await remoteBody(`${c.targetPrefix}train.log`))).toBe(digestOf(first));
  expect(log.matching(/train\.log grew while it was read; uploaded a consistent snapshot of 17825792 bytes/)).toHaveLength(1);
});

test('a streamed file that grows while it uploads also goes up as its snapshot', async () => {
  const dir = tempDir('logs-grow-stream');
  const file = path.join(dir, 'metrics.csv');
  const first = bytes(2 * 1024 * 1024, 19);
  fs.writeFileSync(file, first);
  let appended = false;
  fx.proxy.onRequest = (r) => {
    if (!appended && r.method === 'PUT' && r.path.endsWith('metrics.csv')) {
      appended = true;
      fs.appendFileSync(file, 'row\n');
    }
  };
  const c = cfg(dir, 'exp-grow-stream');
  const r = await persistLogs(c, new RecordingLogger(), new RecordingProgress());
  expect(r.verified).toBe(true);
  expect(r.growing).toEqual(['metrics.csv']);
  expect(digestOf(await remoteBody(`${c.targetPrefix}metrics.csv`))).toBe(digestOf(first));
});

test('symlinks are followed only to files inside the folder; secrets elsewhere stay home', async () => {
  const dir = tempDir('logs-links');
  const outside = tempDir('secret-home');
  fs.writeFileSync(path.join(outside, 'id_rsa'), 'PRIVATE KEY');
  fs.writeFileSync(path.join(dir, 'real.log'), 'ok');
  fs.symlinkSync(path.join(outside, 'id_rsa'), path.join(dir, 'key-link'));
  fs.symlinkSync(outside, path.join(dir, 'home-link'));
  fs.symlinkSync(path.join(dir, 'real.log'), path.join(dir, 'alias.log'));
  fs.symlinkSync(path.join(dir, 'nope'), path.join(dir, 'dangling'));
  const c = cfg(dir, 'exp-links');
  const log = new RecordingLogger();
  const r = await persistLogs(c, log, new RecordingProgress());
  const http = new S3Http(store(fx.s3.endpoint), { connections: 2 });
  const keys = (await listAll(http, c.targetPrefix)).map((o) => o.key.slice(c.targetPrefix.length)).sort();
  await http.close();
  expect(keys).toEqual(['alias.log', 'real.log']);
  expect(r.skippedLinks.map((l) => l.rel).sort()).toEqual(['dangling', 'home-link', 'key-link']);
  expect(log.matching(/warn Not uploading link key-link: points outside the log folder/)).toHaveLength(1);
});

test('5xx and dropped connections during upload are retried; the upload is still confirmed', async () => {
  const { dir } = logFolder();
  fx.proxy.inject((r) => r.method === 'PUT', { kind: 'status', status: 503 }, 3);
  fx.proxy.inject((r) => r.method === 'PUT', { kind: 'drop' }, 1);
  const r = await persistLogs(cfg(dir, 'exp-faults'), new RecordingLogger(), new RecordingProgress());
  expect(r.failures).toEqual([]);
  expect(r.verified).toBe(true);
});

test('an upload the listing cannot confirm is reported as not verified, naming the file', async () => {
  const dir = tempDir('logs-missing');
  fs.writeFileSync(path.join(dir, 'a.log'), 'a');
  // The store acknowledges the PUT but never stores it (a lying middlebox).
  fx.proxy.inject((r) => r.method === 'PUT' && r.path.endsWith('a.log'), { kind: 'status', status: 200, body: '' }, 1);
  const r = await persistLogs(cfg(dir, 'exp-lost'), new RecordingLogger(), new RecordingProgress());
  expect(r.verified).toBe(false);
  expect(r.missing).toEqual(['a.log']);
});

test('a missing log folder: warn by default, error when asked, quiet when ignored', async () => {
  const dir = path.join(tempDir('logs-none'), 'does-not-exist');
  const log = new RecordingLogger();
  const r = await persistLogs(cfg(dir, 'exp-none'), log, new RecordingProgress());
  expect(r.noFiles).toBe(true);
  expect(log.matching(/warn No files found in .*does-not-exist \(the folder does not exist\)/)).toHaveLength(1);
  await expect(persistLogs(cfg(dir, 'exp-none', { ifNoFilesFound: 'error' }), log, new RecordingProgress())).rejects.toBeInstanceOf(NoFilesError);
  const quiet = new RecordingLogger();
  await persistLogs(cfg(dir, 'exp-none', { ifNoFilesFound: 'ignore' }), quiet, new RecordingProgress());
  expect(quiet.matching(/warn/)).toEqual([]);
});
