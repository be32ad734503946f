import { NODE24 } from './node24.js';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CloudflareEmulator } from '../emulators/cloudflare-emulator.js';
import { GitHubEmulator } from '../emulators/github-emulator.js';
import { VastEmulator } from '../emulators/vast-emulator.js';
import { s3BehindProxy, TEST_SECRET } from '../integration/helpers.js';
import { haveTools } from '../support-tools.js';

const fx = s3BehindProxy();
const ACCOUNT = 'cd'.repeat(16);
let vastEmu: VastEmulator;
let ghEmu: GitHubEmulator;
let cf: CloudflareEmulator;

interface Check {
  group: string;
  name: string;
  status: string;
  detail: string;
  fix?: string;
}

beforeAll(async () => {
  for (const d of ['trainingdata', 'trainingdatadaily', 'trainingdatahourly', 'compiled_models', 'hyperparams']) await fx.s3.put('models', `stock/${d}/a.bin`, 'x');
  cf = new CloudflareEmulator('cf-doctor-token', ACCOUNT, new Map([['S3RVER', TEST_SECRET]]), new Set(['models']), fx.proxy.credentials!);
  await cf.start();
});
afterAll(async () => {
  await cf.stop();
});
beforeEach(async () => {
  vastEmu = new VastEmulator();
  ghEmu = new GitHubEmulator();
  await Promise.all([vastEmu.start(), ghEmu.start()]);
  vastEmu.addOffer({ id: 1, dph_total: 0.45 });
});
afterEach(async () => {
  await Promise.all([vastEmu.stop(), ghEmu.stop()]);
});

function doctor(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; checks: Check[]; stderr: string }> {
  const base = {
    PATH: process.env.PATH ?? '',
    VAST_API_KEY: vastEmu.apiKey,
    VAST_URL: vastEmu.url,
    R2_ENDPOINT: fx.proxy.endpoint,
    R2_ACCESS_KEY_ID: 'S3RVER',
    R2_SECRET_ACCESS_KEY: TEST_SECRET,
    CLOUDFLARE_API_TOKEN: 'cf-doctor-token',
    CLOUDFLARE_API_URL: cf.apiUrl,
    R2_ACCOUNT_ID: ACCOUNT,
    MARKETSIM_GITHUB_TOKEN: ghEmu.token,
    GITHUB_API_URL: ghEmu.url,
  };
  return new Promise((resolve) => {
    const child = spawn(NODE24, [path.resolve('dist/cli/index.js'), '--json', 'doctor', '--repo', 'acme/sim', '--max-price', '1', ...args], { env: { ...base, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, checks: (JSON.parse(out) as { outputs: { checks: Check[] } }).outputs.checks, stderr: err }));
  });
}

const status = (checks: Check[]): Record<string, string> => Object.fromEntries(checks.map((c) => [`${c.group}/${c.name}`, c.status]));

test('everything configured: every check passes, a marker is put and deleted under the logs prefix, a JIT runner is created and deleted', async () => {
  const r = await doctor(['--skip', 'image']);
  expect(r.checks.filter((c) => c.status === 'fail')).toEqual([]);
  expect(r.code).toBe(0);
  expect(status(r.checks)).toMatchObject({
    'vast/API key': 'ok',
    'vast/credit': 'ok',
    'vast/spend cap': 'ok',
    'vast/offers': 'ok',
    'r2/credentials and bucket': 'ok',
    'r2/data hyperparams/': 'ok',
    'r2/logs prefix writable': 'ok',
    'r2/scoped credentials': 'ok',
    'github/runner token': 'ok',
  });
  // The marker went in with the minted logs credential, inside its one prefix; every request passed the strict proxy.
  const writes = fx.proxy.log.filter((l) => l.method === 'PUT' || l.method === 'DELETE');
  expect(writes.map((l) => l.method)).toEqual(['PUT', 'DELETE']);
  expect(writes[0]!.path).toMatch(/^\/models\/stock\/marketsimulator\/logs\/marketsim-doctor\/\.marketsim-doctor-[0-9a-f]{12}$/);
  expect(writes[0]!.headers['x-amz-security-token']).toBeDefined();
  expect(fx.proxy.rejected).toEqual([]);
  expect(ghEmu.liveRunners()).toEqual([]);
  expect(cf.minted.length).toBeGreaterThanOrEqual(2);
});

