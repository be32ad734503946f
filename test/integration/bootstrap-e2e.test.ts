import { testWith } from '../support-tools.js';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { GitHubRunners } from '../../src/github/runners.js';
import { BOOTSTRAP_SH } from '../../src/vast/bootstrap-script.js';
import { chunkHostEnv, HOST_ENV_PREFIX } from '../../src/vast/host-env.js';
import { VastClient } from '../../src/vast/client.js';
import { provision, type ProvisionConfig } from '../../src/vast/provision.js';
import { teardown } from '../../src/vast/teardown.js';
import { GitHubEmulator } from '../emulators/github-emulator.js';
import { VastEmulator, type EmuInstance } from '../emulators/vast-emulator.js';
import { RecordingLogger, tempDir } from './helpers.js';

// The instance side runs the real bootstrap: bash, curl, tar, sha256sum.
const e2e = testWith('the bootstrap end-to-end tests', ['curl']);
const FAST = { retries: 3, minDelayMs: 5, maxDelayMs: 20 };

/** A stand-in for actions/runner: comes online with its JIT config, runs one job, is deregistered, exits. */
const STANDIN_RUN_SH = `#!/bin/bash
# The real listener reads ACTIONS_RUNNER_INPUT_* and deletes them from its environment (github-runners.md A3).
jit=$ACTIONS_RUNNER_INPUT_JITCONFIG
unset ACTIONS_RUNNER_INPUT_JITCONFIG
curl -fsS -X POST --data-binary "$jit" "$STANDIN_GITHUB_URL/_emulator/connect" >/dev/null || exit 2
sleep "\${STANDIN_IDLE:-0.3}"
[ -n "\${STANDIN_NO_JOB:-}" ] && { sleep 30; exit 0; }
"$ACTIONS_RUNNER_HOOK_JOB_STARTED"
env > "$STANDIN_JOB_ENV"
echo "job done" > "$STANDIN_JOB_OUTPUT"
curl -fsS -X POST --data-binary "$jit" "$STANDIN_GITHUB_URL/_emulator/finish" >/dev/null
`;

let vastEmu: VastEmulator;
let ghEmu: GitHubEmulator;
let files: http.Server;
let filesUrl = '';
let tarSha = '';
const homes: string[] = [];

