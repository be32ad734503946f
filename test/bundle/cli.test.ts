import { NODE24 } from './node24.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { VERSION } from '../../src/version.js';
import { GitHubEmulator } from '../emulators/github-emulator.js';
import { freePort } from '../emulators/s3-server.js';
import { VastEmulator } from '../emulators/vast-emulator.js';
import { bytes, s3BehindProxy, tempDir, TEST_SECRET } from '../integration/helpers.js';
import { whenTrue } from './run-bundle.js';

const fx = s3BehindProxy();
const CLI = path.resolve('dist/cli/index.js');

beforeAll(async () => {
  for (let i = 0; i < 6; i++) await fx.s3.put('models', `stock/trainingdata/T${i}.csv`, bytes(2000 + i, i));
  await fx.s3.put('models', 'stock/hyperparams/h.json', '{"lr":1}');
});

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: Record<string, string> = {}, onStart?: (c: ReturnType<typeof spawn>) => void): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(NODE24, [CLI, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, R2_ENDPOINT: fx.proxy.endpoint, R2_ACCESS_KEY_ID: 'S3RVER', R2_SECRET_ACCESS_KEY: TEST_SECRET, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    onStart?.(child);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('run: a command is required, and comes only after --', () => {
  test('no command: exit 2 with one line, nothing synced', async () => {
    const root = tempDir('cli-nocmd');
    const r = await cli(['run', '--no-hydrate', '--local-root', root]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/run: a command is required after --/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a command without --, even after a repeatable --include: a hint, not 40 lines of help, and nothing run', async () => {
    const root = tempDir('cli-nodash');
    const marker = path.join(root, 'ran');
    const r = await cli(['run', '--include', 'hyperparams/*', '--local-root', root, 'touch', marker]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/put the command after --, e.g. marketsim run \[options\] -- touch/);
    expect(r.stderr.split('\n').length).toBeLessThan(4);
    expect(fs.existsSync(marker)).toBe(false);
  });

  test('with --: --include takes one value each, and the command runs; --json keeps stdout to the result alone', async () => {
    const root = tempDir('cli-dash');
    const r = await cli(['--json', 'run', '--include', 'hyperparams/*', '--local-root', root, '--experiment-id', 'cli-1', '--', 'echo', 'FROM-COMMAND']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { ok: boolean; outputs: Record<string, unknown> };
    expect(doc.ok).toBe(true);
    expect(doc.outputs['files-downloaded']).toBe(1);
    expect(doc.outputs['exit-code']).toBe(0);
    expect(r.stderr).toContain('FROM-COMMAND');
    expect(fs.readdirSync(path.join(root, 'hyperparams'))).toEqual(['h.json']);
  });

  test('a missing working-directory is named before hydrating; the logs are still persisted', async () => {
    const root = tempDir('cli-wd');
    fs.mkdirSync(path.join(root, 'marketsimulator/run_logs'), { recursive: true });
    fs.writeFileSync(path.join(root, 'marketsimulator/run_logs/early.log'), 'early\n');
    const r = await cli(['run', '--local-root', root, '--experiment-id', 'cli-wd', '--working-directory', path.join(root, 'nope'), '--', 'true']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/working-directory: .*nope does not exist/);
    expect(r.stderr).not.toMatch(/ENOENT/);
    expect(fs.existsSync(path.join(root, 'trainingdata'))).toBe(false);
    expect(fx.proxy.log.some((l) => l.method === 'PUT' && l.path.endsWith('/cli-wd/early.log'))).toBe(true);
  });
});

describe('exit codes and one-line errors', () => {
  test('--version and -V; an unknown option or command is exit 2 in a few lines', async () => {
    expect((await cli(['--version'])).stdout.trim()).toBe(VERSION);
    expect((await cli(['-V'])).stdout.trim()).toBe(VERSION);
    const opt = await cli(['hydrate', '--no-such-flag']);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/unknown option '--no-such-flag'/);
    expect(opt.stderr.split('\n').length).toBeLessThan(5);
    const cmd = await cli(['hydrat']);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/unknown command 'hydrat'/);
  });

  test('local-root: a regular file or a path under /proc is one line naming local-root, exit 2, before any request', async () => {
    const file = path.join(tempDir('cli-file'), 'not-a-dir');
    fs.writeFileSync(file, 'x');
    fx.proxy.log.length = 0;
    for (const root of [file, '/proc/marketsim-test']) {
      const r = await cli(['hydrate', '--local-root', root]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^error: local-root: /);
    }
    expect(fx.proxy.log).toEqual([]);
  });

  test('an endpoint with the bucket in its path (as the dashboard shows it) is explained', async () => {
    const r = await cli(['hydrate', '--local-root', tempDir('cli-ep')], { R2_ENDPOINT: `${fx.proxy.endpoint}/models`, R2_BUCKET: 'models' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/endpoint: .*\/models ends in a path: 'models' looks like the bucket .*give endpoint http:\/\/127\.0\.0\.1:\d+ and bucket models/);
  });

  test('an --include that matches nothing warns; a dry run says so in --json', async () => {
    const r = await cli(['--json', 'hydrate', '--local-root', tempDir('cli-inc'), '--include', 'trainingdata/NOPE*', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: include: trainingdata\/NOPE\* matched none/);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, dryRun: true });
  });

  test('Ctrl-C: one line, exit 130; the re-run completes', async () => {
    const root = tempDir('cli-int');
    fx.proxy.inject((x) => x.method === 'GET' && !x.query.has('list-type'), { kind: 'delay', ms: 300 }, 100);
    const r = await cli(['hydrate', '--local-root', root, '--dirs', 'trainingdata', '--concurrency', '1'], {}, (c) =>
      whenTrue(() => fx.proxy.log.some((l) => l.method === 'GET' && !l.query.has('list-type')), 10, () => c.kill('SIGINT')),
    );
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted: hydrate stopped; run it again to resume where it stopped/);
    fx.proxy.clearFaults();
    const again = await cli(['hydrate', '--local-root', root, '--dirs', 'trainingdata']);
    expect(again.code).toBe(0);
    expect(fs.readdirSync(path.join(root, 'trainingdata')).sort()).toEqual(['T0.csv', 'T1.csv', 'T2.csv', 'T3.csv', 'T4.csv', 'T5.csv']);
  });
});

test('shared AWS credential files and profiles are honoured, as the SDK does, when no key is given', async () => {
  const home = tempDir('cli-home');
  fs.mkdirSync(path.join(home, '.aws'));
  fs.writeFileSync(path.join(home, '.aws/credentials'), `[default]\naws_access_key_id = nobody\naws_secret_access_key = wrong\n\n[research]\naws_access_key_id = S3RVER\naws_secret_access_key = ${TEST_SECRET}\n`);
  const noKeys = { HOME: home, R2_ACCESS_KEY_ID: '', R2_SECRET_ACCESS_KEY: '' };
  const byFlag = await cli(['--json', '--profile', 'research', 'hydrate', '--local-root', tempDir('cli-prof'), '--dirs', 'hyperparams'], noKeys);
  expect(byFlag.code).toBe(0);
  expect((JSON.parse(byFlag.stdout) as { outputs: Record<string, unknown> }).outputs['files-downloaded']).toBe(1);
  const byEnv = await cli(['hydrate', '--local-root', tempDir('cli-prof2'), '--dirs', 'hyperparams'], { ...noKeys, AWS_PROFILE: 'research' });
  expect(byEnv.code).toBe(0);
  const missing = await cli(['hydrate', '--local-root', tempDir('cli-prof3')], { ...noKeys, AWS_PROFILE: 'nope' });
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/profile: nope gave no credentials/);
});

