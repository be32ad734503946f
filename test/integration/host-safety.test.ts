import { readProvisionInputs } from '../../src/actions/vast-provision/step.js';
import { readTeardownInputs } from '../../src/actions/vast-teardown/step.js';
import { ConfigurationError } from '../../src/errors.js';
import { GitHubRunners } from '../../src/github/runners.js';
import { VastClient } from '../../src/vast/client.js';
import { joinJitConfig } from '../../src/vast/jit-env.js';
import { provision, type ProvisionConfig } from '../../src/vast/provision.js';
import { labelMatcher, labelProblem, reap, teardown } from '../../src/vast/teardown.js';
import { GitHubEmulator } from '../emulators/github-emulator.js';
import { provisionConfig } from './provision-config.js';
import { VastEmulator } from '../emulators/vast-emulator.js';
import { RecordingLogger } from './helpers.js';

const FAST = { retries: 4, minDelayMs: 5, maxDelayMs: 20 };
let vastEmu: VastEmulator;
let ghEmu: GitHubEmulator;
let vast: VastClient;
let github: GitHubRunners;

const cfg = (over: Partial<ProvisionConfig> = {}): ProvisionConfig => provisionConfig(over);

beforeEach(async () => {
  vastEmu = new VastEmulator();
  ghEmu = new GitHubEmulator();
  await Promise.all([vastEmu.start(), ghEmu.start()]);
  vastEmu.stepMs = 15;
  vastEmu.onRunning = (inst) => void ghEmu.connect(joinJitConfig((inst.body.env ?? {}) as Record<string, string>));
  vast = new VastClient({ baseUrl: vastEmu.url, apiKey: vastEmu.apiKey, retry: FAST });
  github = new GitHubRunners({ apiUrl: ghEmu.url, token: ghEmu.token, scope: { kind: 'repo', owner: 'acme', repo: 'marketsim' }, retry: FAST, sleep: async () => undefined });
});

afterEach(async () => {
  await Promise.all([vastEmu.stop(), ghEmu.stop()]);
});

const creates = (): number => vastEmu.log.filter((l) => l.method === 'PUT' && l.path.startsWith('/api/v0/asks/')).length;
const isCreate = (m: string, p: string): boolean => m === 'PUT' && p.startsWith('/api/v0/asks/');

describe('create is never retried blindly', () => {
  test('a create whose answer is lost (502 after the instance was made) is found by its label and adopted: one create, one instance', async () => {
    vastEmu.addOffer({ id: 1, dph_total: 0.4 });
    vastEmu.inject(isCreate, { status: 502, body: '<html>502 Bad Gateway</html>', afterwards: true });
    const log = new RecordingLogger();
    const r = await provision(cfg(), { vast, github, log, lookupMs: 5 });
    expect(creates()).toBe(1);
    expect(vastEmu.instances.size).toBe(1);
    expect(r.instanceId).toBe([...vastEmu.instances.keys()][0]);
    expect(log.matching(/adopting instance/)).toHaveLength(1);
  });

  test('a cut connection with nothing created: the try fails after the label look-up and the next offer is tried; never two creates on one offer', async () => {
    vastEmu.addOffer({ id: 1, dph_total: 0.4 });
    vastEmu.addOffer({ id: 2, dph_total: 0.5 });
    vastEmu.inject(isCreate, 'drop');
    const r = await provision(cfg(), { vast, github, log: new RecordingLogger(), lookupMs: 5 });
    expect(r.offer.id).toBe(2);
    expect(vastEmu.log.filter((l) => l.method === 'PUT').map((l) => l.path)).toEqual(['/api/v0/asks/2/']);
    expect(vastEmu.live()).toHaveLength(1);
    expect(ghEmu.liveRunners()).toHaveLength(1);
  });

  test('a dropped answer after the instance was made is adopted too', async () => {
    vastEmu.addOffer({ id: 1, dph_total: 0.4 });
    vastEmu.inject(isCreate, 'drop-afterwards');
    const r = await provision(cfg(), { vast, github, log: new RecordingLogger(), lookupMs: 5 });
    expect(creates()).toBe(1);
    expect(vastEmu.live().map((i) => i.id)).toEqual([r.instanceId]);
  });
});

