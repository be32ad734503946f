/**
 * `npm run bench`: our transfers against `aws s3 sync` and rclone on the same local data, side by
 * side in one run (alternating tools, 3 rounds), printed as medians and ratios. Not part of npm test.
 * BENCH_SCALE scales the data set (1 = about 1.6 GB, the shape of the market data).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startS3 } from '../test/emulators/s3-server.js';

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? '3');
const root = path.resolve('.bench/run');
const CLI = path.resolve('dist/cli/index.js');
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

function plan(): { key: string; size: number }[] {
  const n = (k: number): number => Math.max(1, Math.round(k * SCALE));
  const files: { key: string; size: number }[] = [];
  const rnd = (i: number, lo: number, hi: number): number => lo + ((i * 7919) % (hi - lo));
  for (let i = 0; i < n(2000); i++) files.push({ key: `trainingdata/T${i}.csv`, size: rnd(i, 4096, 65536) });
  for (let i = 0; i < n(500); i++) files.push({ key: `trainingdatadaily/D${i}.csv`, size: rnd(i, 65536, 524288) });
  for (let i = 0; i < n(300); i++) files.push({ key: `trainingdatahourly/H${i}.csv`, size: 1048576 + (i % 97) });
  for (let i = 0; i < 4; i++) files.push({ key: `compiled_models/m${i}.bin`, size: Math.round(256 * 1048576 * Math.min(1, SCALE)) });
  for (let i = 0; i < n(20); i++) files.push({ key: `hyperparams/p${i}.json`, size: 200 + i });
  return files;
}

function measure(cmd: string[], env: NodeJS.ProcessEnv, serverPid: number): Sample {
  const before = processCpu(serverPid);
  const out = spawnSync('python3', [MEASURE, ...cmd], { env, encoding: 'utf8' });
  const s = JSON.parse(out.stdout.trim().split('\n').pop() ?? '{}') as Sample;
  if (s.code !== 0) throw new Error(`${cmd.join(' ')} exited ${s.code}: ${out.stderr}`);
  s.serverCpu = processCpu(serverPid) - before;
  return s;
}

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

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  ensurePeers();
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const s3 = await startS3();
  try {
    await s3.createBucket('models');
    const files = plan();
    const totalBytes = files.reduce((n, f) => n + f.size, 0);
    console.log(`Seeding ${files.length} objects, ${(totalBytes / 1e9).toFixed(2)} GB into s3rver at ${s3.endpoint} ...`);
    for (let i = 0; i < files.length; i += 16) {
      await Promise.all(files.slice(i, i + 16).map((f, j) => s3.put('models', `stock/${f.key}`, filler(f.size, i + j + 1))));
    }

    const awsConfig = path.join(root, 'aws-config');
    fs.writeFileSync(awsConfig, '[default]\nregion = us-east-1\ns3 =\n  addressing_style = path\n  max_concurrent_requests = 10\n');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      R2_ENDPOINT: s3.endpoint,
      R2_ACCESS_KEY_ID: 'S3RVER',
      R2_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: awsConfig,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      RCLONE_CONFIG_BENCH_TYPE: 's3',
      RCLONE_CONFIG_BENCH_PROVIDER: 'Other',
      RCLONE_CONFIG_BENCH_ACCESS_KEY_ID: 'S3RVER',
      RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY: 'S3RVER',
      RCLONE_CONFIG_BENCH_ENDPOINT: s3.endpoint,
      RCLONE_CONFIG_BENCH_REGION: 'us-east-1',
      RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE: 'true',
    };
    const rcloneFlags = ['--fast-list', '--transfers', '16', '--checkers', '16', '--multi-thread-streams', '8', '--multi-thread-cutoff', '64M', '--use-server-modtime'];
    const tools: Record<string, (dest: string) => string[]> = {
      marketsim: (dest) => ['node', CLI, 'hydrate', '--quiet', '--local-root', dest],
      'aws s3 sync': (dest) => ['/usr/bin/aws', '--endpoint-url', s3.endpoint, 's3', 'sync', 's3://models/stock/', dest, '--only-show-errors'],
      rclone: (dest) => ['rclone', 'copy', 'bench:models/stock', dest, ...rcloneFlags],
    };
    const rcloneEnv = { ...env };
    delete rcloneEnv.AWS_CA_BUNDLE;
    const results: Record<string, { full: Sample[]; noop: Sample[] }> = {};
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [tool, cmd] of Object.entries(tools)) {
        const dest = path.join(root, `dl-${tool.replace(/\W/g, '')}`);
        fs.rmSync(dest, { recursive: true, force: true });
        const full = measure(cmd(dest), tool === 'rclone' ? rcloneEnv : env, s3.pid);
        const got = treeStats(dest);
        if (got.files !== files.length || got.bytes !== totalBytes) throw new Error(`${tool}: got ${got.files} files / ${got.bytes} bytes`);
        const noop = measure(cmd(dest), tool === 'rclone' ? rcloneEnv : env, s3.pid);
        (results[tool] ??= { full: [], noop: [] }).full.push(full);
        results[tool].noop.push(noop);
        console.log(`round ${round} ${tool.padEnd(12)} full ${full.wall.toFixed(2)} s  no-op ${noop.wall.toFixed(2)} s`);
      }
    }

    // Upload: a log folder of many small files plus a few large ones.
    const logDir = path.join(root, 'logs');
    const logFiles: { rel: string; size: number }[] = [];
    for (let i = 0; i < Math.max(1, Math.round(1000 * SCALE)); i++) logFiles.push({ rel: `steps/s${i}.log`, size: 2048 + ((i * 131) % 30000) });
    for (let i = 0; i < 3; i++) logFiles.push({ rel: `checkpoints/c${i}.bin`, size: Math.round(64 * 1048576 * Math.min(1, SCALE)) });
    for (const [i, f] of logFiles.entries()) {
      fs.mkdirSync(path.dirname(path.join(logDir, f.rel)), { recursive: true });
      fs.writeFileSync(path.join(logDir, f.rel), filler(f.size, 10_000 + i));
    }
    const logBytes = logFiles.reduce((n, f) => n + f.size, 0);
    const uploads: Record<string, Sample[]> = {};
    const upTools: Record<string, (id: string) => string[]> = {
      marketsim: (id) => ['node', CLI, 'persist-logs', '--quiet', '--local-root', root, '--log-dir', 'logs', '--experiment-id', id],
      'aws s3 sync': (id) => ['/usr/bin/aws', '--endpoint-url', s3.endpoint, 's3', 'sync', logDir, `s3://models/stock/marketsimulator/logs/${id}/`, '--only-show-errors'],
      rclone: (id) => ['rclone', 'copy', logDir, `bench:models/stock/marketsimulator/logs/${id}`, '--transfers', '16', '--checkers', '16'],
    };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [tool, cmd] of Object.entries(upTools)) {
        const s = measure(cmd(`bench-${tool.replace(/\W/g, '')}-${round}`), tool === 'rclone' ? rcloneEnv : env, s3.pid);
        (uploads[tool] ??= []).push(s);
        console.log(`round ${round} ${tool.padEnd(12)} upload ${s.wall.toFixed(2)} s`);
      }
    }

    const row = (name: string, xs: Sample[], bytes: number): string[] => {
      const w = median(xs.map((x) => x.wall));
      return [
        name,
        `${w.toFixed(2)} s`,
        bytes ? `${(bytes / 1e6 / w).toFixed(0)} MB/s` : '',
        `${median(xs.map((x) => x.cpu)).toFixed(1)} s`,
        `${median(xs.map((x) => x.rssMb)).toFixed(0)} MB`,
        `${median(xs.map((x) => x.serverCpu)).toFixed(1)} s`,
      ];
    };
    const table = (title: string, rows: string[][]): void => {
      console.log(`\n${title}\n| tool | median wall | throughput | client CPU | peak RSS | s3rver CPU |\n|---|---|---|---|---|---|`);
      for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    };
    const ratio = (kind: 'full' | 'noop'): string =>
      ['aws s3 sync', 'rclone'].map((t) => `${t} / marketsim = ${(median(results[t]![kind].map((x) => x.wall)) / median(results.marketsim![kind].map((x) => x.wall))).toFixed(2)}x`).join(', ');
    console.log(`\nData: ${files.length} objects, ${(totalBytes / 1e9).toFixed(2)} GB; ${ROUNDS} rounds, medians; ${os.cpus().length} cores.`);
    table('Full download', Object.entries(results).map(([t, r]) => row(t, r.full, totalBytes)));
    console.log(`Speed-up: ${ratio('full')}`);
    table('No-op re-sync', Object.entries(results).map(([t, r]) => row(t, r.noop, 0)));
    console.log(`Speed-up: ${ratio('noop')}`);
    table(`Log upload (${logFiles.length} files, ${(logBytes / 1e6).toFixed(0)} MB)`, Object.entries(uploads).map(([t, r]) => row(t, r, logBytes)));
    console.log(
      `Speed-up: ${['aws s3 sync', 'rclone'].map((t) => `${t} / marketsim = ${(median(uploads[t]!.map((x) => x.wall)) / median(uploads.marketsim!.map((x) => x.wall))).toFixed(2)}x`).join(', ')}`,
    );
  } finally {
    await s3.stop();
    if (!process.env.BENCH_KEEP) fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
