import { GitHubRunners } from '../../src/github/runners.js';
import { VastClient } from '../../src/vast/client.js';
import { joinJitConfig } from '../../src/vast/jit-env.js';
import { provision, ProvisionError, type ProvisionConfig } from '../../src/vast/provision.js';
import { GitHubEmulator } from '../emulators/github-emulator.js';
import { provisionConfig } from './provision-config.js';
import { VastEmulator } from '../emulators/vast-emulator.js';
import { RecordingLogger } from './helpers.js';

const FAST = { retries: 4, minDelayMs: 5, maxDelayMs: 20 };
let vastEmu: VastEmulator;
let ghEmu: GitHubEmulator;
let vast: VastClient;
let github: GitHubRunners;

const cfg = (over: Partial<ProvisionConfig> = {}): ProvisionConfig => provisionConfig({ env: { EXPERIMENT_ID: 'exp-1' }, ...over });

beforeEach(async () => {
  vastEmu = new VastEmulator();
  ghEmu = new GitHubEmulator();
  await Promise.all([vastEmu.start(), ghEmu.start()]);
  vastEmu.stepMs = 15;
  // Stand-in for the bootstrap: join the JIT chunks from the instance env and start the runner.
  vastEmu.onRunning = (inst) => void ghEmu.connect(joinJitConfig(inst.body.env as Record<string, string>));
  vast = new VastClient({ baseUrl: vastEmu.url, apiKey: vastEmu.apiKey, retry: FAST });
  github = new GitHubRunners({ apiUrl: ghEmu.url, token: ghEmu.token, scope: { kind: 'repo', owner: 'acme', repo: 'marketsim' }, retry: FAST, sleep: async () => undefined });
});

afterEach(async () => {
  await Promise.all([vastEmu.stop(), ghEmu.stop()]);
});

function leftovers(): { instances: number; runners: number } {
  return { instances: vastEmu.live().length, runners: ghEmu.liveRunners().length };
}

test('rents the cheapest matching offer, delivers the JIT config in <=256-character chunks, waits for running and online', async () => {
  vastEmu.addOffer({ id: 1, dph_total: 0.6 });
  vastEmu.addOffer({ id: 2, dph_total: 0.4, geolocation: 'Texas, US' });
  const seen: number[] = [];
  const r = await provision(cfg(), { vast, github, log: new RecordingLogger(), onInstance: (id) => seen.push(id) });
  expect(r.offer.id).toBe(2);
  expect(r.label).toBe('marketsim-9001-1-1');
  expect(r.runner.status).toBe('online');
  expect(r.runner.labels.map((l) => l.name)).toEqual(['marketsim-9001-1-1']);
  expect(seen).toEqual([r.instanceId]);
  expect(r.sshUrl).toMatch(/^ssh:\/\/root@203\.0\.113\.7:\d+$/);
  const body = vastEmu.instances.get(r.instanceId)!.body;
  expect(body).toMatchObject({ image: cfg().image, disk: 200, label: 'marketsim-9001-1-1', runtype: 'ssh_direc ssh_proxy', onstart: cfg().onstart });
  const env = body.env as Record<string, string>;
  expect(Object.entries(env).every(([k, v]) => `${k}=${v}`.length <= 256)).toBe(true);
  expect(joinJitConfig(env)).toBe(ghEmu.runners.get(r.runner.id)!.jitConfig);
  expect(leftovers()).toEqual({ instances: 1, runners: 1 });
});

test('an offer taken between search and create moves on at once; nothing is left of that try', async () => {
  vastEmu.addOffer({ id: 1, dph_total: 0.3, vanished: true });
  vastEmu.addOffer({ id: 2, dph_total: 0.4 });
  const r = await provision(cfg(), { vast, github, log: new RecordingLogger() });
  expect(r.tries.map((t) => t.result)).toEqual(['offer gone', 'ok']);
  expect(r.label).toBe('marketsim-9001-1-2');
  expect(leftovers()).toEqual({ instances: 1, runners: 1 });
});

