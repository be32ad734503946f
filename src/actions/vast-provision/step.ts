import { credentialsForHost, type HostStorage } from '../../cloudflare/scoped-storage.js';
import { GitHubRunners } from '../../github/runners.js';
import { readHostStorage } from '../../inputs/host-storage-inputs.js';
import { InputReader, type Env } from '../../inputs/reader.js';
import { parseDuration, readEnvLines, readLabelPrefix, readGitHub, readNumber, readOfferFilters, readRunBudget, readVastConnection, RUNNER_PIN, runnerUrl } from '../../inputs/vast-inputs.js';
import { formatSeconds } from '../../runtime/format.js';
import type { Runtime, SummaryDoc } from '../../runtime/ports.js';
import { BOOTSTRAP_SH } from '../../vast/bootstrap-script.js';
import { VastClient } from '../../vast/client.js';
import { chunkHostEnv } from '../../vast/host-env.js';
import { countryOf } from '../../vast/offers.js';
import { provision, ProvisionError, runnerLabel, type ProvisionConfig, type ProvisionResult, type TryReport } from '../../vast/provision.js';

export const PROVISION_OUTPUTS = ['instance-id', 'offer-id', 'runner-label', 'runner-name', 'runner-id', 'ssh-url', 'public-ip', 'gpu-name', 'dph', 'label', 'host', 'machines'] as const;
export const STATE_INSTANCE = 'instance-id';
export const STATE_RUNNER = 'runner-id';
export const STATE_DONE = 'provisioned';
export const STATE_LABEL = 'label';
/** Every try's label of this run attempt (and lane): saved before anything is rented, for the post step. */
export const STATE_LABEL_PATTERN = 'label-pattern';
/** Minted credentials outlive the instance's watchdog by this much, never less. */
const TTL_MARGIN_S = 15 * 60;

export function readProvisionInputs(env: Env, mask: (s: string) => void) {
  const r = new InputReader(env);
  const vast = readVastConnection(r, mask);
  const github = readGitHub(r, env, mask, true);
  const offerRaw = r.string('offer-id', {});
  const offerId = offerRaw === undefined ? undefined : Number(offerRaw);
  if (offerRaw !== undefined && !/^\d+$/.test(offerRaw)) r.problem('offer-id', `expected a numeric offer id such as 27097509, got '${offerRaw}'`);
  const { maxAttempts, ...filters } = readOfferFilters(r);
  const image = r.required('image', { env: ['IMAGE_REF'], hint: 'the image to run, ideally name@digest from build-push-image' });
  // The host's Docker daemon keeps this login: a pull-only credential, never the push one (REGISTRY_USERNAME/PASSWORD).
  const imageUser = r.string('image-username', { env: ['REGISTRY_PULL_USERNAME'] });
  const imagePassword = r.string('image-password', { env: ['REGISTRY_PULL_PASSWORD'] });
  if (imagePassword) mask(imagePassword);
  if ((imageUser && !imagePassword) || (!imageUser && imagePassword)) r.problem('image-username', 'give image-username and image-password together');
  if (`${imageUser ?? ''}${imagePassword ?? ''}`.includes(' ')) r.problem('image-password', 'Vast passes registry credentials space-separated; they may not contain spaces');
  const registry = image.includes('/') && /[.:]/.test(image.split('/')[0] ?? '') ? image.split('/')[0]! : 'docker.io';
  const userEnv = readEnvLines(r, 'env');
  const labelPrefix = readLabelPrefix(r);
  const lane = r.string('lane', {});
  if (lane !== undefined && !/^\d{1,4}$/.test(lane)) r.problem('lane', `expected a small number (the matrix index), got '${lane}'`);
  const runnerGroupId = r.int('runner-group-id', { default: 1, min: 1, max: 1_000_000 });
  const extraLabels = r.list('runner-labels', {});
  const runnerVersion = r.string('runner-version', { default: RUNNER_PIN.version }) ?? RUNNER_PIN.version;
  const runnerSha = r.string('runner-sha256', {}) ?? (runnerVersion === RUNNER_PIN.version ? RUNNER_PIN.sha256 : undefined);
  if (!runnerSha) r.problem('runner-sha256', `required with runner-version ${runnerVersion} (the pinned ${RUNNER_PIN.version} carries its own)`);
  else if (!/^[0-9a-f]{64}$/.test(runnerSha)) r.problem('runner-sha256', 'expected 64 hex characters');
  const minBalance = readNumber(r, 'min-balance', { min: 0, max: 1_000_000 });
  const waitTimeout = parseDuration(r, 'wait-timeout', '15m', { min: 60, max: 2 * 3600 });
  const runnerTimeout = parseDuration(r, 'runner-timeout', '10m', { min: 60, max: 3600 });
  const { jobGrace, maxLifetime, spendCap } = readRunBudget(r);
  const hostStorage = readHostStorage(r, mask, maxLifetime + TTL_MARGIN_S);
  const cfg: ProvisionConfig = {
    offerId,
    filters,
    maxAttempts,
    image,
    imageLogin: imageUser && imagePassword ? `-u ${imageUser} -p ${imagePassword} ${registry}` : undefined,
    env: {
      ...userEnv,
      MARKETSIM_RUNNER_URL: runnerUrl(runnerVersion),
      MARKETSIM_RUNNER_SHA256: runnerSha ?? '',
      MARKETSIM_MAX_LIFETIME: String(Math.round(maxLifetime)),
      MARKETSIM_JOB_GRACE: String(Math.round(jobGrace)),
    },
    onstart: BOOTSTRAP_SH,
    labelPrefix,
    lane,
    runId: env.GITHUB_RUN_ID ?? String(Math.floor(Date.now() / 1000)),
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    runnerGroupId,
    extraLabels,
    minBalance,
    spendCap,
    waitTimeoutMs: waitTimeout * 1000,
    runnerTimeoutMs: runnerTimeout * 1000,
    pollMs: Number(env.MARKETSIM_POLL_MS ?? 5000),
    maxPollMs: Math.max(Number(env.MARKETSIM_POLL_MS ?? 5000), 15_000),
  };
  const labelPattern = runnerLabel(labelPrefix, cfg.runId, cfg.runAttempt, '*', lane);
  return { r, cfg, vast, github: github!, hostStorage, labelPattern };
}

