import type { GitHubRunners, Runner } from '../github/runners.js';
import type { Logger } from '../runtime/ports.js';
import { ConfigurationError } from '../errors.js';
import { CreateOutcomeUnknownError, OfferGoneError, type VastClient } from './client.js';
import { readiness, sshUrl } from './instance-state.js';
import { chunkJitConfig } from './jit-env.js';
import { chooseOffers, offerQuery, relaxedQuery, whyNoOffers, type OfferFilters } from './offers.js';
import type { Instance, Offer } from './types.js';

export interface ProvisionConfig {
  /** Rent exactly this offer instead of searching. */
  offerId?: number;
  filters: OfferFilters;
  maxAttempts: number;
  image: string;
  /** `-u USER -p TOKEN REGISTRY` for private registries (a secret). */
  imageLogin?: string;
  /** Extra variables for the instance. */
  env: Record<string, string>;
  /** The bootstrap run on start (ssh mode runs onstart, not the image entrypoint). */
  onstart: string;
  labelPrefix: string;
  /** Set when one run rents several GPUs (a matrix): keeps each lane's labels, and teardowns, apart. */
  lane?: string;
  runId: string;
  runAttempt: string;
  runnerGroupId: number;
  extraLabels: string[];
  /** Below this credit (USD) nothing is rented; default one hour at the cap (or at the cheapest offer). */
  minBalance?: number;
  /**
   * The most a whole experiment may cost (USD): lanes x price per hour x max runtime must stay under it,
   * checked before anything is rented (with max-price, else with the dearest offer that would be tried).
   */
  spendCap?: SpendCap;
  /** Chunked variables (MARKETSIM_ENV_*) carrying the scoped storage credentials: secrets. */
  deliveredEnv?: Record<string, string>;
  waitTimeoutMs: number;
  runnerTimeoutMs: number;
  /** Poll intervals: at most one poll every 5 s per instance by default, backing off. */
  pollMs: number;
  maxPollMs: number;
}

export interface TryReport {
  offerId: number;
  machineId?: number;
  label: string;
  instanceId?: number;
  result: 'ok' | 'offer gone' | 'failed';
  reason?: string;
  ms: number;
}

export interface ProvisionResult {
  instanceId: number;
  offer: Offer;
  label: string;
  runner: Runner;
  sshUrl: string;
  publicIp: string;
  offersConsidered: number;
  msToRunning: number;
  msToOnline: number;
  tries: TryReport[];
}

export interface ProvisionDeps {
  vast: VastClient;
  github: GitHubRunners;
  log: Logger;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Aborted on cancel (SIGTERM/SIGINT): whatever is held is destroyed before giving up. */
  signal?: AbortSignal;
  /** Called the moment an instance exists, so outputs name it even if we are killed next. */
  onInstance?: (id: number, label: string) => void;
  /** Registers a secret with the host's log masking (the JIT config, whole and in pieces). */
  mask?: (secret: string) => void;
  /** Pause between looking for an instance whose create answer was lost (Vast's list interval is 1 s). */
  lookupMs?: number;
}

export class ProvisionError extends Error {
  override name = 'ProvisionError';
  constructor(
    message: string,
    readonly tries: TryReport[],
  ) {
    super(message);
  }
}

class TryFailed extends Error {}

const defaultSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('cancelled'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(new Error('cancelled'));
    }, { once: true });
  });

/** What a label prefix may be: it starts every instance label and runner name we make. */
export const LABEL_PREFIX = /^[a-z0-9][a-z0-9-]{0,30}$/;

/**
 * The runner label of one try: unique to the workflow run, its attempt, the lane (if any) and the
 * try; with `*` for the try, the pattern of every try of that run attempt (and lane).
 */
export function runnerLabel(prefix: string, runId: string, attempt: string, n: number | '*', lane?: string): string {
  return lane ? `${prefix}-${runId}-${attempt}-${lane}-${n}` : `${prefix}-${runId}-${attempt}-${n}`;
}

/**
 * Rents a GPU and turns it into a one-job runner: preflight, then for each offer (cheapest first, up
 * to maxAttempts) a JIT registration, the instance, waiting until it runs and the runner is online.
 * A failed try destroys its instance and deletes its registration before the next one; nothing
 * rented survives a failure or a cancel.
 */