describe('limits checked before renting', () => {
  test('offer-id must satisfy max-price, gpu-name and min-cuda, and exist', async () => {
    vastEmu.addOffer({ id: 7, dph_total: 2.5, gpu_name: 'RTX 4090', cuda_max_good: 12.4 });
    const e = await provision(cfg({ offerId: 7 }), { vast, github, log: new RecordingLogger() }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as Error).message).toMatch(/max-price: offer 7 costs \$2\.500\/h[\s\S]*gpu-name: offer 7 is a RTX 4090[\s\S]*min-cuda: offer 7 supports CUDA 12\.4, below 12\.8/);
    await expect(provision(cfg({ offerId: 99 }), { vast, github, log: new RecordingLogger() })).rejects.toThrow(/offer-id: offer 99 is not rentable now/);
    expect(creates()).toBe(0);
    expect(ghEmu.runners.size).toBe(0);
  });

  test('the spend cap: lanes x price x hours above it is bad input, nothing rented', async () => {
    vastEmu.addOffer({ id: 1, dph_total: 0.4 });
    await expect(provision(cfg({ spendCap: { usd: 25, lanes: 8, hours: 5 } }), { vast, github, log: new RecordingLogger() })).rejects.toThrow(
      /spend-cap: 8 lane\(s\) x \$1\.000\/h x 5\.00 h = \$40\.00, above the cap of \$25\.00/,
    );
    // Without max-price, the dearest offer that would be tried counts.
    await expect(provision(cfg({ filters: { ...cfg().filters, maxPrice: undefined }, spendCap: { usd: 1, lanes: 1, hours: 4 } }), { vast, github, log: new RecordingLogger() })).rejects.toThrow(/\$0\.400\/h x 4\.00 h = \$1\.60/);
    expect(creates()).toBe(0);
    await provision(cfg({ spendCap: { usd: 25, lanes: 4, hours: 5 } }), { vast, github, log: new RecordingLogger() });
    expect(creates()).toBe(1);
  });

  test('the JIT config is masked whole, in every chunk and in the credential files it decodes to', async () => {
    vastEmu.addOffer({ id: 1 });
    const masked: string[] = [];
    const r = await provision(cfg(), { vast, github, log: new RecordingLogger(), mask: (s) => masked.push(s) });
    const jit = ghEmu.runners.get(r.runner.id)!.jitConfig;
    const env = [...vastEmu.instances.values()][0]!.body.env as Record<string, string>;
    expect(masked).toContain(jit);
    for (const [k, v] of Object.entries(env)) if (/^MARKETSIM_JIT_\d+$/.test(k)) expect(masked).toContain(v);
    const files = JSON.parse(Buffer.from(jit, 'base64').toString()) as Record<string, string>;
    for (const v of Object.values(files)) expect(masked).toContain(v);
  });
});

test('a retry never goes back to the machines that failed: excluded in the search, in the choice, and for an explicit offer-id', async () => {
  vastEmu.addOffer({ id: 1, dph_total: 0.3, machine_id: 11 });
  vastEmu.addOffer({ id: 2, dph_total: 0.5, machine_id: 22 });
  const r = await provision(cfg({ filters: { ...cfg().filters, excludeMachines: [11] } }), { vast, github, log: new RecordingLogger() });
  expect(r.offer.id).toBe(2);
  expect(r.tries.map((t) => t.machineId)).toEqual([22]);
  await expect(provision(cfg({ offerId: 1, filters: { ...cfg().filters, excludeMachines: [11] } }), { vast, github, log: new RecordingLogger() })).rejects.toThrow(/exclude-machines: offer 1 is on machine 11, which failed before/);
});

test('a host lost mid-job (emulated): teardown by label destroys it, and the retry rents another machine, excluding every one the first attempt tried', async () => {
  vastEmu.addOffer({ id: 1, dph_total: 0.3, machine_id: 10 });
  vastEmu.addOffer({ id: 2, dph_total: 0.4, machine_id: 20 });
  const first = await provision(cfg({ lane: '3' }), { vast, github, log: new RecordingLogger() });
  expect(first.offer.machine_id).toBe(10);
  // The host drops off mid-job: Vast reports it offline, the runner goes with it.
  vastEmu.offers.find((o) => o.id === 1)!.scenario = 'offline';
  ghEmu.runners.get(first.runner.id)!.status = 'offline';
  expect((await vast.getInstance(first.instanceId))?.actual_status).toBe('offline');
  const down = await teardown({ instanceId: first.instanceId, label: 'marketsim-9001-1-3-*' }, { vast, github, log: new RecordingLogger() });
  expect(down.destroyed).toEqual([first.instanceId]);
  expect(down.runnersDeleted).toEqual([first.label]);
  // The retry: lane 93, the first attempt's machines excluded.
  const machines = first.tries.map((t) => t.machineId!);
  const retry = await provision(cfg({ lane: '93', filters: { ...cfg().filters, excludeMachines: machines } }), { vast, github, log: new RecordingLogger() });
  expect(retry.offer.machine_id).toBe(20);
  expect(retry.label).toBe('marketsim-9001-1-93-1');
  expect(vastEmu.live().map((i) => i.id)).toEqual([retry.instanceId]);
});