describe('push: publish data folders', () => {
  test('dry run lists the plan and changes nothing; push uploads only what differs; --delete removes only inside the named folder', async () => {
    const root = tempDir('cli-push');
    fs.mkdirSync(path.join(root, 'trainingdata'), { recursive: true });
    for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(root, 'trainingdata', `T${i}.csv`), bytes(2000 + i, i));
    fs.writeFileSync(path.join(root, 'trainingdata/T1.csv'), 'changed\n');
    fs.writeFileSync(path.join(root, 'trainingdata/NEW.csv'), 'new\n');
    fs.rmSync(path.join(root, 'trainingdata/T5.csv'));
    const dry = await cli(['--json', 'push', '--local-root', root, '--dirs', 'trainingdata', '--delete', '--dry-run']);
    expect(dry.code).toBe(0);
    const plan = (JSON.parse(dry.stdout) as { dryRun: boolean; outputs: { plan: { upload: string[]; remove: string[]; unchanged: number }[] } });
    expect(plan.dryRun).toBe(true);
    expect(plan.outputs.plan[0]).toMatchObject({ upload: ['NEW.csv', 'T1.csv'], remove: ['T5.csv'], unchanged: 4 });
    expect(fx.proxy.log.filter((l) => l.method === 'PUT' || l.method === 'DELETE')).toEqual([]);

    const real = await cli(['push', '--local-root', root, '--dirs', 'trainingdata', '--delete']);
    expect(real.code).toBe(0);
    expect(fx.proxy.log.filter((l) => l.method === 'PUT').map((l) => l.path).sort()).toEqual(['/models/stock/trainingdata/NEW.csv', '/models/stock/trainingdata/T1.csv']);
    expect(fx.proxy.log.filter((l) => l.method === 'DELETE').map((l) => l.path)).toEqual(['/models/stock/trainingdata/T5.csv']);
    const after = await cli(['--json', 'push', '--local-root', root, '--dirs', 'trainingdata', '--delete', '--dry-run']);
    expect((JSON.parse(after.stdout) as { outputs: { plan: { upload: string[]; remove: string[] }[] } }).outputs.plan[0]).toMatchObject({ upload: [], remove: [] });
    // hyperparams was never named: untouched.
    const hp = await cli(['--json', 'hydrate', '--local-root', tempDir('cli-hp'), '--dirs', 'hyperparams']);
    expect((JSON.parse(hp.stdout) as { outputs: Record<string, unknown> }).outputs['files-downloaded']).toBe(1);
  });

  test('--delete with an empty or missing local folder is refused (it would wipe the remote folder)', async () => {
    const root = tempDir('cli-push-empty');
    fs.mkdirSync(path.join(root, 'hyperparams'));
    const r = await cli(['push', '--local-root', root, '--dirs', 'hyperparams', '--delete']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hyperparams: the local folder is empty or missing; refusing --delete/);
    expect(fx.proxy.log.filter((l) => l.method === 'DELETE')).toEqual([]);
  });
});

