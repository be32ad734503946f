import { testWith } from '../support-tools.js';
import { NODE24 } from './node24.js';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { FaultProxy } from '../emulators/fault-proxy.js';
import { startS3, type S3Server } from '../emulators/s3-server.js';
import { bytes, digestOf, tempDir, treeDigest } from '../integration/helpers.js';
import { killTree, runBundle, secretLeaks, whenTrue } from './run-bundle.js';

// s3rver checks no signature; the proxy in front of it checks every one with this secret (and it is distinctive to grep for).
const SECRET = 'sk-marketsim-test-7c1e9a4f0b2d';
let s3: S3Server;
let strict: FaultProxy;
const data: Record<string, Buffer> = {};

beforeAll(async () => {
  s3 = await startS3();
  await s3.createBucket('models');
  for (let i = 0; i < 25; i++) data[`trainingdata/AAPL-${i}.csv`] = bytes(3000 + i, i);
  data['trainingdatadaily/SPY.csv'] = bytes(70_000, 100);
  // Above one buffer, MD5 ETags: hashed on the worker, several at once (the bundled MD5 lanes).
  for (let i = 0; i < 8; i++) data[`trainingdatadaily/M${i}.csv`] = bytes(600_000 + i * 4099, 200 + i);
  data['hyperparams/best.json'] = Buffer.from('{"window":20}');
  data['compiled_models/policy.bin'] = bytes(2 * 1024 * 1024, 101);
  for (const [rel, b] of Object.entries(data)) await s3.put('models', `stock/${rel}`, b);
  strict = new FaultProxy(s3.endpoint);
  strict.credentials = new Map([['S3RVER', { secretAccessKey: SECRET }]]);
  await strict.start();
});

afterAll(async () => {
  expect(strict.rejected).toEqual([]);
  await strict.stop();
  await s3.stop();
});

/** The variables users already have: the actions must work from these alone. */
function userEnv(root: string): Record<string, string> {
  return { R2_ENDPOINT: strict.endpoint, R2_ACCESS_KEY_ID: 'S3RVER', R2_SECRET_ACCESS_KEY: SECRET, LOCAL_ROOT: root };
}

test('r2-hydrate bundle: from the users\' variables alone, outputs, summary table, no secret in any output', async () => {
  const root = tempDir('b-hydrate');
  const run = await runBundle('r2-hydrate', { action: 'actions/r2-hydrate/action.yml', env: userEnv(root) });
  expect(run.errors).toEqual([]);
  expect(run.code).toBe(0);
  expect(treeDigest(root)).toEqual(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, digestOf(v)])));
  expect(run.outputs['files-downloaded']).toBe('36');
  expect(run.outputs['bytes-downloaded']).toBe(String(Object.values(data).reduce((n, b) => n + b.length, 0)));
  expect(run.outputs['manifest-hash']).toMatch(/^[0-9a-f]{64}$/);
  expect(run.outputs['cache-hit']).toBe('false');
  expect(run.stdout).toContain('::warning::Folder s3://models/stock/trainingdatahourly/ is empty or missing');
  expect(run.summary).toMatch(/<table>.*folder.*objects.*downloaded.*MB\/s/s);
  expect(run.summary).toContain('MD5 of the body = single-part ETag');
  expect(run.stdout).toMatch(/hydrate: 36\/36 files/);
  expect(secretLeaks(run, SECRET)).toEqual([]);
  expect(run.stdout).toContain(`::add-mask::${SECRET}`);

  const again = await runBundle('r2-hydrate', { action: 'actions/r2-hydrate/action.yml', env: userEnv(root) });
  expect(again.outputs['files-downloaded']).toBe('0');
  expect(again.outputs['files-skipped']).toBe('36');
  expect(again.outputs['manifest-hash']).toBe(run.outputs['manifest-hash']);
});

test('r2-hydrate bundle: every bad input is named in one error, before any request', async () => {
  const root = tempDir('b-bad');
  const run = await runBundle('r2-hydrate', {
    action: 'actions/r2-hydrate/action.yml',
    env: userEnv(root),
    inputs: { concurrency: '0', dirs: 'trainingdata,../../etc', delete: 'yes' },
  });
  expect(run.code).toBe(2);
  expect(run.errors).toHaveLength(1);
  const msg = decodeURIComponent(run.errors[0]!.replace(/%0A/g, '\n'));
  expect(msg).toMatch(/concurrency: expected a whole number from 1 to 1024, got 0/);
  expect(msg).toMatch(/dirs: '\.\.\/\.\.\/etc'/);
  expect(msg).toMatch(/delete: expected true or false, got 'yes'/);
  expect(fs.readdirSync(root)).toEqual([]);
  expect(secretLeaks(run, SECRET)).toEqual([]);
});

