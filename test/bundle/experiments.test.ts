import { NODE24 } from './node24.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import type { ExperimentRecord } from '../../src/experiments/record.js';
import { s3BehindProxy, tempDir, TEST_SECRET } from '../integration/helpers.js';
import { killTree, runBundle, whenTrue } from './run-bundle.js';

const fx = s3BehindProxy();
const FAKE_GPU = path.resolve('test/fixtures');

beforeAll(async () => {
  await fx.s3.put('models', 'stock/hyperparams/h.json', '{"lr":1}');
});

async function remoteRecord(id: string): Promise<ExperimentRecord> {
  const r = await fx.s3.client.send(new GetObjectCommand({ Bucket: 'models', Key: `stock/marketsimulator/logs/${id}/experiment.json` }));
  return JSON.parse(await r.Body!.transformToString()) as ExperimentRecord;
}

function jobEnv(root: string): Record<string, string> {
  return {
    PATH: `${FAKE_GPU}:${process.env.PATH}`,
    R2_ENDPOINT: fx.proxy.endpoint,
    R2_ACCESS_KEY_ID: 'S3RVER',
    R2_SECRET_ACCESS_KEY: TEST_SECRET,
    LOCAL_ROOT: root,
    GITHUB_REPOSITORY: 'acme/sim',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_SERVER_URL: 'https://github.com',
    CONFIG: 'configs/base.json',
    MARKETSIM_LANE: '0',
    MARKETSIM_IMAGE: `ghcr.io/acme/sim@sha256:${'b'.repeat(64)}`,
    MARKETSIM_HOST: JSON.stringify({ instanceId: 77, offerId: 5, gpuName: 'RTX 5090', numGpus: 1, machineId: 50, hostId: 500, location: 'Quebec, CA', usdPerHour: 0.6, cuda: 12.9, queuedAt: new Date(Date.now() - 700_000).toISOString(), rentedAt: new Date(Date.now() - 600_000).toISOString() }),
    MARKETSIM_GPU_INTERVAL: '1',
    FAKE_GPU_INTERVAL: '0.05',
  };
}

test('each run writes experiment.json next to its logs: run, commit, image, data manifest, host, GPU telemetry, timestamps, outcome, cost', async () => {
  const root = tempDir('rec');
  const run = await runBundle('run', {
    action: 'action.yml',
    env: jobEnv(root),
    inputs: { run: 'sleep 0.4; exit 3', 'experiment-id': 'rec-1', dirs: 'hyperparams' },
  });
  expect(run.code).toBe(1);
  const rec = await remoteRecord('rec-1');
  expect(rec).toMatchObject({
    schema: 'marketsim.experiment/v1',
    experimentId: 'rec-1',
    lane: '0',
    config: 'configs/base.json',
    command: 'sleep 0.4; exit 3',
    outcome: { status: 'failed', exitCode: 3, failure: 'simulator' },
    github: { repository: 'acme/sim', commit: 'a'.repeat(40), runUrl: 'https://github.com/acme/sim/actions/runs/4242/attempts/1' },
    image: { digest: `sha256:${'b'.repeat(64)}` },
    data: [{ folder: 'hyperparams', objects: 1, downloaded: 1 }],
    host: { gpuName: 'RTX 5090', usdPerHour: 0.6, driver: '575.57.08', location: 'Quebec, CA' },
    gpu: { gpus: 1, utilPeak: 87, memPeakMib: 24000 },
  });
  expect(rec.manifestHash).toMatch(/^[0-9a-f]{64}$/);
  for (const t of ['queued', 'rented', 'hydrateStart', 'hydrateEnd', 'commandStart', 'commandEnd', 'persistEnd'] as const) expect(rec.timestamps[t]).toMatch(/^\d{4}-/);
  expect(rec.costUsd).toBeGreaterThan(0.09);
  // The lane reads this to decide on a retry: the command's own failure is never retried.
  expect(run.outputs['failure-kind']).toBe('simulator');
  expect(run.stdout).toMatch(/GPU: 87% busy on average \(peak 87%\), peak memory 24000 MiB/);
  expect(run.summary).toMatch(/GPU[\s\S]*87%[\s\S]*24000 MiB/);
  // gpu.csv went up with the logs.
  expect(fx.proxy.log.some((l) => l.method === 'PUT' && l.path.endsWith('/rec-1/gpu.csv'))).toBe(true);
});