export async function provision(cfg: ProvisionConfig, deps: ProvisionDeps): Promise<ProvisionResult> {
  const { vast, github, log } = deps;
  const sleep = deps.sleep ?? defaultSleep;
  const started = Date.now();

  const user = await vast.currentUser();
  const credit = user.credit ?? 0;
  const lowCredit = (need: number): ProvisionError =>
    new ProvisionError(`Vast credit is $${credit.toFixed(2)}, below min-balance $${need.toFixed(2)}; nothing was rented`, []);
  if (cfg.minBalance !== undefined && credit < cfg.minBalance) throw lowCredit(cfg.minBalance);
  let offers: Offer[];
  if (cfg.offerId !== undefined) {
    const found = await vast.searchOffers({ id: { eq: cfg.offerId }, rentable: { eq: true } });
    if (!found.length) throw new ConfigurationError(`offer-id: offer ${cfg.offerId} is not rentable now (taken, withdrawn or mistyped); nothing was rented`);
    offers = [checkOffer(found[0]!, cfg.filters)];
  } else {
    const found = await vast.searchOffers(offerQuery(cfg.filters));
    offers = chooseOffers(found, cfg.filters, cfg.maxAttempts);
    log.info(`${found.length} offers match (${cfg.filters.gpuName}${cfg.filters.maxPrice !== undefined ? ` under $${cfg.filters.maxPrice}/h` : ''}); trying ${offers.map((o) => `${o.id} ($${o.dph_total.toFixed(3)}/h)`).join(', ') || 'none'}`);
  }
  if (offers.length === 0) throw new ProvisionError(`${whyNoOffers(await vast.searchOffers(relaxedQuery(cfg.filters)), cfg.filters)}; nothing was rented`, []);
  const needed = cfg.minBalance ?? cfg.filters.maxPrice ?? offers[0]!.dph_total;
  if (credit < needed) throw lowCredit(needed);
  if (cfg.spendCap) checkSpendCap(cfg.spendCap, cfg.filters.maxPrice ?? Math.max(...offers.map((o) => o.dph_total)));

  const tries: TryReport[] = [];
  for (const [i, offer] of offers.entries()) {
    const n = i + 1;
    const label = runnerLabel(cfg.labelPrefix, cfg.runId, cfg.runAttempt, n, cfg.lane);
    const t0 = Date.now();
    const report: TryReport = { offerId: offer.id, ...(offer.machine_id !== undefined ? { machineId: offer.machine_id } : {}), label, result: 'failed', ms: 0 };
    tries.push(report);
    let instanceId: number | undefined;
    let runner: Runner | undefined;
    try {
      const jit = await github.generateJitConfig({ name: label, runnerGroupId: cfg.runnerGroupId, labels: [label, ...cfg.extraLabels] });
      runner = jit.runner;
      const chunks = chunkJitConfig(jit.encodedJitConfig);
      maskJit(jit.encodedJitConfig, chunks, deps.mask);
      const env = { ...cfg.env, ...(cfg.deliveredEnv ?? {}), MARKETSIM_RUNNER_LABEL: label, ...chunks };
      try {
        const created = await vast.createInstance(offer.id, {
          client_id: 'me',
          image: cfg.image,
          disk: cfg.filters.disk,
          label,
          env,
          onstart: cfg.onstart,
          runtype: 'ssh_direc ssh_proxy',
          cancel_unavail: true,
          ...(cfg.imageLogin ? { image_login: cfg.imageLogin } : {}),
        });
        instanceId = created.id;
      } catch (e) {
        if (e instanceof CreateOutcomeUnknownError) {
          // Never create again blindly: the label is unique to this try, so look for it.
          log.warn(`Try ${n}: ${e.message}; looking for an instance labelled ${label}`);
          instanceId = await findByLabel(vast, label, sleep, deps.lookupMs ?? 2000, deps.signal);
          if (instanceId === undefined) throw new TryFailed(`${e.message}; no instance labelled ${label} appeared (teardown by label remains the backstop)`);
          log.info(`Try ${n}: adopting instance ${instanceId}, created despite the lost answer`);
        } else if (e instanceof OfferGoneError) {
          report.result = 'offer gone';
          report.reason = e.message;
          log.info(`Try ${n}: ${e.message}; moving on`);
          await github.deleteRunner(runner.id).catch(() => undefined);
          runner = undefined;
          continue;
        } else throw e;
      }
      report.instanceId = instanceId;
      deps.onInstance?.(instanceId, label);
      log.info(`Try ${n}: instance ${instanceId} on offer ${offer.id} (${offer.gpu_name}, ${offer.geolocation ?? '?'}, $${offer.dph_total.toFixed(3)}/h), label ${label}`);

      const inst = await waitRunning(vast, instanceId, cfg, sleep, deps.signal, log);
      const msToRunning = Date.now() - started;
      const online = await waitOnline(github, runner.id, cfg, sleep, deps.signal);
      report.result = 'ok';
      report.ms = Date.now() - t0;
      return {
        instanceId,
        offer,
        label,
        runner: online,
        sshUrl: sshUrl(inst),
        publicIp: (inst.public_ipaddr ?? '').trim(),
        offersConsidered: offers.length,
        msToRunning,
        msToOnline: Date.now() - started,
        tries,
      };
    } catch (e) {
      report.reason = (e as Error).message;
      report.ms = Date.now() - t0;
      await cleanup(vast, github, instanceId, runner, log);
      if (deps.signal?.aborted) throw new ProvisionError(`Cancelled during try ${n}; destroyed what it had created`, tries);
      if (!(e instanceof TryFailed)) throw new ProvisionError(`Try ${n} on offer ${offer.id} failed: ${(e as Error).message}`, tries);
      log.warn(`Try ${n} on offer ${offer.id} failed: ${report.reason}; destroyed instance ${instanceId ?? '-'}`);
    }
  }
  throw new ProvisionError(`All ${tries.length} tries failed: ${tries.map((t) => `offer ${t.offerId}: ${t.reason}`).join('; ')}`, tries);
}

