import { testWith } from '../support-tools.js';
import { NODE24 } from './node24.js';
import fs from 'node:fs';
import { VastEmulator } from '../emulators/vast-emulator.js';
import { GitHubEmulator } from '../emulators/github-emulator.js';
import { joinJitConfig } from '../../src/vast/jit-env.js';
import { unchunkHostEnv } from '../../src/vast/host-env.js';
import { CloudflareEmulator } from '../emulators/cloudflare-emulator.js';
import type { KnownCredential } from '../emulators/sigv4-verify.js';
import { killTree, runBundle, secretLeaks, whenTrue } from './run-bundle.js';

let vastEmu: VastEmulator;
let ghEmu: GitHubEmulator;

beforeEach(async () => {
  vastEmu = new VastEmulator();
  ghEmu = new GitHubEmulator();
  await Promise.all([vastEmu.start(), ghEmu.start()]);
  vastEmu.stepMs = 30;
});

afterEach(async () => {
  await Promise.all([vastEmu.stop(), ghEmu.stop()]);
});

/** An instance made straight through the API, as another run (or a person) would have. */
async function make(offer: number, label: string): Promise<number> {
  const res = await fetch(`${vastEmu.url}/api/v0/asks/${offer}/`, { method: 'PUT', headers: { authorization: `Bearer ${vastEmu.apiKey}` }, body: JSON.stringify({ image: 'x', label }) });
  return ((await res.json()) as { new_contract: number }).new_contract;
}

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    VAST_API_KEY: vastEmu.apiKey,
    VAST_URL: vastEmu.url,
    MARKETSIM_GITHUB_TOKEN: ghEmu.token,
    GITHUB_API_URL: ghEmu.url,
    GITHUB_REPOSITORY: 'acme/marketsim',
    GITHUB_RUN_ID: '4321',
    GITHUB_RUN_ATTEMPT: '2',
    MARKETSIM_POLL_MS: '20',
    ...extra,
  };
}

test('vast-provision bundle: outputs for the GPU job, summary, no secret anywhere; teardown destroys and reports the cost', async () => {
  vastEmu.addOffer({ id: 27097509, dph_total: 0.61, geolocation: 'Quebec, CA' });
  vastEmu.onRunning = (inst) => void ghEmu.connect(joinJitConfig(inst.body.env as Record<string, string>));
  const run = await runBundle('vast-provision', { action: 'actions/vast-provision/action.yml', env: env(), inputs: { image: 'ghcr.io/acme/sim@sha256:abc', 'image-username': 'bot', 'image-password': 'reg-pass-123' } });
  expect(run.errors).toEqual([]);
  expect(run.outputs).toMatchObject({ 'offer-id': '27097509', 'runner-label': 'marketsim-4321-2-1', label: 'marketsim-4321-2-1', 'gpu-name': 'RTX 5090', dph: '0.61' });
  expect(run.outputs['ssh-url']).toMatch(/^ssh:\/\/root@203\.0\.113\.7:\d+$/);
  expect(run.summary).toMatch(/Rented <strong>RTX 5090<\/strong>|Rented \*\*RTX 5090\*\*/);
  const inst = [...vastEmu.instances.values()][0]!;
  expect(inst.body.image_login).toBe('-u bot -p reg-pass-123 ghcr.io');
  const jit = ghEmu.runners.get(Number(run.outputs['runner-id']))!.jitConfig;
  for (const secret of [vastEmu.apiKey, ghEmu.token, 'reg-pass-123', jit]) expect(secretLeaks(run, secret)).toEqual([]);

  vastEmu.instances.get(inst.id)!.createdAt -= 3600_000;
  const down = await runBundle('vast-teardown', {
    action: 'actions/vast-teardown/action.yml',
    env: env(),
    inputs: { 'instance-id': run.outputs['instance-id']!, 'runner-id': run.outputs['runner-id']! },
  });
  expect(down.errors).toEqual([]);
  expect(down.outputs.destroyed).toBe('1');
  expect(Number(down.outputs['cost-usd'])).toBeCloseTo(0.61, 1);
  expect(vastEmu.live()).toEqual([]);
  expect(ghEmu.liveRunners()).toEqual([]);
  expect(secretLeaks(down, vastEmu.apiKey)).toEqual([]);
});