test('r2-persist-logs bundle: uploads, confirms, outputs id and uri; the secret stays masked', async () => {
  const root = tempDir('b-persist');
  const logDir = path.join(root, 'marketsimulator/run_logs');
  fs.mkdirSync(logDir, { recursive: true });
  fs.writeFileSync(path.join(logDir, 'run.log'), 'hello\n');
  fs.writeFileSync(path.join(logDir, 'big.bin'), bytes(17 * 1024 * 1024, 5));
  const run = await runBundle('r2-persist-logs', {
    action: 'actions/r2-persist-logs/action.yml',
    env: { ...userEnv(root), GITHUB_RUN_ID: '4242' },
  });
  expect(run.errors).toEqual([]);
  expect(run.outputs['experiment-id']).toMatch(/^marketsim-\d{8}-\d{6}-4242$/);
  expect(run.outputs.uri).toBe(`s3://models/stock/marketsimulator/logs/${run.outputs['experiment-id']}/`);
  expect(run.outputs['files-uploaded']).toBe('2');
  expect(run.outputs.verified).toBe('true');
  expect(run.summary).toMatch(/<table>.*files.*uploaded.*verified/s);
  expect(secretLeaks(run, SECRET)).toEqual([]);
});

test('root action: a failing command still has its logs persisted; post sees main finished', async () => {
  const root = tempDir('b-root');
  // Everything a GPU job's environment may hold besides the storage key: none of it may reach the command.
  const jobSecrets = {
    VAST_API_KEY: 'vast-key-c0ffee01', CONTAINER_API_KEY: 'container-key-c0ffee02', GITHUB_TOKEN: 'ghs_c0ffee03', GH_TOKEN: 'ghs_c0ffee04',
    REGISTRY_PASSWORD: 'push-pass-c0ffee05', REGISTRY_PULL_PASSWORD: 'pull-pass-c0ffee06', R2_LOGS_SESSION_TOKEN: 'sess-c0ffee07',
    ACTIONS_RUNTIME_TOKEN: 'rt-c0ffee08', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'idt-c0ffee09', MARKETSIM_JIT_00: 'jit-c0ffee10', CLOUDFLARE_API_TOKEN: 'cf-c0ffee11',
  };
  const run = await runBundle('run', {
    action: 'action.yml',
    env: { ...userEnv(root), ...jobSecrets, RUNNER_TEMP_MARKER: 'visible' },
    inputs: {
      run: 'mkdir -p "$LOCAL_LOG_DIR" && echo "experiment $EXPERIMENT_ID" > "$LOCAL_LOG_DIR/sim.log" && env > "$LOCAL_LOG_DIR/env.txt" && exit 3',
      'experiment-id': 'exp-root-1',
      dirs: 'hyperparams',
    },
  });
  expect(run.code).toBe(1);
  expect(run.errors).toEqual(['The command failed with exit code 3; its logs are in s3://models/stock/marketsimulator/logs/exp-root-1/']);
  expect(run.outputs['exit-code']).toBe('3');
  expect(run.outputs['files-downloaded']).toBe('1');
  // sim.log, env.txt and the experiment record.
  expect(run.outputs['files-uploaded']).toBe('3');
  expect(run.state).toEqual({ 'experiment-id': 'exp-root-1', persist: 'done' });
  const logs = fs.readFileSync(path.join(root, 'marketsimulator/run_logs/sim.log'), 'utf8');
  expect(logs).toBe('experiment exp-root-1\n');
  // The command never saw the action inputs.
  const commandEnv = fs.readFileSync(path.join(root, 'marketsimulator/run_logs/env.txt'), 'utf8');
  expect(commandEnv).not.toMatch(/^INPUT_/m);
  expect(commandEnv).toMatch(/^RUNNER_TEMP_MARKER=visible$/m);
  for (const secret of [SECRET, 'S3RVER', ...Object.values(jobSecrets)]) expect({ secret, inCommandEnv: commandEnv.includes(secret) }).toEqual({ secret, inCommandEnv: false });
  expect(secretLeaks(run, SECRET)).toEqual([]);

  const post = await runBundle('run-post', { action: 'action.yml', env: userEnv(root), state: run.state });
  expect(post.code).toBe(0);
  expect(post.stdout).toContain('The logs were persisted by the main step.');
});