describe('Vast and GitHub from the CLI', () => {
  let vastEmu: VastEmulator;
  let ghEmu: GitHubEmulator;
  beforeEach(async () => {
    vastEmu = new VastEmulator();
    ghEmu = new GitHubEmulator();
    await Promise.all([vastEmu.start(), ghEmu.start()]);
  });
  afterEach(async () => {
    await Promise.all([vastEmu.stop(), ghEmu.stop()]);
  });
  const vastEnv = (): Record<string, string> => ({ VAST_API_KEY: vastEmu.apiKey, VAST_URL: vastEmu.url, MARKETSIM_GITHUB_TOKEN: ghEmu.token, GITHUB_API_URL: ghEmu.url });

  test('a refused Vast key is exit 2 naming api-key; teardown with neither id nor label is exit 2; a typo\'d id says not found', async () => {
    const bad = await cli(['offers'], { ...vastEnv(), VAST_API_KEY: 'wrong-key' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/error: api-key: the Vast API key was refused/);
    const none = await cli(['teardown'], vastEnv());
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/instance-id: give instance-id or label/);
    const typo = await cli(['teardown', '--instance-id', '999999', '--repo', 'acme/sim'], vastEnv());
    expect(typo.stderr).toMatch(/Instance 999999 is not \(or no longer\) on this account/);
  });

  test('offers with no match says which filter hid the offers and the cheapest price', async () => {
    vastEmu.addOffer({ id: 1, gpu_name: 'RTX 4090', cuda_max_good: 12.4, dph_total: 0.35 });
    vastEmu.addOffer({ id: 2, gpu_name: 'RTX 4090', cuda_max_good: 12.2, dph_total: 0.31 });
    const r = await cli(['offers', '--gpu-name', 'RTX 4090'], vastEnv());
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/No 1x RTX 4090 offer matches the filters\. 2 1x RTX 4090 offers are rentable now, the cheapest at \$0\.310\/h; min-cuda 12\.8 excludes 2/);
    const json = await cli(['--json', 'offers', '--gpu-name', 'RTX 4090', '--min-cuda', '12'], vastEnv());
    const doc = JSON.parse(json.stdout) as { outputs: { count: number; offers: { id: number; usdPerHour: number }[] } };
    expect(doc.outputs.count).toBe(2);
    expect(doc.outputs.offers[0]).toMatchObject({ id: 2, usdPerHour: 0.31 });
  });

  test('doctor: a Vast endpoint that does not answer is named with its URL and cause; exit 1; --json carries every check', async () => {
    const port = await freePort();
    const r = await cli(['--json', 'doctor', '--skip', 'r2,image,github'], { ...vastEnv(), VAST_URL: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { outputs: { failed: number; checks: { group: string; name: string; status: string; detail: string; fix?: string }[] } };
    expect(doc.outputs.failed).toBe(1);
    const key = doc.outputs.checks.find((c) => c.name === 'API key')!;
    expect(key.status).toBe('fail');
    expect(key.detail).toMatch(new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}/api/v0/users/current/: .*ECONNREFUSED`));
    expect(key.fix).toMatch(/VAST_API_KEY/);
  });
});
