import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the GPU did while the command ran, from `nvidia-smi` samples. */
export interface GpuSummary {
  samples: number;
  gpus: number;
  /** Mean and peak utilisation over all GPUs and samples, in percent. */
  utilMean: number;
  utilPeak: number;
  /** Peak memory in use on any GPU, MiB. */
  memPeakMib: number;
  powerPeakW: number;
  tempPeakC: number;
  /** Share of samples (0..1) with every GPU under 5 % busy. */
  idleShare: number;
  driverVersion?: string;
  /** True when the GPU sat idle most of the run: money spent for nothing. */
  mostlyIdle: boolean;
}

export interface GpuSampler {
  stop(): Promise<GpuSummary | undefined>;
}

const QUERY = 'index,utilization.gpu,memory.used,memory.total,power.draw,temperature.gpu,driver_version';
export const GPU_CSV_HEADER = 'time,gpu,utilization_pct,memory_used_mib,memory_total_mib,power_w,temperature_c';

const none: GpuSampler = { stop: async () => undefined };

function onPath(cmd: string, env: NodeJS.ProcessEnv): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { env, stdio: 'ignore' }).status === 0;
}

const num = (s: string | undefined): number => {
  const n = Number((s ?? '').trim());
  return Number.isFinite(n) ? n : NaN;
};

/**
 * Samples every GPU every `intervalS` seconds into `<logDir>/gpu.csv` while the command runs, with
 * `nvidia-smi --query-gpu ... -l`. Where there is no nvidia-smi (the demo, a laptop) there is no
 * sampler and no error.
 */
export function startGpuSampler(logDir: string, opts: { intervalS?: number; env?: NodeJS.ProcessEnv } = {}): GpuSampler {
  const env = opts.env ?? process.env;
  if (!onPath('nvidia-smi', env)) return none;
  fs.mkdirSync(logDir, { recursive: true });
  const csv = fs.createWriteStream(path.join(logDir, 'gpu.csv'));
  csv.write(`${GPU_CSV_HEADER}\n`);
  let child: ChildProcess;
  try {
    child = spawn('nvidia-smi', [`--query-gpu=${QUERY}`, '--format=csv,noheader,nounits', '-l', String(opts.intervalS ?? 5)], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    csv.end();
    return none;
  }
  child.on('error', () => undefined);
  const perTick = new Map<string, number[]>();
  let samples = 0;
  let utilSum = 0;
  let utilN = 0;
  let utilPeak = 0;
  let memPeak = 0;
  let powerPeak = 0;
  let tempPeak = 0;
  let driver: string | undefined;
  const gpus = new Set<string>();
  let rest = '';
  child.stdout!.on('data', (d: Buffer) => {
    const lines = (rest + d.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const f = line.split(',').map((x) => x.trim());
      if (f.length < 6 || !/^\d+$/.test(f[0] ?? '')) continue;
      const [gpu, util, memUsed, memTotal, power, temp] = [f[0]!, num(f[1]), num(f[2]), num(f[3]), num(f[4]), num(f[5])];
      driver ??= f[6];
      const t = new Date().toISOString();
      csv.write(`${t},${gpu},${util},${memUsed},${memTotal},${power},${temp}\n`);
      gpus.add(gpu);
      samples++;
      if (Number.isFinite(util)) {
        utilSum += util;
        utilN++;
        utilPeak = Math.max(utilPeak, util);
        // One tick = one line per GPU at the same second.
        const tick = t.slice(0, 19);
        perTick.set(tick, [...(perTick.get(tick) ?? []), util]);
      }
      if (Number.isFinite(memUsed)) memPeak = Math.max(memPeak, memUsed);
      if (Number.isFinite(power)) powerPeak = Math.max(powerPeak, power);
      if (Number.isFinite(temp)) tempPeak = Math.max(tempPeak, temp);
    }
  });
  return {
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('close', () => r())));
      await new Promise<void>((r) => csv.end(r));
      if (samples === 0) return undefined;
      const ticks = [...perTick.values()];
      const idle = ticks.filter((u) => u.every((x) => x < 5)).length;
      const idleShare = ticks.length ? idle / ticks.length : 0;
      return {
        samples,
        gpus: gpus.size,
        utilMean: utilN ? Math.round((utilSum / utilN) * 10) / 10 : 0,
        utilPeak,
        memPeakMib: memPeak,
        powerPeakW: powerPeak,
        tempPeakC: tempPeak,
        idleShare: Math.round(idleShare * 1000) / 1000,
        ...(driver ? { driverVersion: driver } : {}),
        mostlyIdle: ticks.length >= 3 && idleShare > 0.5,
      };
    },
  };
}
