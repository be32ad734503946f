import type { GitHubRunners } from '../github/runners.js';
import type { Logger } from '../runtime/ports.js';
import type { VastClient } from './client.js';
import { LABEL_PREFIX } from './provision.js';
import type { Instance } from './types.js';

export interface TeardownConfig {
  instanceId?: number;
  /**
   * The run's label: exact (`<prefix>-<run>-<attempt>[-<lane>]-<try>`) or every try of a run attempt
   * (`<prefix>-<run>-<attempt>[-<lane>]-*`); see labelMatcher. Used together with instanceId, never instead.
   */
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

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Why a label (pattern) is not one of ours, or undefined when it is. Only `<prefix>-<run id>-<attempt>-`
 * followed by an optional lane and a try number (or `*` for every try) may be destroyed by label:
 * `*`, `m*`, an empty or another prefix would reach instances this run never rented.
 */
export function labelProblem(label: string, prefix: string): string | undefined {
  if (!LABEL_PREFIX.test(prefix)) return `label-prefix '${prefix}' is not a valid prefix`;
  const ok = new RegExp(`^${escapeRe(prefix)}-\\d+-\\d+-(?:\\d+-)?(?:\\d+|\\*)$`);
  if (ok.test(label)) return undefined;
  return `'${label}' is not ${prefix}-<run id>-<attempt>[-<lane>]-<try> or ${prefix}-<run id>-<attempt>[-<lane>]-*`;
}

/** Matches labels (and runner names) against an exact label or an anchored `...-*` pattern. */
export function labelMatcher(label: string): (candidate: string) => boolean {
  if (!label.endsWith('*')) return (c) => c === label;
  const head = label.slice(0, -1);
  // `-*` stands for the rest of our grammar only: a try number, or a lane and a try number.
  const re = new RegExp(`^${escapeRe(head)}\\d+(?:-\\d+)?$`);
  return (c) => re.test(c);
}

/**
 * Destroys the instance by id AND every instance carrying the run's label (a try whose destroy failed
 * is found even when a later try wrote instance-id), then removes the runner registrations. Idempotent:
 * gone is done; empty inputs are "nothing to do", never an error.
 */
export async function teardown(cfg: TeardownConfig, deps: { vast: VastClient; github?: GitHubRunners; log: Logger; now?: () => number }): Promise<TeardownResult> {
  const { vast, github, log } = deps;
  const now = deps.now ?? Date.now;
  const result: TeardownResult = { destroyed: [], alreadyGone: [], runtimeSeconds: 0, costUsd: 0, gpuName: '', runnersDeleted: [] };
  const targets = new Map<number, Instance>();
  const errors: string[] = [];
  if (cfg.instanceId !== undefined) {
    try {
      const inst = await vast.getInstance(cfg.instanceId);
      targets.set(cfg.instanceId, inst ?? { id: cfg.instanceId });
      if (!inst) log.info(`Instance ${cfg.instanceId} is not (or no longer) on this account`);
    } catch (e) {
      // Still try the destroy itself: it is what matters.
      targets.set(cfg.instanceId, { id: cfg.instanceId });
      errors.push(`look-up of ${cfg.instanceId}: ${(e as Error).message}`);
    }
  }
  if (cfg.label) {
    const match = labelMatcher(cfg.label);
    try {
      const found = cfg.label.endsWith('*') ? (await vast.listInstances()).filter((i) => match(i.label ?? '')) : await vast.listInstances({ label: { eq: cfg.label } });
      for (const i of found) if (match(i.label ?? '')) targets.set(i.id, i);
      log.info(`Found ${found.length} instance(s) labelled ${cfg.label}`);
    } catch (e) {
      errors.push(`listing by label ${cfg.label}: ${(e as Error).message}`);
    }
  }
  if (cfg.instanceId === undefined && !cfg.label) log.info('No instance id and no label: nothing to destroy.');

  for (const inst of targets.values()) {
    const { seconds, cost } = runtimeOf(inst, now());
    let outcome: 'destroyed' | 'already gone';
    try {
      outcome = await vast.destroyInstance(inst.id);
    } catch (e) {
      errors.push(`destroy ${inst.id}: ${(e as Error).message}`);
      continue;
    }
    (outcome === 'destroyed' ? result.destroyed : result.alreadyGone).push(inst.id);
    result.runtimeSeconds += seconds;
    result.costUsd += cost;
    if (inst.gpu_name) result.gpuName = inst.gpu_name;
    log.info(`Instance ${inst.id}: ${outcome}${seconds ? ` after ${(seconds / 60).toFixed(1)} min, about $${cost.toFixed(3)}` : ''}`);
  }

  if (github) {
    const ids = new Map<number, string>();
    try {
      if (cfg.runnerId !== undefined) ids.set(cfg.runnerId, cfg.runnerName ?? (await github.getRunner(cfg.runnerId))?.name ?? `runner ${cfg.runnerId}`);
      // Each destroyed instance's label is its runner's name (provision names both alike).
      const instanceLabels = [...targets.values()].map((i) => i.label ?? '').filter((l) => l && l !== cfg.label);
      for (const name of [cfg.runnerName, cfg.label, ...instanceLabels]) {
        if (!name) continue;
        const match = labelMatcher(name);
        const listed = name.endsWith('*') ? await github.listRunners() : await github.listRunners(name);
        for (const r of listed) if (match(r.name)) ids.set(r.id, r.name);
      }
      for (const [id, name] of ids) {
        const outcome = await github.deleteRunner(id);
        if (outcome === 'deleted') result.runnersDeleted.push(name);
        log.info(`Runner ${name}: ${outcome}`);
      }
    } catch (e) {
      log.warn(`Runner registrations were not all removed (${(e as Error).message}); GitHub removes offline JIT runners itself, and the reaper retries.`);
    }
  }
  // Every destroy was attempted before failing: one bad answer never spares the others.
  if (errors.length) throw new Error(`Teardown incomplete: ${errors.join('; ')}. The reaper and the instance's watchdog remain.`);
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
  const m = new RegExp(`^${escapeRe(prefix)}-(\\d+)-(\\d+)-(?:\\d+-)?(\\d+)$`).exec(label);
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
    const runners = await github.listRunners();
    // The registrations of the instances just destroyed go in the same pass, busy or not: their machine is gone.
    const destroyedLabels = new Set(result.destroyed.map((d) => d.label));
    for (const r of runners) {
      if (!destroyedLabels.has(r.name)) continue;
      log.info(`${cfg.dryRun ? '(dry run) would delete' : 'Deleting'} runner ${r.name} (its instance was destroyed)`);
      if (!cfg.dryRun) await github.deleteRunner(r.id, 30_000).catch((e: unknown) => log.warn(`runner ${r.name}: ${(e as Error).message}`));
      result.runnersDeleted.push(r.name);
    }
    for (const r of runners) {
      if (destroyedLabels.has(r.name)) continue;
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