beforeAll(async () => {
  const pkg = tempDir('standin-pkg');
  fs.writeFileSync(path.join(pkg, 'run.sh'), STANDIN_RUN_SH, { mode: 0o755 });
  const tgz = path.join(tempDir('standin-tgz'), 'actions-runner-linux-x64-0.0.0.tar.gz');
  execFileSync('tar', ['czf', tgz, '-C', pkg, 'run.sh']);
  const tarball = fs.readFileSync(tgz);
  tarSha = createHash('sha256').update(tarball).digest('hex');
  files = http.createServer((req, res) => {
    res.writeHead(req.url === '/runner.tgz' ? 200 : 404);
    res.end(req.url === '/runner.tgz' ? tarball : undefined);
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  filesUrl = `http://127.0.0.1:${(files.address() as net.AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => files.close(r));
});

beforeEach(async () => {
  vastEmu = new VastEmulator();
  ghEmu = new GitHubEmulator();
  await Promise.all([vastEmu.start(), ghEmu.start()]);
  vastEmu.stepMs = 15;
  // What Vast does on start in ssh mode: run onstart with the instance variables.
  vastEmu.onRunning = (inst: EmuInstance) => {
    const home = tempDir(`instance-${inst.id}`);
    homes.push(home);
    fs.writeFileSync(path.join(home, 'onstart.sh'), String(inst.body.onstart));
    const env = {
      PATH: process.env.PATH,
      ...(inst.body.env as Record<string, string>),
      CONTAINER_ID: String(inst.id),
      CONTAINER_API_KEY: inst.apiKey,
      VAST_CONTAINERLABEL: `C.${inst.id}`,
      VAST_URL: vastEmu.url,
      MARKETSIM_HOME: path.join(home, 'marketsim'),
      MARKETSIM_RUNNER_DIR: path.join(home, 'no-runner-in-image'),
      MARKETSIM_WATCH_INTERVAL: '0.05',
      STANDIN_JOB_OUTPUT: path.join(home, 'job-output'),
      STANDIN_JOB_ENV: path.join(home, 'job-env'),
    };
    spawn('sh', [path.join(home, 'onstart.sh')], { env, stdio: 'ignore', detached: true }).unref();
  };
});

afterEach(async () => {
  await Promise.all([vastEmu.stop(), ghEmu.stop()]);
});

function cfg(env: Record<string, string> = {}): ProvisionConfig {
  return {
    filters: { gpuName: 'RTX 5090', numGpus: 1, verified: true, regions: [], disk: 200, maxPrice: 1 },
    maxAttempts: 1,
    image: 'ghcr.io/acme/marketsimulator@sha256:0123',
    env: {
      MARKETSIM_RUNNER_URL: `${filesUrl}/runner.tgz`,
      MARKETSIM_RUNNER_SHA256: tarSha,
      MARKETSIM_JOB_GRACE: '5',
      MARKETSIM_MAX_LIFETIME: '20',
      STANDIN_GITHUB_URL: ghEmu.url,
      ...env,
    },
    onstart: BOOTSTRAP_SH,
    labelPrefix: 'marketsim',
    runId: '777',
    runAttempt: '1',
    runnerGroupId: 1,
    extraLabels: [],
    minBalance: 1,
    waitTimeoutMs: 5000,
    runnerTimeoutMs: 5000,
    pollMs: 20,
    maxPollMs: 50,
  };
}

async function until(pred: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (pred()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return pred();
}

const clients = () => ({
  vast: new VastClient({ baseUrl: vastEmu.url, apiKey: vastEmu.apiKey, retry: FAST }),
  github: new GitHubRunners({ apiUrl: ghEmu.url, token: ghEmu.token, scope: { kind: 'repo' as const, owner: 'acme', repo: 'marketsim' }, retry: FAST, sleep: async () => undefined }),
});

e2e('the whole chain: provision -> real bootstrap -> verified runner download -> online -> one job -> the instance destroys itself; teardown is then a no-op', async () => {
  const { vast, github } = clients();
  vastEmu.addOffer({ id: 1, dph_total: 0.45 });
  const r = await provision(cfg(), { vast, github, log: new RecordingLogger() });
  expect(r.runner.status).toBe('online');
  const home = homes[0]!;
  expect(await until(() => vastEmu.live().length === 0, 10_000)).toBe(true);
  expect(fs.readFileSync(path.join(home, 'job-output'), 'utf8')).toBe('job done\n');
  // The job's environment holds no piece of the JIT config.
  const jobEnv = fs.readFileSync(path.join(home, 'job-env'), 'utf8');
  expect(jobEnv).not.toMatch(/MARKETSIM_JIT_/);
  const log = fs.readFileSync(path.join(home, 'marketsim/bootstrap.log'), 'utf8');
  expect(log).toMatch(/runner\.tgz: OK/);
  expect(log).toMatch(/destroying instance \d+: runner exited \(0\) after its job/);
  expect(log).not.toContain(ghEmu.runners.get(r.runner.id)!.jitConfig.slice(0, 40));
  // The destroy came from the instance's own key, not the account's.
  expect(vastEmu.log.find((l) => l.method === 'DELETE')?.auth).toBe('instance');
  const t = await teardown({ instanceId: r.instanceId, runnerId: r.runner.id }, { vast, github, log: new RecordingLogger() });
  expect(t.destroyed).toEqual([]);
  expect(t.alreadyGone).toEqual([r.instanceId]);
  expect(ghEmu.liveRunners()).toEqual([]);
});

e2e('delivered storage credentials reach the job\'s environment and nothing else does: no chunk, no JIT piece, no instance key, no smuggled name', async () => {
  const { vast, github } = clients();
  vastEmu.addOffer({ id: 1 });
  const token = `eyJ${'t'.repeat(600)}`;
  const delivered = chunkHostEnv({ R2_READ_ACCESS_KEY_ID: 'read-id', R2_READ_SESSION_TOKEN: token, R2_LOGS_SECRET_ACCESS_KEY: 'logs-secret' });
  // A blob that also tries to set PATH and a MARKETSIM_ name: the bootstrap exports R2_* names only.
  const smuggled = Buffer.from(`PATH=/evil\nMARKETSIM_MAX_LIFETIME=999999\nR2_BUCKET=models\n`).toString('base64');
  const r = await provision({ ...cfg({ [`${HOST_ENV_PREFIX}00`]: smuggled, [`${HOST_ENV_PREFIX}COUNT`]: '1' }), deliveredEnv: undefined }, { vast, github, log: new RecordingLogger() });
  expect(await until(() => vastEmu.live().length === 0, 10_000)).toBe(true);
  const smuggledEnv = fs.readFileSync(path.join(homes[homes.length - 1]!, 'job-env'), 'utf8');
  expect(smuggledEnv).toMatch(/^R2_BUCKET=models$/m);
  expect(smuggledEnv).not.toMatch(/PATH=\/evil|MARKETSIM_MAX_LIFETIME=999999/);
  expect(r.runner.status).toBe('online');

  vastEmu.addOffer({ id: 2 });
  await provision({ ...cfg(), runId: '778', deliveredEnv: delivered }, { vast, github, log: new RecordingLogger() });
  expect(await until(() => vastEmu.live().length === 0, 10_000)).toBe(true);
  const jobEnv = fs.readFileSync(path.join(homes[homes.length - 1]!, 'job-env'), 'utf8');
  expect(jobEnv).toMatch(/^R2_READ_ACCESS_KEY_ID=read-id$/m);
  expect(jobEnv).toContain(`R2_READ_SESSION_TOKEN=${token}\n`);
  expect(jobEnv).toMatch(/^R2_LOGS_SECRET_ACCESS_KEY=logs-secret$/m);
  expect(jobEnv).not.toMatch(/^(MARKETSIM_ENV_|MARKETSIM_JIT_|CONTAINER_API_KEY=|ACTIONS_RUNNER_INPUT_JITCONFIG=)/m);
  // ...while the watchdog still destroyed the instance with that key.
  expect(vastEmu.log.filter((l) => l.method === 'DELETE').every((l) => l.auth === 'instance')).toBe(true);
});

e2e('the watchdog never gives up on its own destroy: failed answers are retried until one succeeds', async () => {
  const { vast, github } = clients();
  vastEmu.addOffer({ id: 1 });
  vastEmu.inject((m) => m === 'DELETE', { status: 503, body: 'maintenance' }, 3);
  await provision(cfg({ MARKETSIM_DESTROY_MAX_PAUSE: '1' }), { vast, github, log: new RecordingLogger() });
  expect(await until(() => vastEmu.live().length === 0, 15_000)).toBe(true);
  expect(vastEmu.log.filter((l) => l.method === 'DELETE').map((l) => l.status)).toEqual([503, 503, 503, 200]);
  expect(fs.readFileSync(path.join(homes[homes.length - 1]!, 'marketsim/bootstrap.log'), 'utf8')).toMatch(/destroy answered 503 \(try 3\); again in 1s/);
});

e2e('a runner tarball that does not match the pinned SHA-256 is never run; the instance destroys itself', async () => {
  const { vast, github } = clients();
  vastEmu.addOffer({ id: 1 });
  await expect(provision({ ...cfg({ MARKETSIM_RUNNER_SHA256: '0'.repeat(64) }), runnerTimeoutMs: 600 }, { vast, github, log: new RecordingLogger() })).rejects.toThrow(
    /runner not online/,
  );
  expect(await until(() => vastEmu.live().length === 0, 5000)).toBe(true);
  expect(fs.readFileSync(path.join(homes[homes.length - 1]!, 'marketsim/bootstrap.log'), 'utf8')).toMatch(/runner checksum mismatch/);
});

e2e('no job within the grace period: the watchdog destroys the instance by itself', async () => {
  const { vast, github } = clients();
  vastEmu.addOffer({ id: 1 });
  const r = await provision(cfg({ STANDIN_NO_JOB: '1', MARKETSIM_JOB_GRACE: '1' }), { vast, github, log: new RecordingLogger() });
  expect(r.runner.status).toBe('online');
  expect(await until(() => vastEmu.live().length === 0, 8000)).toBe(true);
  expect(fs.readFileSync(path.join(homes[homes.length - 1]!, 'marketsim/bootstrap.log'), 'utf8')).toMatch(/no job arrived in time/);
});

testWith('the shellcheck test', ['shellcheck'])('the bootstrap is shellcheck-clean, fits Vast\'s onstart limit, and the embedded copy is current', () => {
  expect(BOOTSTRAP_SH).toBe(fs.readFileSync('src/vast/bootstrap.sh', 'utf8'));
  expect(BOOTSTRAP_SH.length).toBeLessThanOrEqual(4048);
  execFileSync('shellcheck', ['-s', 'bash', 'src/vast/bootstrap.sh']);
});