/** Mints (or takes) the host's scoped storage credentials and packs them for the instance environment; everything masked first. */
async function deliverStorage(cfg: NonNullable<ReturnType<typeof readProvisionInputs>['hostStorage']>, rt: Runtime): Promise<{ env: Record<string, string>; storage: HostStorage }> {
  const storage = await credentialsForHost({ ...cfg, mint: cfg.mint && { ...cfg.mint, onRetry: (m) => rt.log.info(m) } });
  for (const k of ['accessKeyId', 'secretAccessKey', 'sessionToken'] as const) {
    for (const p of [storage.read, storage.logs]) if (p[k]) rt.mask(p[k]!);
  }
  const env = chunkHostEnv(storage.vars);
  for (const [k, v] of Object.entries(env)) if (!k.endsWith('COUNT')) rt.mask(v);
  rt.log.info(
    `Storage for the host (${storage.how}): read-only on ${cfg.dataDirs.map((d) => `${cfg.prefix}${d}/`).join(', ')} in ${cfg.bucket}; read-write on ${cfg.logsBucket}/${cfg.logsPrefix}` +
      (storage.expiresAt ? `; expiring ${storage.expiresAt}` : ''),
  );
  return { env, storage };
}

/** The machines tried (comma-separated), for a retry's exclude-machines. */
function machinesOf(tries: TryReport[]): string {
  return [...new Set(tries.map((t) => t.machineId).filter((m): m is number => m !== undefined))].join(',');
}

function trySummary(tries: TryReport[]): string[][] {
  return tries.map((t, i) => [String(i + 1), String(t.offerId), t.instanceId ? String(t.instanceId) : '-', t.result, t.reason ?? '', formatSeconds(t.ms)]);
}

export function provisionSummary(r: ProvisionResult | undefined, tries: TryReport[], error?: string): SummaryDoc {
  const lines: string[] = [];
  if (r) {
    const o = r.offer;
    lines.push(
      `Rented **${o.gpu_name}** x${o.num_gpus} on offer ${o.id} (${o.geolocation ?? '?'}) at **$${o.dph_total.toFixed(3)}/h**, reliability ${o.reliability2?.toFixed(3) ?? '?'}; ` +
        `instance ${r.instanceId}, runner \`${r.label}\`.`,
      `Running after ${formatSeconds(r.msToRunning)}; runner online after ${formatSeconds(r.msToOnline)}; ${r.offersConsidered} offers considered.`,
    );
  } else lines.push(`**No GPU rented**: ${error ?? 'unknown error'}`);
  return { heading: 'vast-provision', lines, tables: tries.length ? [{ title: 'Tries', header: ['#', 'offer', 'instance', 'result', 'reason', 'time'], rows: trySummary(tries) }] : [] };
}

