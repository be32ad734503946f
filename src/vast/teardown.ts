import type { GitHubRunners } from '../github/runners.js';
import type { Logger } from '../runtime/ports.js';
import type { VastClient } from './client.js';
import type { Instance } from './types.js';

export interface TeardownConfig {
  instanceId?: number;
  /** Used when the instance id is unknown (a provision job cancelled before writing outputs); a trailing * matches a prefix. */
  label?: string;
  runnerId?: number;
  runnerName?: string;
}

export interface TeardownResult {
  destroyed: number[];
  alreadyGone: number[];
  runtimeSeconds: number;
  costUsd: number;
  gpuName: string;
  runnersDeleted: string[];
}

function runtimeOf(inst: Instance | null, now: number): { seconds: number; cost: number } {
  if (!inst?.start_date) return { seconds: 0, cost: 0 };
  const seconds = Math.max(0, Math.round(now / 1000 - inst.start_date));
  return { seconds, cost: ((inst.dph_total ?? 0) * seconds) / 3600 };
}

/**
 * Destroys the instance (by id, else every instance carrying the label) and then the runner
 * registration. Idempotent: gone is done; empty inputs are "nothing to do", never an error.
 */
export async function teardown(cfg: TeardownConfig, deps: { vast: VastClient; github?: GitHubRunners; log: Logger; now?: () => number }): Promise<TeardownResult> {
  const { vast, github, log } = deps;
  const now = deps.now ?? Date.now;
  const result: TeardownResult = { destroyed: [], alreadyGone: [], runtimeSeconds: 0, costUsd: 0, gpuName: '', runnersDeleted: [] };
  let targets: Instance[] = [];
  if (cfg.instanceId !== undefined) {
    const inst = await vast.getInstance(cfg.instanceId);
    targets = [inst ?? { id: cfg.instanceId }];
  } else if (cfg.label) {
    // `<prefix>-<run>-<attempt>-*` matches every try of a run attempt (label is filterable by eq only).
    const prefix = cfg.label.endsWith('*') ? cfg.label.slice(0, -1) : undefined;
    targets = prefix ? (await vast.listInstances()).filter((i) => (i.label ?? '').startsWith(prefix)) : await vast.listInstances({ label: { eq: cfg.label } });
    log.info(`Found ${targets.length} instance(s) labelled ${cfg.label}`);
  } else log.info('No instance id and no label: nothing to destroy.');

  for (const inst of targets) {
    const { seconds, cost } = runtimeOf(inst, now());
    const outcome = await vast.destroyInstance(inst.id);
    (outcome === 'destroyed' ? result.destroyed : result.alreadyGone).push(inst.id);
    result.runtimeSeconds += seconds;
    result.costUsd += cost;
    if (inst.gpu_name) result.gpuName = inst.gpu_name;
    log.info(`Instance ${inst.id}: ${outcome}${seconds ? ` after ${(seconds / 60).toFixed(1)} min, about $${cost.toFixed(3)}` : ''}`);
  }

  if (github) {
    const ids: { id: number; name: string }[] = [];
    if (cfg.runnerId !== undefined) {
      const name = cfg.runnerName ?? (await github.getRunner(cfg.runnerId))?.name ?? `runner ${cfg.runnerId}`;
      ids.push({ id: cfg.runnerId, name });
    }
    else {
      const name = cfg.runnerName ?? cfg.label;
      if (name?.endsWith('*')) {
        for (const r of await github.listRunners()) if (r.name.startsWith(name.slice(0, -1))) ids.push({ id: r.id, name: r.name });
      } else if (name) for (const r of await github.listRunners(name)) ids.push({ id: r.id, name: r.name });
    }
    for (const r of ids) {
      const outcome = await github.deleteRunner(r.id);
      if (outcome === 'deleted') result.runnersDeleted.push(r.name);
      log.info(`Runner ${r.name}: ${outcome}`);
    }
  }
  return result;
}

export interface ReapConfig {
  labelPrefix: string;
  maxAgeSeconds: number;
  dryRun: boolean;
}

export interface ReapResult {
  examined: number;
  destroyed: { id: number; label: string; reason: string }[];
  kept: number;
  runnersDeleted: string[];
}

/** `<prefix>-<run id>-<attempt>[-<lane>]-<n>`: the run that owns an instance. */
export function ownerRun(label: string, prefix: string): string | undefined {
  const m = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)-(\\d+)-(?:\\d+-)?(\\d+)$`).exec(label);
  return m?.[1];
}

/**
 * The backstop: destroys every instance with our label prefix that is older than the maximum age
 * or whose workflow run has completed, and deletes offline runners with the prefix. Instances of
 * anyone else are never touched.
 */
export async function reap(cfg: ReapConfig, deps: { vast: VastClient; github?: GitHubRunners; log: Logger; now?: () => number }): Promise<ReapResult> {
  const { vast, github, log } = deps;
  const now = (deps.now ?? Date.now)();
  const all = await vast.listInstances();
  const ours = all.filter((i) => (i.label ?? '').startsWith(`${cfg.labelPrefix}-`));
  const result: ReapResult = { examined: all.length, destroyed: [], kept: 0, runnersDeleted: [] };
  const runStatus = new Map<string, string | null>();
  for (const inst of ours) {
    const label = inst.label ?? '';
    const age = inst.start_date ? now / 1000 - inst.start_date : Infinity;
    let reason: string | undefined;
    if (age > cfg.maxAgeSeconds) reason = `older than ${Math.round(cfg.maxAgeSeconds / 60)} min`;
    const run = ownerRun(label, cfg.labelPrefix);
    if (!reason && run && github) {
      if (!runStatus.has(run)) runStatus.set(run, await github.getRunStatus(run));
      if (runStatus.get(run) === 'completed') reason = `workflow run ${run} has completed`;
    }
    if (!reason) {
      result.kept++;
      continue;
    }
    log.info(`${cfg.dryRun ? '(dry run) would destroy' : 'Destroying'} instance ${inst.id} (${label}): ${reason}`);
    if (!cfg.dryRun) await vast.destroyInstance(inst.id);
    result.destroyed.push({ id: inst.id, label, reason });
  }
  if (github) {
    for (const r of await github.listRunners()) {
      if (!r.name.startsWith(`${cfg.labelPrefix}-`) || r.status !== 'offline' || r.busy) continue;
      // A provision in progress has an offline registration until its instance boots: only runs that are over.
      const run = ownerRun(r.name, cfg.labelPrefix);
      if (!run) continue;
      if (!runStatus.has(run)) runStatus.set(run, await github.getRunStatus(run));
      if (runStatus.get(run) !== 'completed') continue;
      log.info(`${cfg.dryRun ? '(dry run) would delete' : 'Deleting'} offline runner ${r.name} (run ${run} has completed)`);
      if (!cfg.dryRun) await github.deleteRunner(r.id, 0).catch((e: unknown) => log.warn(`runner ${r.name}: ${(e as Error).message}`));
      result.runnersDeleted.push(r.name);
    }
  }
  return result;
}