test('root action: main killed mid-command (job cancelled) -> post persists the logs under the same id', async () => {
  const root = tempDir('b-kill');
  const marker = path.join(root, 'started');
  const run = await runBundle('run', {
    action: 'action.yml',
    env: userEnv(root),
    inputs: { run: `mkdir -p "$LOCAL_LOG_DIR" && echo partial > "$LOCAL_LOG_DIR/train.log" && touch ${marker} && sleep 30`, hydrate: 'false' },
    onStart: (child) => whenTrue(() => fs.existsSync(marker), 20, () => killTree(child, 'SIGKILL')),
  });
  expect(run.signal).toBe('SIGKILL');
  const id = run.state['experiment-id'];
  expect(id).toMatch(/^marketsim-/);
  expect(run.state.persist).toBeUndefined();
  const post = await runBundle('run-post', { action: 'action.yml', env: userEnv(root), state: run.state });
  expect(post.code).toBe(0);
  expect(post.stdout).toContain(`persisting ${id} now`);
  expect(post.outputs.verified).toBe('true');
  expect(post.outputs.uri).toBe(`s3://models/stock/marketsimulator/logs/${id}/`);
  expect(secretLeaks(post, SECRET)).toEqual([]);
});

test('CLI: hydrate --json, and run -- CMD exits with the command\'s code after persisting its logs', async () => {
  const root = tempDir('b-cli');
  const cli = path.resolve('dist/cli/index.js');
  const exec = (args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(NODE24, [cli, ...args], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...userEnv(root) } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  const h = await exec(['--json', 'hydrate', '--dirs', 'trainingdata,hyperparams']);
  expect(h.code).toBe(0);
  const result = JSON.parse(h.stdout) as { ok: boolean; outputs: Record<string, unknown> };
  expect(result.ok).toBe(true);
  expect(result.outputs['files-downloaded']).toBe(26);

  const r = await exec(['run', '--no-hydrate', '--experiment-id', 'cli-exp', '--', 'bash', '-c', 'mkdir -p "$LOCAL_LOG_DIR"; echo "a b" > "$LOCAL_LOG_DIR/out.txt"; exit 4']);
  expect(r.code).toBe(4);
  expect(r.stderr).toMatch(/Uploaded 2 files/);
  expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);

  const bad = await exec(['hydrate', '--concurrency', 'lots']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/error: Invalid input concurrency: expected a whole number/);
});

testWith('the https bundle test', ['openssl'])('r2-hydrate bundle over https (R2 is https only): TLS in front of s3rver, the test CA trusted through NODE_EXTRA_CA_CERTS', async () => {
  const dir = tempDir('b-tls');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/k.pem`, '-out', `${dir}/c.pem`, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
  const upstream = new URL(s3.endpoint);
  const sockets = new Set<net.Socket>();
  let connections = 0;
  // TLS terminated here, bytes passed through to s3rver untouched: listings, HEADs and the body client all cross it.
  const front = tls.createServer({ key: fs.readFileSync(`${dir}/k.pem`), cert: fs.readFileSync(`${dir}/c.pem`) }, (client) => {
    connections++;
    const server = net.connect(Number(upstream.port), upstream.hostname);
    for (const s of [client, server]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(server).pipe(client);
  });
  await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
  try {
    const endpoint = `https://localhost:${(front.address() as net.AddressInfo).port}`;
    const root = path.join(dir, 'root');
    const env = { ...userEnv(root), R2_ENDPOINT: endpoint, NODE_EXTRA_CA_CERTS: `${dir}/c.pem` };
    const run = await runBundle('r2-hydrate', { action: 'actions/r2-hydrate/action.yml', env });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    expect(treeDigest(root)).toEqual(Object.fromEntries(Object.entries(data).map(([k, v]) => [k, digestOf(v)])));
    expect(connections).toBeGreaterThan(0);
    expect(secretLeaks(run, SECRET)).toEqual([]);

    // Without the CA the certificate is refused: the failure names the endpoint, nothing is written.
    const untrusted = path.join(dir, 'untrusted');
    const refused = await runBundle('r2-hydrate', { action: 'actions/r2-hydrate/action.yml', env: { ...userEnv(untrusted), R2_ENDPOINT: endpoint } });
    expect(refused.code).not.toBe(0);
    expect(refused.errors).toEqual([expect.stringMatching(/^endpoint: the TLS certificate of https:\/\/localhost:\d+ is not trusted: self.signed certificate .*NODE_EXTRA_CA_CERTS/)]);
    expect(fs.existsSync(path.join(untrusted, 'trainingdata'))).toBe(false);
  } finally {
    for (const s of sockets) s.destroy();
    await new Promise((r) => front.close(r));
  }
});
