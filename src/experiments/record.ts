import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { GpuSummary } from '../telemetry/gpu.js';

/** Versioned: a reader refuses a major it does not know; fields are only ever added within a major. */
export const RECORD_SCHEMA = 'marketsim.experiment/v1';
export const RECORD_FILE = 'experiment.json';

export type FailureKind = 'simulator' | 'infrastructure';

/** One lane's record, written next to its logs (`<prefix>marketsimulator/logs/<id>/experiment.json`). */
export interface ExperimentRecord {
  schema: typeof RECORD_SCHEMA;
  experimentId: string;
  lane?: string;
  config?: string;
  command?: string;
  /** 2 for the retry after an infrastructure failure (the failed attempt's logs: `attempt-1/`). */
  attempt?: number;
  outcome: {
    status: 'running' | 'succeeded' | 'failed' | 'cancelled';
    exitCode?: number;
    /** simulator: the command's own non-zero exit; infrastructure: anything around it (hydrate, host, runner). */
    failure?: FailureKind;
    message?: string;
  };
  github?: { repository?: string; commit?: string; ref?: string; workflow?: string; runId?: string; attempt?: string; runUrl?: string; actor?: string };
  image?: { ref: string; digest?: string };
  /** Per data folder: what was hydrated, and the manifest hash that names the exact data. */
  data: { folder: string; objects: number; downloaded: number; bytes: number }[];
  manifestHash?: string;
  host?: HostFacts;
  gpu?: GpuSummary;
  /** `destroyed` is added by the experiment report from the lane's teardown (after the record was uploaded). */
  timestamps: Partial<Record<'queued' | 'rented' | 'runnerOnline' | 'destroyed' | 'hydrateStart' | 'hydrateEnd' | 'commandStart' | 'commandEnd' | 'persistEnd', string>>;
  /** USD: $/h of the offer x the time from rented to the last timestamp (the instance is destroyed right after). */
  costUsd?: number;
}

/** What vast-provision knows about the rented machine (its `host` output, passed as MARKETSIM_HOST). */
export interface HostFacts {
  instanceId?: number;
  offerId?: number;
  gpuName?: string;
  numGpus?: number;
  machineId?: number;
  hostId?: number;
  location?: string;
  usdPerHour?: number;
  cuda?: number;
  driver?: string;
  queuedAt?: string;
  rentedAt?: string;
  onlineAt?: string;
}

export function recordPath(logDir: string): string {
  return path.join(logDir, RECORD_FILE);
}

/** The GitHub facts of this run, from the runner's own variables. */
export function githubFacts(env: NodeJS.ProcessEnv): ExperimentRecord['github'] | undefined {
  if (!env.GITHUB_REPOSITORY) return undefined;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    repository: env.GITHUB_REPOSITORY,
    commit: env.GITHUB_SHA,
    ref: env.GITHUB_REF,
    workflow: env.GITHUB_WORKFLOW,
    runId: env.GITHUB_RUN_ID,
    attempt: env.GITHUB_RUN_ATTEMPT,
    runUrl: env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/attempts/${env.GITHUB_RUN_ATTEMPT ?? '1'}` : undefined,
    actor: env.GITHUB_ACTOR,
  };
}

export function parseHostFacts(json: string | undefined): HostFacts | undefined {
  if (!json) return undefined;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' ? (v as HostFacts) : undefined;
  } catch {
    return undefined;
  }
}

export function costOf(r: ExperimentRecord): number | undefined {
  const rate = r.host?.usdPerHour;
  const from = r.host?.rentedAt ?? r.timestamps.rented;
  const to = r.timestamps.persistEnd ?? r.timestamps.commandEnd ?? r.timestamps.hydrateEnd;
  if (rate === undefined || !from || !to) return undefined;
  return Math.round(((rate * Math.max(0, Date.parse(to) - Date.parse(from))) / 3_600_000) * 10_000) / 10_000;
}

/** Writes the record atomically (temp + rename): a reader never sees half a file. */
export function writeRecord(logDir: string, r: ExperimentRecord): void {
  writeFileAtomic(recordPath(logDir), `${JSON.stringify({ ...r, costUsd: costOf(r) }, null, 2)}\n`);
}

export function readRecord(logDir: string): ExperimentRecord | undefined {
  try {
    return parseRecord(fs.readFileSync(recordPath(logDir), 'utf8'));
  } catch {
    return undefined;
  }
}

export function parseRecord(text: string): ExperimentRecord {
  const r = JSON.parse(text) as ExperimentRecord;
  const major = /^marketsim\.experiment\/v(\d+)$/.exec(r.schema ?? '')?.[1];
  if (major !== '1') throw new Error(`not an experiment record this version reads (schema ${String(r.schema)}; expected ${RECORD_SCHEMA})`);
  return r;
}