test('vast-provision bundle with minted storage: the instance gets only scoped, expiring credentials; no other secret in its create request or any output', async () => {
  const minted = new Map<string, KnownCredential>();
  const cf = new CloudflareEmulator('cf-token-5e6f7a8b9c', 'ab'.repeat(16), new Map([['parent-key-id-1', 'parent-secret-d4e5f6']]), new Set(['models']), minted);
  await cf.start();
  try {
    vastEmu.addOffer({ id: 5, dph_total: 0.5 });
    vastEmu.onRunning = (inst) => void ghEmu.connect(joinJitConfig(inst.body.env as Record<string, string>));
    const secrets = { CLOUDFLARE_API_TOKEN: 'cf-token-5e6f7a8b9c', R2_SECRET_ACCESS_KEY: 'parent-secret-d4e5f6', REGISTRY_PASSWORD: 'push-pass-778899', REGISTRY_USERNAME: 'pusher' };
    const run = await runBundle('vast-provision', {
      action: 'actions/vast-provision/action.yml',
      env: env({ ...secrets, CLOUDFLARE_API_URL: cf.apiUrl, R2_ACCOUNT_ID: 'ab'.repeat(16), R2_ACCESS_KEY_ID: 'parent-key-id-1', EXPERIMENT_ID: 'exp-9', REGISTRY_PULL_USERNAME: 'reader', REGISTRY_PULL_PASSWORD: 'pull-pass-112233' }),
      inputs: { image: 'ghcr.io/acme/sim@sha256:' + 'c'.repeat(64), 'storage-credentials': 'required', 'max-runtime': '60m' },
    });
    expect(run.errors).toEqual([]);
    const inst = [...vastEmu.instances.values()][0]!;
    const body = JSON.stringify(inst.body);
    // The host's Docker daemon gets the pull credential; nothing else of ours reaches the create request.
    expect(inst.body.image_login).toBe('-u reader -p pull-pass-112233 ghcr.io');
    for (const s of [vastEmu.apiKey, ghEmu.token, ...Object.values(secrets), 'parent-key-id-1']) expect({ s, inCreate: body.includes(s) }).toEqual({ s, inCreate: false });
    const delivered = unchunkHostEnv(inst.body.env as Record<string, string>);
    expect(Object.keys(delivered).sort()).toEqual(
      ['R2_BUCKET', 'R2_CREDENTIALS_EXPIRE_AT', 'R2_ENDPOINT', 'R2_LOGS_ACCESS_KEY_ID', 'R2_LOGS_BUCKET', 'R2_LOGS_SECRET_ACCESS_KEY', 'R2_LOGS_SESSION_TOKEN', 'R2_PREFIX', 'R2_READ_ACCESS_KEY_ID', 'R2_READ_SECRET_ACCESS_KEY', 'R2_READ_SESSION_TOKEN'].sort(),
    );
    expect(minted.get(delivered.R2_READ_ACCESS_KEY_ID!)!.scope).toEqual({ bucket: 'models', permission: 'object-read-only', prefixes: ['stock/trainingdata/', 'stock/trainingdatadaily/', 'stock/trainingdatahourly/', 'stock/compiled_models/', 'stock/hyperparams/'] });
    expect(minted.get(delivered.R2_LOGS_ACCESS_KEY_ID!)!.scope).toEqual({ bucket: 'models', permission: 'object-read-write', prefixes: ['stock/marketsimulator/logs/exp-9/'] });
    expect(cf.minted[0]!.ttlSeconds).toBe((60 + 15 + 30 + 15) * 60);
    // Every delivered secret, and every env chunk carrying them, is masked: never printed, never in outputs, state or summary.
    const chunks = Object.entries(inst.body.env as Record<string, string>).filter(([k]) => /^MARKETSIM_(ENV|JIT)_\d+$/.test(k)).map(([, v]) => v);
    for (const s of [...Object.values(secrets), 'pull-pass-112233', delivered.R2_READ_SECRET_ACCESS_KEY!, delivered.R2_READ_SESSION_TOKEN!, delivered.R2_LOGS_SECRET_ACCESS_KEY!, delivered.R2_LOGS_SESSION_TOKEN!, ...chunks]) {
      expect(secretLeaks(run, s)).toEqual([]);
      if (s.length > 20) expect(run.stdout).toContain(`::add-mask::${s}`);
    }
  } finally {
    await cf.stop();
  }
});