test('an image that cannot be pulled, a host gone offline and an instance stuck loading each end their try; the next offer wins', async () => {
  vastEmu.addOffer({ id: 1, dph_total: 0.1, scenario: 'pull-fail' });
  vastEmu.addOffer({ id: 2, dph_total: 0.2, scenario: 'stuck-loading' });
  vastEmu.addOffer({ id: 3, dph_total: 0.3, scenario: 'offline' });
  vastEmu.addOffer({ id: 4, dph_total: 0.35, scenario: 'exited' });
  vastEmu.addOffer({ id: 5, dph_total: 0.4 });
  const log = new RecordingLogger();
  const r = await provision(cfg({ maxAttempts: 5 }), { vast, github, log });
  expect(r.offer.id).toBe(5);
  expect(r.tries.map((t) => t.reason ?? 'ok')).toEqual([
    expect.stringMatching(/image did not start: Error response from daemon: manifest for .* not found/),
    expect.stringMatching(/not running after \d+ s \(last state: loading\)/),
    expect.stringMatching(/instance is offline/),
    expect.stringMatching(/instance is exited: container exited/),
    'ok',
  ]);
  expect(log.matching(/instance \d+: created: Error response from daemon/)).toHaveLength(1);
  expect(leftovers()).toEqual({ instances: 1, runners: 1 });
});

test('a runner that never comes online fails every try; nothing rented survives', async () => {
  vastEmu.onRunning = undefined;
  vastEmu.addOffer({ id: 1, dph_total: 0.1 });
  vastEmu.addOffer({ id: 2, dph_total: 0.2 });
  const err = await provision(cfg({ maxAttempts: 2 }), { vast, github, log: new RecordingLogger() }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ProvisionError);
  expect((err as Error).message).toMatch(/All 2 tries failed: offer 1: runner not online after \d+ s; offer 2: runner not online/);
  expect(leftovers()).toEqual({ instances: 0, runners: 0 });
});

test('low credit: nothing is created', async () => {
  vastEmu.credit = 0.5;
  vastEmu.addOffer({ id: 1 });
  await expect(provision(cfg({ minBalance: 2 }), { vast, github, log: new RecordingLogger() })).rejects.toThrow(/credit is \$0\.50, below min-balance \$2\.00; nothing was rented/);
  expect(vastEmu.log.filter((l) => l.method === 'PUT')).toHaveLength(0);
  expect(leftovers()).toEqual({ instances: 0, runners: 0 });
});

test('cancelled while it holds an instance: the instance and the registration are destroyed', async () => {
  vastEmu.addOffer({ id: 1, scenario: 'stuck-loading' });
  const ctl = new AbortController();
  const err = provision(cfg({ waitTimeoutMs: 10_000 }), { vast, github, log: new RecordingLogger(), signal: ctl.signal, onInstance: () => setTimeout(() => ctl.abort(), 40) }).catch((e: unknown) => e);
  expect(((await err) as Error).message).toMatch(/Cancelled during try 1; destroyed what it had created/);
  expect(leftovers()).toEqual({ instances: 0, runners: 0 });
});

test('429 storms and 5xx while polling are ridden out; polls stay spaced', async () => {
  vastEmu.addOffer({ id: 1 });
  vastEmu.inject((m, p) => m === 'GET' && /instances\/\d+\/$/.test(p), { status: 429, body: 'API requests too frequent endpoint threshold=2.0' }, 3);
  vastEmu.inject((m, p) => m === 'GET' && /instances\/\d+\/$/.test(p), { status: 503, body: 'busy' }, 1);
  const r = await provision(cfg(), { vast, github, log: new RecordingLogger() });
  expect(r.runner.status).toBe('online');
  const polls = vastEmu.log.filter((l) => l.method === 'GET' && /instances\/\d+\/$/.test(l.path));
  expect(polls.length).toBeLessThan(20);
});
