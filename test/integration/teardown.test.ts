import { GitHubRunners } from '../../src/github/runners.js';
import { VastClient } from '../../src/vast/client.js';
import { ownerRun, reap, teardown } from '../../src/vast/teardown.js';
import { GitHubEmulator } from '../emulators/github-emulator.js';
import { VastEmulator } from '../emulators/vast-emulator.js';
import { RecordingLogger } from './helpers.js';

const FAST = { retries: 3, minDelayMs: 5, maxDelayMs: 20 };
let vastEmu: VastEmulator;
let ghEmu: GitHubEmulator;
let vast: VastClient;
let github: GitHubRunners;

beforeEach(async () => {
  vastEmu = new VastEmulator();
  ghEmu = new GitHubEmulator();
  await Promise.all([vastEmu.start(), ghEmu.start()]);
  vast = new VastClient({ baseUrl: vastEmu.url, apiKey: vastEmu.apiKey, retry: FAST });
  github = new GitHubRunners({ apiUrl: ghEmu.url, token: ghEmu.token, scope: { kind: 'repo', owner: 'acme', repo: 'marketsim' }, retry: FAST, sleep: async () => undefined });
});

afterEach(async () => {
  await Promise.all([vastEmu.stop(), ghEmu.stop()]);
});

async function rent(offerId: number, label: string, dph = 0.5): Promise<number> {
  vastEmu.addOffer({ id: offerId, dph_total: dph });
  return (await vast.createInstance(offerId, { image: 'x', label })).id;
}

test('teardown by id: destroyed, runtime and cost reported, registration deleted; a second teardown is a no-op', async () => {
  const id = await rent(1, 'marketsim-5-1-1', 0.72);
  vastEmu.instances.get(id)!.createdAt -= 30 * 60 * 1000;
  const { runner } = await github.generateJitConfig({ name: 'marketsim-5-1-1', runnerGroupId: 1, labels: ['marketsim-5-1-1'] });
  const r = await teardown({ instanceId: id, runnerId: runner.id }, { vast, github, log: new RecordingLogger() });
  expect(r.destroyed).toEqual([id]);
  expect(r.runtimeSeconds).toBeGreaterThanOrEqual(1800);
  expect(r.costUsd).toBeCloseTo(0.36, 2);
  expect(r.gpuName).toBe('RTX 5090');
  expect(r.runnersDeleted).toEqual(['marketsim-5-1-1']);
  const again = await teardown({ instanceId: id, runnerId: runner.id }, { vast, github, log: new RecordingLogger() });
  expect(again.destroyed).toEqual([]);
  expect(again.alreadyGone).toEqual([id]);
});

test('teardown with empty outputs finds the instance and the runner by label (provision cancelled before its outputs)', async () => {
  const id = await rent(1, 'marketsim-6-2-1');
  const other = await rent(2, 'marketsim-6-2-2');
  await github.generateJitConfig({ name: 'marketsim-6-2-1', runnerGroupId: 1, labels: ['marketsim-6-2-1'] });
  const r = await teardown({ label: 'marketsim-6-2-1' }, { vast, github, log: new RecordingLogger() });
  expect(r.destroyed).toEqual([id]);
  expect(vastEmu.live().map((i) => i.id)).toEqual([other]);
  expect(ghEmu.liveRunners()).toEqual([]);
  const nothing = await teardown({}, { vast, github, log: new RecordingLogger() });
  expect(nothing.destroyed).toEqual([]);
});

test('a label ending in * finds every try of a run attempt, and nothing of other runs', async () => {
  await rent(1, 'marketsim-8-1-1');
  await rent(2, 'marketsim-8-1-3');
  const keep = await rent(3, 'marketsim-8-2-1');
  await github.generateJitConfig({ name: 'marketsim-8-1-3', runnerGroupId: 1, labels: ['x'] });
  const r = await teardown({ label: 'marketsim-8-1-*' }, { vast, github, log: new RecordingLogger() });
  expect(r.destroyed).toHaveLength(2);
  expect(vastEmu.live().map((i) => i.id)).toEqual([keep]);
  expect(r.runnersDeleted).toEqual(['marketsim-8-1-3']);
});

test('reap: our stale or finished instances go, others\' instances and live runs stay; dry run changes nothing', async () => {
  const old = await rent(1, 'marketsim-100-1-1');
  vastEmu.instances.get(old)!.createdAt -= 7 * 3600 * 1000;
  const finished = await rent(2, 'marketsim-200-1-1');
  ghEmu.runs.set(200, { id: 200, status: 'completed', conclusion: 'cancelled' });
  const live = await rent(3, 'marketsim-300-1-1');
  ghEmu.runs.set(300, { id: 300, status: 'in_progress', conclusion: null });
  const foreign = await rent(4, 'someone-else-1');
  vastEmu.instances.get(foreign)!.createdAt -= 48 * 3600 * 1000;
  await github.generateJitConfig({ name: 'marketsim-200-1-1', runnerGroupId: 1, labels: ['x'] });
  await github.generateJitConfig({ name: 'marketsim-300-1-2', runnerGroupId: 1, labels: ['x'] }); // a provision in progress

  const dry = await reap({ labelPrefix: 'marketsim', maxAgeSeconds: 6 * 3600, dryRun: true }, { vast, github, log: new RecordingLogger() });
  expect(dry.destroyed.map((d) => d.id).sort()).toEqual([old, finished].sort());
  expect(vastEmu.live()).toHaveLength(4);

  const r = await reap({ labelPrefix: 'marketsim', maxAgeSeconds: 6 * 3600, dryRun: false }, { vast, github, log: new RecordingLogger() });
  expect(r.destroyed.map((d) => d.reason).sort()).toEqual(['older than 360 min', 'workflow run 200 has completed']);
  expect(vastEmu.live().map((i) => i.id).sort()).toEqual([live, foreign].sort());
  expect(r.runnersDeleted).toEqual(['marketsim-200-1-1']);
  expect(ghEmu.liveRunners().map((x) => x.name)).toEqual(['marketsim-300-1-2']);
});

test('the owning run is read from the label', () => {
  expect(ownerRun('marketsim-12345-2-3', 'marketsim')).toBe('12345');
  expect(ownerRun('marketsim-x-1-1', 'marketsim')).toBeUndefined();
  expect(ownerRun('marketsimfoo-1-1-1', 'marketsim')).toBeUndefined();
  expect(ownerRun('marketsim-12345-1-0-2', 'marketsim')).toBe('12345'); // with a lane
  expect(ownerRun('marketsim-12345-1-0-2-9', 'marketsim')).toBeUndefined();
});