describe('teardown that cannot miss', () => {
  const make = async (offer: number, label: string): Promise<number> => {
    vastEmu.addOffer({ id: offer });
    return (await vast.createInstance(offer, { image: 'x', label })).id;
  };

  test('by id AND by the run\'s label: a try-1 instance whose destroy failed is found when try 2 wrote instance-id; runners of each go too', async () => {
    const try1 = await make(1, 'marketsim-42-1-3-1');
    const try2 = await make(2, 'marketsim-42-1-3-2');
    const otherLane = await make(3, 'marketsim-42-1-4-1');
    const otherRun = await make(4, 'marketsim-421-1-3-1');
    for (const name of ['marketsim-42-1-3-1', 'marketsim-42-1-3-2', 'marketsim-42-1-4-1']) await github.generateJitConfig({ name, runnerGroupId: 1, labels: [name] });
    const r = await teardown({ instanceId: try2, label: 'marketsim-42-1-3-*' }, { vast, github, log: new RecordingLogger() });
    expect(r.destroyed.sort()).toEqual([try1, try2].sort());
    expect(vastEmu.live().map((i) => i.id).sort()).toEqual([otherLane, otherRun].sort());
    expect(r.runnersDeleted.sort()).toEqual(['marketsim-42-1-3-1', 'marketsim-42-1-3-2']);
  });

  test('teardown by instance id alone also removes that instance\'s runner (its label)', async () => {
    const id = await make(1, 'marketsim-5-1-1');
    await github.generateJitConfig({ name: 'marketsim-5-1-1', runnerGroupId: 1, labels: ['marketsim-5-1-1'] });
    const r = await teardown({ instanceId: id }, { vast, github, log: new RecordingLogger() });
    expect(r.runnersDeleted).toEqual(['marketsim-5-1-1']);
    expect(ghEmu.liveRunners()).toEqual([]);
  });

  test('one failed destroy does not spare the others, and the step fails saying so', async () => {
    const a = await make(1, 'marketsim-6-1-1');
    const b = await make(2, 'marketsim-6-1-2');
    vastEmu.inject((m, p) => m === 'DELETE' && p === `/api/v0/instances/${a}/`, { status: 500, body: 'boom' }, 10);
    await expect(teardown({ label: 'marketsim-6-1-*' }, { vast, github, log: new RecordingLogger() })).rejects.toThrow(new RegExp(`Teardown incomplete: destroy ${a}`));
    expect(vastEmu.live().map((i) => i.id)).toEqual([a]);
    expect(vastEmu.instances.get(b)!.destroyed).toBe(true);
  });

  test('label patterns are anchored: only <prefix>-<run>-<attempt>[-<lane>]-(<try>|*)', () => {
    for (const bad of ['*', 'm*', 'marketsim*', 'marketsim-*', 'marketsim-1-*', 'other-1-1-*', '-1-1-*', 'marketsim-1-1-evil', 'marketsim-1-1-1-1-1']) expect(labelProblem(bad, 'marketsim')).toBeDefined();
    for (const ok of ['marketsim-1-1-*', 'marketsim-1-1-2-*', 'marketsim-1-1-3', 'marketsim-1-1-2-3']) expect(labelProblem(ok, 'marketsim')).toBeUndefined();
    expect(labelProblem('marketsim-1-1-*', '')).toMatch(/not a valid prefix/);
    const m = labelMatcher('marketsim-1-1-*');
    expect(['marketsim-1-1-1', 'marketsim-1-1-2-1'].every(m)).toBe(true);
    expect(['marketsim-11-1-1', 'marketsim-1-1-x', 'marketsim-1-1-', 'marketsim-1-1-1-evil', 'xmarketsim-1-1-1'].some(m)).toBe(false);
    const r = readTeardownInputs({ INPUT_LABEL: 'm*', 'INPUT_RUNNER-NAME': '*', 'INPUT_MAX-AGE': '1m', VAST_API_KEY: 'k' }, () => undefined).r;
    expect(() => r.finish()).toThrow(/label: 'm\*' is not[\s\S]*runner-name: '\*' is not[\s\S]*max-age: expected a duration from 10m/);
  });

  test('the reaper deletes the runner registrations of the instances it destroys, busy or not, in the same pass', async () => {
    const old = await make(1, 'marketsim-77-1-1');
    vastEmu.instances.get(old)!.createdAt -= 10 * 3600_000;
    const { runner } = await github.generateJitConfig({ name: 'marketsim-77-1-1', runnerGroupId: 1, labels: ['marketsim-77-1-1'] });
    ghEmu.runners.get(runner.id)!.status = 'online';
    const r = await reap({ labelPrefix: 'marketsim', maxAgeSeconds: 6 * 3600, dryRun: false }, { vast, github, log: new RecordingLogger() });
    expect(r.destroyed.map((d) => d.id)).toEqual([old]);
    expect(r.runnersDeleted).toEqual(['marketsim-77-1-1']);
    expect(ghEmu.liveRunners()).toEqual([]);
  });
});