async function waitRunning(vast: VastClient, id: number, cfg: ProvisionConfig, sleep: NonNullable<ProvisionDeps['sleep']>, signal: AbortSignal | undefined, log: Logger): Promise<Instance> {
  const deadline = Date.now() + cfg.waitTimeoutMs;
  let wait = cfg.pollMs;
  let lastMsg = '';
  for (;;) {
    const inst = await vast.getInstance(id);
    const r = readiness(inst);
    if (inst?.status_msg && inst.status_msg !== lastMsg) {
      lastMsg = inst.status_msg;
      log.info(`instance ${id}: ${inst.actual_status ?? 'provisioning'}: ${lastMsg}`);
    }
    if (r.state === 'running') return inst!;
    if (r.state === 'failed') throw new TryFailed(r.reason);
    if (Date.now() + wait > deadline) throw new TryFailed(`not running after ${Math.round(cfg.waitTimeoutMs / 1000)} s (last state: ${inst?.actual_status ?? 'provisioning'})`);
    await sleep(wait, signal);
    wait = Math.min(Math.round(wait * 1.5), cfg.maxPollMs);
  }
}

async function waitOnline(github: GitHubRunners, runnerId: number, cfg: ProvisionConfig, sleep: NonNullable<ProvisionDeps['sleep']>, signal: AbortSignal | undefined): Promise<Runner> {
  const deadline = Date.now() + cfg.runnerTimeoutMs;
  for (;;) {
    const r = await github.getRunner(runnerId);
    if (r?.status === 'online') return r;
    if (!r) throw new TryFailed('the runner registration disappeared');
    if (Date.now() + cfg.pollMs > deadline) throw new TryFailed(`runner not online after ${Math.round(cfg.runnerTimeoutMs / 1000)} s`);
    await sleep(cfg.pollMs, signal);
  }
}

