import { GitHubRunners } from '../../github/runners.js';
import { InputReader, type Env } from '../../inputs/reader.js';
import { parseDuration, readGitHub, readLabelPrefix, readVastConnection } from '../../inputs/vast-inputs.js';
import type { Runtime } from '../../runtime/ports.js';
import { VastClient } from '../../vast/client.js';
import { labelProblem, reap, teardown, type ReapResult, type TeardownResult } from '../../vast/teardown.js';

export const TEARDOWN_OUTPUTS = ['destroyed', 'runtime-seconds', 'cost-usd', 'gpu-name'] as const;

function optionalId(r: InputReader, name: string): number | undefined {
  const raw = r.string(name, {});
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) r.problem(name, `expected a numeric id, got '${raw}'`);
  return Number(raw);
}

export function readTeardownInputs(env: Env, mask: (s: string) => void) {
  const r = new InputReader(env);
  const vast = readVastConnection(r, mask);
  const github = readGitHub(r, env, mask, false);
  const mode = r.oneOf('mode', ['destroy', 'reap'] as const, { default: 'destroy' });
  const labelPrefix = readLabelPrefix(r);
  // Anchored: only this prefix's grammar; `*`, `m*` or another prefix would reach instances this run never rented.
  const anchored = (name: string): string | undefined => {
    const v = r.string(name, {});
    const bad = v === undefined ? undefined : labelProblem(v, labelPrefix);
    if (bad) r.problem(name, bad);
    return v;
  };
  const destroy = { instanceId: optionalId(r, 'instance-id'), label: anchored('label'), runnerId: optionalId(r, 'runner-id'), runnerName: anchored('runner-name') };
  if (mode === 'destroy' && env.MARKETSIM_REQUIRE_TARGET === 'true' && destroy.instanceId === undefined && !destroy.label) {
    r.problem('instance-id', 'give instance-id or label (nothing to destroy otherwise)');
  }
  return {
    r,
    mode,
    vast,
    github,
    destroy,
    // Younger than 10 minutes is a healthy boot, never an orphan.
    reapCfg: { labelPrefix, maxAgeSeconds: parseDuration(r, 'max-age', '6h', { min: 600, max: 30 * 86400 }), dryRun: r.bool('dry-run', { default: false }) },
  };
}

/** vast-teardown: destroy one run's GPU (by id, else by label) and its runner, or reap every stale one. */
export async function teardownStep(rt: Runtime, env: Env): Promise<TeardownResult | ReapResult> {
  const { r, mode, vast: v, github: g, destroy, reapCfg } = readTeardownInputs(env, (s) => rt.mask(s));
  r.finish();
  const vast = new VastClient({ baseUrl: v.apiUrl, apiKey: v.apiKey, onRetry: (m) => rt.log.info(m) });
  const github = g ? new GitHubRunners({ apiUrl: g.apiUrl, token: g.token, scope: g.scope, onRetry: (m) => rt.log.info(m) }) : undefined;
  if (mode === 'reap') {
    const res = await reap(reapCfg, { vast, github, log: rt.log });
    rt.setOutput('destroyed', res.destroyed.length);
    rt.setOutput('runtime-seconds', 0);
    rt.setOutput('cost-usd', 0);
    rt.setOutput('gpu-name', '');
    await rt.writeSummary({
      heading: `vast-teardown (reap${reapCfg.dryRun ? ', dry run' : ''})`,
      lines: [`Examined ${res.examined} instances; ${res.destroyed.length} ${reapCfg.dryRun ? 'would be' : ''} destroyed, ${res.kept} of ours kept; ${res.runnersDeleted.length} offline runners removed.`],
      tables: res.destroyed.length ? [{ title: 'Destroyed', header: ['instance', 'label', 'reason'], rows: res.destroyed.map((d) => [String(d.id), d.label, d.reason]) }] : [],
    });
    return res;
  }
  const res = await teardown(destroy, { vast, github, log: rt.log });
  rt.setOutput('destroyed', res.destroyed.length);
  rt.setOutput('runtime-seconds', res.runtimeSeconds);
  rt.setOutput('cost-usd', res.costUsd.toFixed(4));
  rt.setOutput('gpu-name', res.gpuName);
  await rt.writeSummary({
    heading: 'vast-teardown',
    lines: [
      res.destroyed.length || res.alreadyGone.length
        ? `Instance(s) ${[...res.destroyed, ...res.alreadyGone].join(', ')}: ${res.destroyed.length} destroyed now, ${res.alreadyGone.length} already gone.`
        : 'Nothing to destroy.',
    ],
    tables: [{ title: 'Cost', header: ['GPU', 'runtime', 'cost (USD)', 'runners removed'], rows: [[res.gpuName || '-', `${(res.runtimeSeconds / 60).toFixed(1)} min`, res.costUsd.toFixed(4), res.runnersDeleted.join(', ') || '-']] }],
  });
  return res;
}