test('a step killed mid-command: the post step marks the record cancelled (an infrastructure failure) and persists it', async () => {
  const root = tempDir('rec-kill');
  const marker = path.join(root, 'started');
  const run = await runBundle('run', {
    action: 'action.yml',
    env: jobEnv(root),
    inputs: { run: `touch ${marker}; sleep 30`, 'experiment-id': 'rec-2', dirs: 'hyperparams' },
    onStart: (child) => whenTrue(() => fs.existsSync(marker), 20, () => killTree(child, 'SIGKILL')),
  });
  expect(run.signal).toBe('SIGKILL');
  const post = await runBundle('run-post', { action: 'action.yml', env: jobEnv(root), inputs: { 'experiment-id': 'rec-2', dirs: 'hyperparams' }, state: run.state });
  expect(post.code).toBe(0);
  expect((await remoteRecord('rec-2')).outcome).toMatchObject({ status: 'cancelled', failure: 'infrastructure' });
});

test('a failure before the command (hydrate) is an infrastructure failure; a retry (attempt 2) keeps attempt 1\'s logs under attempt-1/', async () => {
  const root = tempDir('rec-infra');
  const bad = await runBundle('run', { action: 'action.yml', env: jobEnv(root), inputs: { run: 'true', 'experiment-id': 'rec-3', dirs: 'no-such-folder' } });
  expect(bad.code).not.toBe(0);
  expect(bad.outputs['failure-kind']).toBe('infrastructure');
  const post = await runBundle('run-post', { action: 'action.yml', env: jobEnv(root), inputs: { 'experiment-id': 'rec-3', dirs: 'no-such-folder' }, state: bad.state });
  expect(post.code).toBe(0);
  expect((await remoteRecord('rec-3')).outcome).toMatchObject({ status: 'failed', failure: 'infrastructure' });
  const retry = await runBundle('run', { action: 'action.yml', env: jobEnv(tempDir('rec-retry')), inputs: { run: 'true', 'experiment-id': 'rec-3', dirs: 'hyperparams', attempt: '2' } });
  expect(retry.code).toBe(0);
  expect(retry.outputs['failure-kind']).toBe('');
  const rec = await remoteRecord('rec-3');
  expect(rec).toMatchObject({ attempt: 2, outcome: { status: 'succeeded' } });
  const kept = await fx.s3.client.send(new GetObjectCommand({ Bucket: 'models', Key: 'stock/marketsimulator/logs/rec-3/attempt-1/experiment.json' }));
  expect((JSON.parse(await kept.Body!.transformToString()) as ExperimentRecord).outcome.failure).toBe('infrastructure');
});

test('marketsim experiments show and list read the records back from the bucket', async () => {
  const cli = (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(NODE24, [path.resolve('dist/cli/index.js'), ...args], { env: { PATH: process.env.PATH, R2_ENDPOINT: fx.proxy.endpoint, R2_ACCESS_KEY_ID: 'S3RVER', R2_SECRET_ACCESS_KEY: TEST_SECRET } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  const show = await cli(['experiments', 'show', 'rec-1']);
  expect(show.code).toBe(0);
  expect((JSON.parse(show.stdout) as ExperimentRecord).outcome.exitCode).toBe(3);
  const list = await cli(['--json', 'experiments', 'list']);
  const ids = (JSON.parse(list.stdout) as { outputs: { experiments: { id: string; status: string }[] } }).outputs.experiments.map((e) => `${e.id}:${e.status}`);
  expect(ids.sort()).toEqual(['rec-1:failed', 'rec-2:cancelled', 'rec-3:succeeded']);
  const missing = await cli(['experiments', 'show', 'no-such-id']);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toMatch(/no experiment record at s3:\/\/models\/stock\/marketsimulator\/logs\/no-such-id\/experiment\.json/);
});