test('vast-provision bundle: a bad Cloudflare token fails before anything is rented', async () => {
  const cf = new CloudflareEmulator('right-token', 'ab'.repeat(16), new Map([['p', 's']]), new Set(['models']), new Map());
  await cf.start();
  try {
    vastEmu.addOffer({ id: 5 });
    const run = await runBundle('vast-provision', {
      action: 'actions/vast-provision/action.yml',
      env: env({ CLOUDFLARE_API_TOKEN: 'wrong-token-123456', CLOUDFLARE_API_URL: cf.apiUrl, R2_ACCOUNT_ID: 'ab'.repeat(16), R2_ACCESS_KEY_ID: 'p', EXPERIMENT_ID: 'e' }),
      inputs: { image: 'img' },
    });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/Cloudflare API token was refused/);
    expect(vastEmu.instances.size).toBe(0);
    expect(ghEmu.runners.size).toBe(0);
    expect(secretLeaks(run, 'wrong-token-123456')).toEqual([]);
  } finally {
    await cf.stop();
  }
});

test('vast-provision post: with only the label pattern in state (killed before instance-id was written), it destroys every try of the run by label', async () => {
  for (const id of [1, 2, 3]) vastEmu.addOffer({ id });
  await make(1, 'marketsim-4321-2-1');
  await make(2, 'marketsim-4321-2-2');
  const keep = await make(3, 'marketsim-4321-3-1');
  const post = await runBundle('vast-provision-post', { action: 'actions/vast-provision/action.yml', env: env(), state: { 'label-pattern': 'marketsim-4321-2-*' } });
  expect(post.errors).toEqual([]);
  expect(vastEmu.live().map((i) => i.id)).toEqual([keep]);
});

test('vast-provision bundle: SIGTERM while it holds an instance destroys it before exiting', async () => {
  vastEmu.addOffer({ id: 1, scenario: 'stuck-loading' });
  const run = await runBundle('vast-provision', {
    action: 'actions/vast-provision/action.yml',
    env: env(),
    inputs: { image: 'img' },
    onStart: (child) => whenTrue(() => vastEmu.live().length === 1, 10, () => setTimeout(() => child.kill('SIGTERM'), 100)),
  });
  expect(run.code).toBe(1);
  expect(run.errors[0]).toMatch(/Cancelled during try 1; destroyed what it had created/);
  expect(run.outputs['instance-id']).toMatch(/^\d+$/);
  expect(vastEmu.live()).toEqual([]);
  expect(ghEmu.liveRunners()).toEqual([]);
});

test('vast-provision killed outright: its post step destroys the instance from state', async () => {
  vastEmu.addOffer({ id: 1, scenario: 'stuck-loading' });
  const run = await runBundle('vast-provision', {
    action: 'actions/vast-provision/action.yml',
    env: env(),
    inputs: { image: 'img' },
    onStart: (child) => whenTrue(() => vastEmu.live().length === 1, 10, () => setTimeout(() => killTree(child, 'SIGKILL'), 50)),
  });
  expect(run.signal).toBe('SIGKILL');
  expect(vastEmu.live()).toHaveLength(1);
  const post = await runBundle('vast-provision-post', { action: 'actions/vast-provision/action.yml', env: env(), state: run.state });
  expect(post.errors).toEqual([]);
  expect(vastEmu.live()).toEqual([]);
  expect(ghEmu.liveRunners()).toEqual([]);
});

