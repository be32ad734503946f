import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hydrateStep } from '../../src/actions/r2-hydrate/step.js';
import { inputVar } from '../../src/inputs/reader.js';
import type { CachePort, Runtime, SummaryDoc } from '../../src/runtime/ports.js';
import { FaultProxy } from '../emulators/fault-proxy.js';
import { startS3, type S3Server } from '../emulators/s3-server.js';
import { bytes, RecordingLogger, RecordingProgress, tempDir, treeDigest } from './helpers.js';

let s3: S3Server;
let proxy: FaultProxy;

beforeAll(async () => {
  s3 = await startS3();
  await s3.createBucket('models');
  for (let i = 0; i < 10; i++) await s3.put('models', `stock/trainingdata/f${i}.csv`, bytes(5000 + i, i));
  await s3.put('models', 'stock/hyperparams/h.json', '{}');
  proxy = new FaultProxy(s3.endpoint);
  await proxy.start();
});

afterAll(async () => {
  await proxy.stop();
  await s3.stop();
});

/** A Runtime that records instead of talking to a runner; the cache is a folder per key. */
function fakeRuntime(cache?: CachePort) {
  const outputs: Record<string, string> = {};
  const summaries: SummaryDoc[] = [];
  const log = new RecordingLogger();
  const rt: Runtime = {
    log,
    mask: () => undefined,
    setOutput: (n, v) => void (outputs[n] = String(v)),
    saveState: () => undefined,
    getState: () => '',
    writeSummary: async (d) => void summaries.push(d),
    progress: () => new RecordingProgress(),
    cache,
  };
  return { rt, outputs, summaries, log };
}

function folderCache(): CachePort & { saved: string[]; restored: string[] } {
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-fake-cache-'));
  const saved: string[] = [];
  const restored: string[] = [];
  return {
    saved,
    restored,
    restore: async (paths, key) => {
      const dir = path.join(store, key);
      if (!fs.existsSync(dir)) return undefined;
      paths.forEach((p, i) => fs.existsSync(path.join(dir, String(i))) && fs.cpSync(path.join(dir, String(i)), p, { recursive: true }));
      restored.push(key);
      return key;
    },
    save: async (paths, key) => {
      paths.forEach((p, i) => fs.existsSync(p) && fs.cpSync(p, path.join(store, key, String(i)), { recursive: true }));
      saved.push(key);
    },
  };
}

function env(root: string, extra: Record<string, string> = {}): Record<string, string> {
  const e: Record<string, string> = { R2_ENDPOINT: proxy.endpoint, R2_ACCESS_KEY_ID: 'S3RVER', R2_SECRET_ACCESS_KEY: 's', LOCAL_ROOT: root };
  e[inputVar('dirs')] = 'trainingdata,hyperparams';
  for (const [k, v] of Object.entries(extra)) e[inputVar(k)] = v;
  return e;
}

test('cache: a miss hydrates from the bucket and saves under the manifest hash; a hit restores with no object GET', async () => {
  const cache = folderCache();
  const first = fakeRuntime(cache);
  const root1 = tempDir('cache-1');
  await hydrateStep(first.rt, env(root1, { cache: 'true' }));
  expect(first.outputs['cache-hit']).toBe('false');
  expect(first.outputs['files-downloaded']).toBe('11');
  expect(cache.saved).toEqual([`marketsim-hydrate-${first.outputs['manifest-hash']}`]);

  // A fresh runner: nothing local; the cache brings the tree back and nothing is downloaded.
  const second = fakeRuntime(cache);
  const root2 = tempDir('cache-2');
  proxy.log.length = 0;
  await hydrateStep(second.rt, env(root2, { cache: 'true' }));
  expect(second.outputs['cache-hit']).toBe('true');
  expect(second.outputs['files-downloaded']).toBe('0');
  expect(second.outputs['files-skipped']).toBe('11');
  expect(proxy.log.filter((r) => r.method === 'GET' && !r.query.has('list-type'))).toEqual([]);
  expect(treeDigest(root2)).toEqual(treeDigest(root1));
  expect(cache.saved).toHaveLength(1); // a hit is not saved again
  expect(second.summaries[0]?.lines.join('\n')).toContain('Actions cache: hit');
});

test('cache asked for where there is none (the CLI): a warning, then a normal hydrate', async () => {
  const { rt, outputs, log } = fakeRuntime(undefined);
  await hydrateStep(rt, env(tempDir('cache-none'), { cache: 'true' }));
  expect(outputs['files-downloaded']).toBe('11');
  expect(log.matching(/warn cache: the GitHub Actions cache is not available here/)).toHaveLength(1);
});

test('objects that cannot be verified fail the step, after outputs and the summary are written', async () => {
  proxy.inject((r) => r.method === 'GET' && r.path.endsWith('/f3.csv'), { kind: 'corrupt' }, 99);
  const { rt, outputs, summaries } = fakeRuntime();
  await expect(hydrateStep(rt, env(tempDir('step-fail')))).rejects.toThrow(/1 objects could not be downloaded and verified: stock\/trainingdata\/f3\.csv/);
  proxy.clearFaults();
  expect(outputs['files-downloaded']).toBe('10');
  expect(summaries[0]?.lines.join('\n')).toContain('**1 objects failed**');
});