/** vast-provision: inputs -> rent, bootstrap, runner online -> outputs; destroys what it made if anything fails. */
export async function provisionStep(rt: Runtime, env: Env, signal?: AbortSignal): Promise<ProvisionResult> {
  const { r, cfg, vast: v, github: g, hostStorage, labelPattern } = readProvisionInputs(env, (s) => rt.mask(s));
  r.finish();
  // Before anything exists: the post step destroys by this pattern whatever a killed main leaves.
  rt.saveState(STATE_LABEL_PATTERN, labelPattern);
  if (!/@sha256:[0-9a-f]{64}$/.test(cfg.image)) rt.log.warn(`image ${cfg.image} is not pinned by digest: the host pulls whatever the tag points at when it boots (use build-push-image's image-ref)`);
  // Fail before paying: minting (or a bad Cloudflare token) is settled before any instance exists.
  if (hostStorage) cfg.deliveredEnv = (await deliverStorage(hostStorage, rt)).env;
  const vast = new VastClient({ baseUrl: v.apiUrl, apiKey: v.apiKey, onRetry: (m) => rt.log.info(m) });
  const github = new GitHubRunners({ apiUrl: g.apiUrl, token: g.token, scope: g.scope, onRetry: (m) => rt.log.info(m) });
  let rentedAt: string | undefined;
  // When the lane started asking for a GPU: the record's "queued".
  const queuedAt = new Date().toISOString();
  try {
    const res = await provision(cfg, {
      vast,
      github,
      log: rt.log,
      signal,
      mask: (x) => rt.mask(x),
      onInstance: (id, label) => {
        rentedAt = new Date().toISOString();
        // At once: a later step (teardown with if: always()) must find it even if we die now.
        rt.setOutput('instance-id', id);
        rt.setOutput('label', label);
        rt.saveState(STATE_INSTANCE, String(id));
        rt.saveState(STATE_LABEL, label);
      },
    });
    rt.setOutput('machines', machinesOf(res.tries));
    rt.saveState(STATE_RUNNER, String(res.runner.id));
    rt.saveState(STATE_DONE, 'true');
    rt.setOutput('offer-id', res.offer.id);
    rt.setOutput('runner-label', res.label);
    rt.setOutput('runner-name', res.runner.name);
    rt.setOutput('runner-id', res.runner.id);
    rt.setOutput('ssh-url', res.sshUrl);
    rt.setOutput('public-ip', res.publicIp);
    rt.setOutput('gpu-name', res.offer.gpu_name);
    rt.setOutput('dph', res.offer.dph_total);
    rt.setOutput('label', res.label);
    // For the experiment record (no secret in it): what was rented, where, at what price, when.
    const o = res.offer;
    rt.setOutput(
      'host',
      JSON.stringify({
        instanceId: res.instanceId,
        offerId: o.id,
        gpuName: o.gpu_name,
        numGpus: o.num_gpus,
        machineId: o.machine_id,
        hostId: o.host_id,
        location: o.geolocation,
        usdPerHour: o.dph_total,
        cuda: o.cuda_max_good,
        queuedAt,
        rentedAt,
        onlineAt: new Date().toISOString(),
      }),
    );
    rt.log.info(`Runner ${res.label} is online on instance ${res.instanceId} (${res.offer.gpu_name}, ${countryOf(res.offer.geolocation) || '?'}, $${res.offer.dph_total.toFixed(3)}/h)`);
    await rt.writeSummary(provisionSummary(res, res.tries));
    return res;
  } catch (e) {
    // A retry after this failure must not go back to the machines that just failed.
    if (e instanceof ProvisionError) rt.setOutput('machines', machinesOf(e.tries));
    await rt.writeSummary(provisionSummary(undefined, e instanceof ProvisionError ? e.tries : [], (e as Error).message));
    throw e;
  }
}