test('each failure is reported with how to fix it, and exit 1: wrong R2 secret, empty data folder, no offer, low credit, bad runner token', async () => {
  // Without minting, the general key pair is what is checked.
  const wrongSecret = await doctor(['--skip', 'vast,image,github'], { R2_SECRET_ACCESS_KEY: 'wrong', CLOUDFLARE_API_TOKEN: '' });
  expect(wrongSecret.code).toBe(1);
  const r2 = wrongSecret.checks.find((c) => c.name === 'credentials and bucket')!;
  expect(r2).toMatchObject({ status: 'fail', detail: expect.stringMatching(/secret-access-key: the signature does not match/) });

  const extra = await doctor(['--skip', 'vast,image,github'], { EXTRA_PULL_DIRS: 'nothing_here' });
  expect(extra.checks.find((c) => c.name === 'data nothing_here/')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/marketsim push --dirs nothing_here/) });

  vastEmu.credit = 1;
  const poor = await doctor(['--skip', 'r2,image,github', '--lanes', '4', '--gpu-name', 'RTX 4090']);
  expect(poor.code).toBe(1);
  expect(status(poor.checks)).toMatchObject({ 'vast/credit': 'fail', 'vast/offers': 'fail' });
  expect(poor.checks.find((c) => c.name === 'offers')!.detail).toMatch(/No 1x RTX 4090 offer is rentable/);

  // The spend cap, above what the run may cost.
  vastEmu.credit = 1000;
  const capped = await doctor(['--skip', 'r2,image,github', '--lanes', '8', '--spend-cap', '10']);
  expect(capped.checks.find((c) => c.name === 'spend cap')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/above the cap of \$10\.00/), fix: expect.stringMatching(/spend-cap/) });
  // Lanes and cap are read as provision reads them: nonsense is named, not turned into NaN.
  const nonsense = await doctor(['--skip', 'r2,image,github', '--lanes', 'two', '--spend-cap', '-1']);
  expect(nonsense.checks.find((c) => c.name === 'inputs')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/lanes[\s\S]*spend-cap|spend-cap[\s\S]*lanes/) });

  // Minting refused (a Cloudflare token that may not manage R2).
  const mint = await doctor(['--skip', 'vast,image,github'], { CLOUDFLARE_API_TOKEN: 'not-the-token' });
  expect(mint.checks.find((c) => c.name === 'scoped credentials')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/Cloudflare API token was refused/) });

  // A logs prefix the key may not write (the proxy enforces the minted read-only scope there).
  fx.proxy.inject((x) => x.method === 'PUT', { kind: 'status', status: 403, body: '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' });
  const ro = await doctor(['--skip', 'vast,image,github']);
  expect(ro.checks.find((c) => c.name === 'logs prefix writable')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/403 AccessDenied/), fix: expect.stringMatching(/Object Read & Write/) });

  const gh = await doctor(['--skip', 'vast,r2,image'], { MARKETSIM_GITHUB_TOKEN: 'ghs_wrong' });
  expect(gh.checks.find((c) => c.group === 'github')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/^github-token: .*401/) });
  for (const run of [wrongSecret, extra, poor, capped, mint, ro, gh]) {
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain(TEST_SECRET);
  }
});

test('the image check pulls as the instance will (pull credential or anonymous) and reads its CUDA version', async () => {
  if (!haveTools('the doctor image test', ['docker-registry', 'htpasswd'])) return;
  const { startRegistry } = await import('../emulators/docker-registry.js');
  const reg = await startRegistry({ username: 'reader', password: 'pull-only-1' });
  try {
    const digest = await reg.push('acme/sim', 'v1', { cuda: '12.4.1' });
    const image = `${reg.host}/acme/sim@${digest}`;
    const anon = await doctor(['--skip', 'vast,r2,github', '--image', image]);
    expect(anon.checks.find((c) => c.group === 'image')).toMatchObject({ status: 'fail', fix: expect.stringMatching(/REGISTRY_PULL_USERNAME/) });
    const old = await doctor(['--skip', 'vast,r2,github', '--image', image], { REGISTRY_PULL_USERNAME: 'reader', REGISTRY_PULL_PASSWORD: 'pull-only-1' });
    expect(old.checks.find((c) => c.group === 'image')).toMatchObject({ status: 'fail', detail: expect.stringMatching(/CUDA 12\.4\.1, below 12\.8/) });
  } finally {
    await reg.stop();
  }
});