/** The offer named by offer-id must satisfy the same limits a search would apply. */
function checkOffer(o: Offer, f: OfferFilters): Offer {
  const bad: string[] = [];
  if (f.maxPrice !== undefined && o.dph_total > f.maxPrice) bad.push(`max-price: offer ${o.id} costs $${o.dph_total.toFixed(3)}/h, above $${f.maxPrice}/h`);
  if (o.gpu_name !== f.gpuName) bad.push(`gpu-name: offer ${o.id} is a ${o.gpu_name}, not a ${f.gpuName}`);
  if (f.excludeMachines?.includes(o.machine_id ?? -1)) bad.push(`exclude-machines: offer ${o.id} is on machine ${o.machine_id}, which failed before`);
  if (f.minCuda !== undefined && (o.cuda_max_good ?? 0) < f.minCuda) bad.push(`min-cuda: offer ${o.id} supports CUDA ${o.cuda_max_good ?? '?'}, below ${f.minCuda}`);
  if (bad.length) throw new ConfigurationError(`offer-id does not satisfy the limits; nothing was rented:\n  - ${bad.join('\n  - ')}`);
  return o;
}

export type SpendCap = { usd: number; lanes: number; hours: number };

/** The most the run can spend: every lane at this price for its whole lifetime. */
export function worstSpend(cap: SpendCap, pricePerHour: number): number {
  return cap.lanes * pricePerHour * cap.hours;
}

export function overSpendCap(cap: SpendCap, pricePerHour: number): boolean {
  return worstSpend(cap, pricePerHour) > cap.usd + 1e-9;
}

/** lanes x $/h x hours against the cap; a bad input, before anything is rented. */
export function checkSpendCap(cap: SpendCap, pricePerHour: number): void {
  const worst = worstSpend(cap, pricePerHour);
  if (overSpendCap(cap, pricePerHour)) {
    throw new ConfigurationError(
      `spend-cap: ${cap.lanes} lane(s) x $${pricePerHour.toFixed(3)}/h x ${cap.hours.toFixed(2)} h = $${worst.toFixed(2)}, above the cap of $${cap.usd.toFixed(2)}; lower max-price, max-runtime or the number of configs, or raise spend-cap`,
    );
  }
}

/** Masks the JIT config whole, each env chunk, and the credential files it decodes to. */
function maskJit(config: string, chunks: Record<string, string>, mask?: (s: string) => void): void {
  if (!mask) return;
  mask(config);
  for (const [k, v] of Object.entries(chunks)) if (!k.endsWith('COUNT')) mask(v);
  try {
    const files = JSON.parse(Buffer.from(config, 'base64').toString('utf8')) as Record<string, unknown>;
    for (const v of Object.values(files)) {
      if (typeof v !== 'string' || v.length < 8) continue;
      mask(v);
      const decoded = Buffer.from(v, 'base64').toString('utf8');
      for (const line of decoded.split('\n')) if (line.trim().length >= 8) mask(line.trim());
    }
  } catch {
    // not the JSON map GitHub sends: the whole and the chunks are masked already
  }
}

/** An instance whose create answer was lost shows up in the list under its unique label, or not at all. */
async function findByLabel(vast: VastClient, label: string, sleep: NonNullable<ProvisionDeps['sleep']>, everyMs: number, signal?: AbortSignal): Promise<number | undefined> {
  for (let i = 0; i < 3; i++) {
    const found = await vast.listInstances({ label: { eq: label } }).catch(() => []);
    const hit = found.find((x) => x.label === label);
    if (hit) return hit.id;
    if (i < 2) await sleep(everyMs, signal);
  }
  return undefined;
}

/** Destroy first (it is what costs money), then the registration; both idempotent, both tried hard. */
async function cleanup(vast: VastClient, github: GitHubRunners, instanceId: number | undefined, runner: Runner | undefined, log: Logger): Promise<void> {
  if (instanceId !== undefined) {
    try {
      log.info(`Destroying instance ${instanceId}: ${await vast.destroyInstance(instanceId)}`);
    } catch (e) {
      log.error(`Could not destroy instance ${instanceId}: ${(e as Error).message}. The teardown job and the reaper will retry.`);
    }
  }
  if (runner) await github.deleteRunner(runner.id, 30_000).catch((e: unknown) => log.warn(`Could not delete runner ${runner.name}: ${(e as Error).message}`));
}