test('vast-teardown with empty outputs finds the instance by label; reap leaves other owners alone', async () => {
  for (const id of [1, 2, 3]) vastEmu.addOffer({ id });
  await make(1, 'marketsim-4321-2-2');
  const stale = await make(2, 'marketsim-1000-1-1');
  vastEmu.instances.get(stale)!.createdAt -= 10 * 3600_000;
  const foreign = await make(3, 'research-notebook');
  vastEmu.instances.get(foreign)!.createdAt -= 10 * 3600_000;

  const byLabel = await runBundle('vast-teardown', { action: 'actions/vast-teardown/action.yml', env: env(), inputs: { 'instance-id': '', label: 'marketsim-4321-2-*' } });
  expect(byLabel.errors).toEqual([]);
  expect(byLabel.outputs.destroyed).toBe('1');

  const dry = await runBundle('vast-teardown', { action: 'actions/vast-teardown/action.yml', env: env(), inputs: { mode: 'reap', 'dry-run': 'true' } });
  expect(dry.outputs.destroyed).toBe('1');
  expect(vastEmu.live()).toHaveLength(2);
  const reap = await runBundle('vast-teardown', { action: 'actions/vast-teardown/action.yml', env: env(), inputs: { mode: 'reap' } });
  expect(reap.errors).toEqual([]);
  expect(vastEmu.live().map((i) => i.label)).toEqual(['research-notebook']);
  expect(reap.summary).toContain('older than 360 min');
  expect(fs.existsSync('dist/vast-teardown/index.js')).toBe(true);
});

test('CLI: offers table, provision --json, teardown, reap --dry-run: the same engine as the actions', async () => {
  const { spawn } = await import('node:child_process');
  const path = await import('node:path');
  vastEmu.addOffer({ id: 11, dph_total: 0.52, geolocation: 'Texas, US' });
  vastEmu.addOffer({ id: 12, dph_total: 0.48, geolocation: 'Quebec, CA' });
  vastEmu.onRunning = (inst) => void ghEmu.connect(joinJitConfig(inst.body.env as Record<string, string>));
  const cli = (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(NODE24, [path.resolve('dist/cli/index.js'), ...args], { env: { PATH: process.env.PATH, ...env() } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  const offers = await cli(['offers', '--max-price', '1']);
  expect(offers.code).toBe(0);
  expect(offers.stdout).toMatch(/offer\s+GPU\s+USD\/hour[\s\S]*\n12\s+1x RTX 5090\s+\$0\.480\s+0\.990\s+CA[\s\S]*\n11\s+/);
  const prov = await cli(['--json', 'provision', '--image', 'img', '--max-price', '1']);
  expect(prov.code).toBe(0);
  const out = (JSON.parse(prov.stdout) as { outputs: Record<string, number | string> }).outputs;
  expect(out['offer-id']).toBe(12);
  expect(`${prov.stdout}${prov.stderr}`).not.toContain(vastEmu.apiKey);
  const tooShort = await cli(['reap', '--dry-run', '--max-age', '0s']);
  expect(tooShort.code).toBe(2);
  expect(tooShort.stderr).toMatch(/max-age: expected a duration from 10m/);
  for (const i of vastEmu.instances.values()) i.createdAt -= 3600_000;
  const dry = await cli(['--json', 'reap', '--dry-run', '--max-age', '10m']);
  expect((JSON.parse(dry.stdout) as { outputs: Record<string, number> }).outputs.destroyed).toBe(1);
  expect(vastEmu.live()).toHaveLength(1);
  const down = await cli(['--json', 'teardown', '--instance-id', String(out['instance-id'])]);
  expect((JSON.parse(down.stdout) as { outputs: Record<string, number> }).outputs.destroyed).toBe(1);
  expect(vastEmu.live()).toEqual([]);
});

testWith('the registry-check bundle test', ['docker-registry', 'htpasswd'])('registry-check bundle (the last step of build-push-image): pullable with the instance credentials, password masked', async () => {
  const { startRegistry } = await import('../emulators/docker-registry.js');
  const reg = await startRegistry({ username: 'bot', password: 'reg-secret-77' });
  try {
    const digest = await reg.push('acme/sim', 'sim-1', { cuda: '12.8.1' });
    const run = await runBundle('registry-check', {
      // A step inside the composite: no inputs of its own, the composite passes MARKETSIM_CHECK_*.
      env: { MARKETSIM_CHECK_IMAGE: `${reg.host}/acme/sim@${digest}`, MARKETSIM_CHECK_USERNAME: 'bot', MARKETSIM_CHECK_PASSWORD: 'reg-secret-77', MARKETSIM_CHECK_MIN_CUDA: '12.8' },
    });
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ pullable: 'true', 'cuda-version': '12.8.1', digest });
    expect(run.summary).toContain('pullable as bot');
    expect(secretLeaks(run, 'reg-secret-77')).toEqual([]);
  } finally {
    await reg.stop();
  }
});
