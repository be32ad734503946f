import fs from 'node:fs';
import path from 'node:path';
import { credentialsForHost, type HostStorageConfig } from '../../src/cloudflare/scoped-storage.js';
import { CloudflareError, mintTempCredentials } from '../../src/cloudflare/temp-credentials.js';
import { InputReader } from '../../src/inputs/reader.js';
import { readHydrateConfig, readPersistConfig } from '../../src/inputs/storage-inputs.js';
import { hydrate } from '../../src/storage/hydrate.js';
import { persistLogs } from '../../src/storage/persist.js';
import { chunkHostEnv, unchunkHostEnv } from '../../src/vast/host-env.js';
import { CloudflareEmulator } from '../emulators/cloudflare-emulator.js';
import { RecordingLogger, RecordingProgress, s3BehindProxy, tempDir } from './helpers.js';

const fx = s3BehindProxy();
const ACCOUNT = '0123456789abcdef0123456789abcdef';
const API_TOKEN = 'cf-api-token-test-1234567890';
const PARENT = 'parentkey00000000000000000000001';
let cf: CloudflareEmulator;

beforeAll(async () => {
  cf = new CloudflareEmulator(API_TOKEN, ACCOUNT, new Map([[PARENT, 'parent-secret']]), new Set(['models']), fx.proxy.credentials!);
  await cf.start();
  await fx.s3.put('models', 'stock/trainingdata/AAPL.csv', 'date,close\n1,2\n');
  await fx.s3.put('models', 'stock/hyperparams/base.json', '{"lr":0.1}');
  await fx.s3.put('models', 'stock/secret/other.csv', 'not for the host');
});
afterAll(async () => {
  await cf.stop();
});

function hostConfig(over: Partial<HostStorageConfig> = {}): HostStorageConfig {
  return {
    endpoint: fx.proxy.endpoint,
    bucket: 'models',
    logsBucket: 'models',
    prefix: 'stock/',
    dataDirs: ['trainingdata', 'hyperparams'],
    logsPrefix: 'stock/marketsimulator/logs/exp-7/',
    ttlSeconds: 3600,
    mint: { apiUrl: cf.apiUrl, apiToken: API_TOKEN, accountId: ACCOUNT, parentAccessKeyId: PARENT, retry: { retries: 2, minDelayMs: 10, maxDelayMs: 20 } },
    ...over,
  };
}

/** What the GPU job's actions see: the variables the bootstrap exports from the delivered blob. */
async function hostEnv(over: Partial<HostStorageConfig> = {}): Promise<Record<string, string>> {
  const h = await credentialsForHost(hostConfig(over));
  const chunks = chunkHostEnv(h.vars);
  for (const [k, v] of Object.entries(chunks)) expect(`${k}=${v}`.length).toBeLessThanOrEqual(256);
  return unchunkHostEnv(chunks);
}

test('minted credentials: read-only on the data folders, read-write on this experiment\'s logs, each request signed with its session token', async () => {
  const env = await hostEnv();
  expect(cf.minted.map((m) => [m.permission, m.prefixes, m.ttlSeconds])).toEqual([
    ['object-read-only', ['stock/trainingdata/', 'stock/hyperparams/'], 3600],
    ['object-read-write', ['stock/marketsimulator/logs/exp-7/'], 3600],
  ]);
  expect(env.R2_READ_SESSION_TOKEN!.length).toBeGreaterThan(256);
  expect(env.R2_READ_ACCESS_KEY_ID).not.toBe(env.R2_LOGS_ACCESS_KEY_ID);

  const root = tempDir('scoped-hydrate');
  const masked: string[] = [];
  const r = new InputReader({ ...env, LOCAL_ROOT: root, INPUT_DIRS: 'trainingdata,hyperparams', EXPERIMENT_ID: 'exp-7' });
  const hcfg = readHydrateConfig(r, {}, (s) => masked.push(s));
  const pcfg = readPersistConfig(r, {}, (s) => masked.push(s));
  r.finish();
  expect(hcfg.store).toMatchObject({ accessKeyId: env.R2_READ_ACCESS_KEY_ID, sessionToken: env.R2_READ_SESSION_TOKEN });
  expect(pcfg.store).toMatchObject({ accessKeyId: env.R2_LOGS_ACCESS_KEY_ID, sessionToken: env.R2_LOGS_SESSION_TOKEN });
  expect(masked).toEqual(expect.arrayContaining([env.R2_READ_SECRET_ACCESS_KEY, env.R2_READ_SESSION_TOKEN, env.R2_LOGS_SECRET_ACCESS_KEY, env.R2_LOGS_SESSION_TOKEN]));

  const h = await hydrate(hcfg, new RecordingLogger(), new RecordingProgress());
  expect(h.failures).toEqual([]);
  expect(fs.readFileSync(path.join(root, 'trainingdata/AAPL.csv'), 'utf8')).toContain('close');

  fs.mkdirSync(pcfg.logDir, { recursive: true });
  fs.writeFileSync(path.join(pcfg.logDir, 'run.log'), 'ok\n');
  // Large enough for a multipart upload (through the SDK and lib-storage) with these thresholds.
  fs.writeFileSync(path.join(pcfg.logDir, 'checkpoint.bin'), Buffer.alloc(17 * 1024 * 1024, 7));
  const p = await persistLogs(pcfg, new RecordingLogger(), new RecordingProgress(), { smallMax: 1024 * 1024, multipartThreshold: 16 * 1024 * 1024 });
  expect(p.failures).toEqual([]);
  expect(p.verified).toBe(true);

  expect(fx.proxy.rejected).toEqual([]);
  expect(fx.proxy.log.some((x) => x.method === 'PUT' && x.query.has('partNumber'))).toBe(true);
  const tokens = new Set([env.R2_READ_SESSION_TOKEN, env.R2_LOGS_SESSION_TOKEN]);
  expect(fx.proxy.log.length).toBeGreaterThan(3);
  for (const req of fx.proxy.log) {
    expect(tokens.has(req.headers['x-amz-security-token'] as string)).toBe(true);
    expect(req.headers.authorization).toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
  }
});