test('Vast rate limits: a 429 on an instance GET is retried no sooner than its 2 s interval', async () => {
  vastEmu.addOffer({ id: 1 });
  const id = (await vast.createInstance(1, { image: 'x', label: 'marketsim-1-1-1' })).id;
  vastEmu.minIntervalMs.set('GET /api/v0/instances/:id/', 1500);
  await vast.getInstance(id);
  const t0 = Date.now();
  await vast.getInstance(id);
  const gets = vastEmu.log.filter((l) => l.method === 'GET' && l.path === `/api/v0/instances/${id}/`);
  expect(gets.map((g) => g.status)).toEqual([200, 429, 200]);
  expect(Date.now() - t0).toBeGreaterThanOrEqual(2000);
});

describe('provision inputs', () => {
  const base = { VAST_API_KEY: 'k', MARKETSIM_GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'acme/sim', INPUT_IMAGE: 'img@sha256:' + 'a'.repeat(64) };
  const problems = (env: Record<string, string>): string => {
    const { r } = readProvisionInputs({ ...base, ...env }, () => undefined);
    try {
      r.finish();
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  };

  test('reserved env names, and sane bounds on every timer', () => {
    const msg = problems({ INPUT_ENV: 'MARKETSIM_JIT_COUNT=0\nVAST_URL=http://evil\nCONTAINER_API_KEY=x\nACTIONS_RUNNER_INPUT_JITCONFIG=y\nOK_NAME=1', 'INPUT_WAIT-TIMEOUT': '5s', 'INPUT_RUNNER-TIMEOUT': '1s', 'INPUT_MAX-LIFETIME': '1m', 'INPUT_JOB-GRACE': '10s' });
    for (const n of ['MARKETSIM_JIT_COUNT', 'VAST_URL', 'CONTAINER_API_KEY', 'ACTIONS_RUNNER_INPUT_JITCONFIG']) expect(msg).toContain(`env: ${n} is reserved`);
    expect(msg).not.toContain('OK_NAME');
    for (const n of ['wait-timeout', 'runner-timeout', 'max-lifetime', 'job-grace']) expect(msg).toMatch(new RegExp(`${n}: expected a duration from`));
  });

  test('the host never gets the push credential: REGISTRY_USERNAME/PASSWORD are not read, the pull pair is', () => {
    const push = readProvisionInputs({ ...base, REGISTRY_USERNAME: 'pusher', REGISTRY_PASSWORD: 'push-secret' }, () => undefined);
    expect(push.cfg.imageLogin).toBeUndefined();
    const pull = readProvisionInputs({ ...base, REGISTRY_PULL_USERNAME: 'reader', REGISTRY_PULL_PASSWORD: 'read-secret', INPUT_IMAGE: 'ghcr.io/acme/sim@sha256:' + 'a'.repeat(64) }, () => undefined);
    expect(pull.cfg.imageLogin).toBe('-u reader -p read-secret ghcr.io');
  });

  test('storage-credentials: required without minting or pairs is bad input; the general R2 key pair is never delivered; max-runtime sets lifetime and TTL', () => {
    expect(problems({ 'INPUT_STORAGE-CREDENTIALS': 'required', R2_ACCESS_KEY_ID: 'general', R2_SECRET_ACCESS_KEY: 'can-write-everything' })).toMatch(/storage-credentials: the rented host needs storage credentials/);
    expect(problems({ R2_READ_ACCESS_KEY_ID: 'r', R2_READ_SECRET_ACCESS_KEY: 'rs', R2_LOGS_ACCESS_KEY_ID: 'l', R2_LOGS_SECRET_ACCESS_KEY: 'ls', R2_ENDPOINT: 'https://x.example', EXPERIMENT_ID: 'e1' })).toMatch(/r2-logs-bucket: without minting, the logs need a bucket of their own/);
    const ok = readProvisionInputs({ ...base, CLOUDFLARE_API_TOKEN: 'cf', R2_ACCOUNT_ID: 'a'.repeat(32), R2_ACCESS_KEY_ID: 'parent', R2_SECRET_ACCESS_KEY: 'parent-secret', EXPERIMENT_ID: 'e1', 'INPUT_MAX-RUNTIME': '240m' }, () => undefined);
    ok.r.finish();
    expect(ok.hostStorage).toMatchObject({ endpoint: `https://${'a'.repeat(32)}.r2.cloudflarestorage.com`, logsPrefix: 'stock/marketsimulator/logs/e1/', ttlSeconds: (240 + 15 + 30 + 15) * 60 });
    expect(JSON.stringify(ok.hostStorage)).not.toContain('parent-secret');
    expect(ok.cfg.env.MARKETSIM_MAX_LIFETIME).toBe(String((240 + 15 + 30) * 60));
    expect(ok.labelPattern).toBe('marketsim-' + ok.cfg.runId + '-1-*');
  });
});