test('a write with the read-only credential, or outside the logs prefix, is refused by the store and reported', async () => {
  const env = await hostEnv();
  const dir = tempDir('scoped-logs');
  fs.writeFileSync(path.join(dir, 'poison.csv'), 'evil\n');
  const asRead = { endpoint: fx.proxy.endpoint, bucket: 'models', region: 'auto', accessKeyId: env.R2_READ_ACCESS_KEY_ID!, secretAccessKey: env.R2_READ_SECRET_ACCESS_KEY!, sessionToken: env.R2_READ_SESSION_TOKEN };
  const log = new RecordingLogger();
  const poisoned = await persistLogs({ store: asRead, logDir: dir, experimentId: 'x', targetPrefix: 'stock/trainingdata/', ifNoFilesFound: 'warn', concurrency: 2 }, log, new RecordingProgress());
  expect(poisoned.failures.map((f) => f.message).join(' ')).toMatch(/AccessDenied.*read-only/);
  expect(fx.proxy.rejected.some((x) => x.code === 'AccessDenied' && x.method === 'PUT')).toBe(true);

  const asLogs = { ...asRead, accessKeyId: env.R2_LOGS_ACCESS_KEY_ID!, secretAccessKey: env.R2_LOGS_SECRET_ACCESS_KEY!, sessionToken: env.R2_LOGS_SESSION_TOKEN };
  // The logs credential cannot even list the data folder: the first request fails, naming the credential.
  await expect(
    persistLogs({ store: asLogs, logDir: dir, experimentId: 'other', targetPrefix: 'stock/trainingdata/', ifNoFilesFound: 'warn', concurrency: 2 }, new RecordingLogger(), new RecordingProgress()),
  ).rejects.toThrow(/access-key-id \/ secret-access-key: access denied to s3:\/\/models\/stock\/trainingdata\/ \(AccessDenied: .*outside the credential's prefixes/);
  // Nothing landed in the data.
  await expect(fx.s3.client.send(new (await import('@aws-sdk/client-s3')).HeadObjectCommand({ Bucket: 'models', Key: 'stock/trainingdata/poison.csv' }))).rejects.toThrow();
});

test('the session token is required: a request without it is refused, and hydrate says which input to check', async () => {
  const env = await hostEnv();
  const root = tempDir('scoped-notoken');
  const r = new InputReader({ R2_ENDPOINT: env.R2_ENDPOINT, R2_ACCESS_KEY_ID: env.R2_READ_ACCESS_KEY_ID, R2_SECRET_ACCESS_KEY: env.R2_READ_SECRET_ACCESS_KEY, LOCAL_ROOT: root, INPUT_DIRS: 'trainingdata' });
  const cfg = readHydrateConfig(r, {}, () => undefined);
  r.finish();
  expect(cfg.store.sessionToken).toBeUndefined();
  await expect(hydrate(cfg, new RecordingLogger(), new RecordingProgress())).rejects.toThrow(/access denied/i);
  expect(fx.proxy.rejected.some((x) => /X-Amz-Security-Token/.test(x.message))).toBe(true);
});

test('Cloudflare API errors: a bad token is named, a 5xx is retried, a bad parent key is explained; no credentials without minting or pairs', async () => {
  const opts = { apiUrl: cf.apiUrl, apiToken: 'wrong', accountId: ACCOUNT, retry: { retries: 2, minDelayMs: 10, maxDelayMs: 20 } };
  const req = { bucket: 'models', parentAccessKeyId: PARENT, permission: 'object-read-only' as const, ttlSeconds: 60 };
  await expect(mintTempCredentials(opts, req)).rejects.toThrow(/403: the Cloudflare API token was refused.*Authentication error \(10000\)/);
  cf.inject(502, 1);
  await expect(mintTempCredentials({ ...opts, apiToken: API_TOKEN }, req)).resolves.toMatchObject({ sessionToken: expect.any(String) });
  const e = await mintTempCredentials({ ...opts, apiToken: API_TOKEN }, { ...req, parentAccessKeyId: 'nope' }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(CloudflareError);
  expect((e as Error).message).toMatch(/400.*parentAccessKeyId/);
  await expect(credentialsForHost(hostConfig({ mint: undefined }))).rejects.toThrow(/minting or scoped key pairs/);
});

test('fallback without minting: the two limited key pairs are delivered as they are, without a session token', async () => {
  const read = { accessKeyId: 'read-key', secretAccessKey: 'read-secret' };
  const logs = { accessKeyId: 'logs-key', secretAccessKey: 'logs-secret' };
  const env = await hostEnv({ mint: undefined, scoped: { read, logs }, logsBucket: 'experiment-logs' });
  expect(env).toMatchObject({ R2_READ_ACCESS_KEY_ID: 'read-key', R2_LOGS_ACCESS_KEY_ID: 'logs-key', R2_LOGS_BUCKET: 'experiment-logs' });
  expect(env.R2_READ_SESSION_TOKEN).toBeUndefined();
  const r = new InputReader({ ...env, EXPERIMENT_ID: 'e1' });
  expect(readPersistConfig(r, {}, () => undefined).store).toMatchObject({ bucket: 'experiment-logs', accessKeyId: 'logs-key' });
  expect(readHydrateConfig(r, {}, () => undefined).store).toMatchObject({ bucket: 'models', accessKeyId: 'read-key' });
});

test('a retry keeps the failed attempt\'s logs: what is in the experiment folder moves to attempt-1/, with the logs credential alone', async () => {
  const { archiveAttempt } = await import('../../src/storage/archive-attempt.js');
  const env = await hostEnv();
  await fx.s3.put('models', 'stock/marketsimulator/logs/exp-7/run.log', 'attempt one\n');
  await fx.s3.put('models', 'stock/marketsimulator/logs/exp-7/deep/gpu.csv', 'time,gpu\n');
  const store = { endpoint: fx.proxy.endpoint, bucket: 'models', region: 'auto', accessKeyId: env.R2_LOGS_ACCESS_KEY_ID!, secretAccessKey: env.R2_LOGS_SECRET_ACCESS_KEY!, sessionToken: env.R2_LOGS_SESSION_TOKEN };
  const moved = await archiveAttempt(store, 'stock/marketsimulator/logs/exp-7/', 1, new RecordingLogger());
  expect(moved).toBeGreaterThanOrEqual(2);
  const { listAll } = await import('../../src/s3/list.js');
  const { S3Http } = await import('../../src/s3/s3-http.js');
  const http = new S3Http(store, { connections: 2 });
  const keys = (await listAll(http, 'stock/marketsimulator/logs/exp-7/')).map((o) => o.key.slice('stock/marketsimulator/logs/exp-7/'.length));
  await http.close();
  expect(keys).toEqual(expect.arrayContaining(['attempt-1/run.log', 'attempt-1/deep/gpu.csv']));
  expect(keys.filter((k) => !k.startsWith('attempt-'))).toEqual([]);
  expect(fx.proxy.rejected).toEqual([]);
  // A second archive leaves earlier attempt folders where they are.
  await fx.s3.put('models', 'stock/marketsimulator/logs/exp-7/run.log', 'attempt two\n');
  await archiveAttempt(store, 'stock/marketsimulator/logs/exp-7/', 2, new RecordingLogger());
  const again = new S3Http(store, { connections: 2 });
  const after = (await listAll(again, 'stock/marketsimulator/logs/exp-7/')).map((o) => o.key.slice('stock/marketsimulator/logs/exp-7/'.length)).sort();
  await again.close();
  expect(after).toEqual(expect.arrayContaining(['attempt-1/run.log', 'attempt-2/run.log']));
  expect(after.filter((k) => k.startsWith('attempt-2/'))).toEqual(['attempt-2/run.log']);
});
