import { randomBytes } from 'node:crypto';
import { credentialsForHost } from '../cloudflare/scoped-storage.js';
import { errorMessage } from '../errors.js';
import { GitHubRunners } from '../github/runners.js';
import { readHostStorage } from '../inputs/host-storage-inputs.js';
import { InputReader, type Env } from '../inputs/reader.js';
import { readPrefix, readStore } from '../inputs/storage-inputs.js';
import { readGitHub, readOfferFilters, readRunBudget, readVastConnection } from '../inputs/vast-inputs.js';
import type { CliRuntime } from '../runtime/cli-runtime.js';
import { renderTextTable } from '../runtime/format.js';
import { RegistryClient } from '../registry/client.js';
import { compareVersions } from '../registry/reference.js';
import { DEFAULT_DIRS, DEFAULT_LOGS_PREFIX } from '../storage/config.js';
import { type StoreConfig } from '../s3/store.js';
import { listPage } from '../s3/list.js';
import { explainAccessError } from '../s3/access-check.js';
import { S3Http } from '../s3/s3-http.js';
import { VastClient } from '../vast/client.js';
import { overSpendCap, worstSpend } from '../vast/provision.js';
import { chooseOffers, offerQuery, relaxedQuery, whyNoOffers } from '../vast/offers.js';

export type CheckStatus = 'ok' | 'fail' | 'skip' | 'warn';

export interface Check {
  group: 'vast' | 'r2' | 'image' | 'github';
  name: string;
  status: CheckStatus;
  detail: string;
  /** How to fix a failure. */
  fix?: string;
}

type Opts = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

async function probe(c: Check[], group: Check['group'], name: string, fix: string, fn: () => Promise<string | { status: CheckStatus; detail: string }>): Promise<boolean> {
  try {
    const r = await fn();
    c.push(typeof r === 'string' ? { group, name, status: 'ok', detail: r } : { group, name, ...r, ...(r.status === 'fail' ? { fix } : {}) });
    return typeof r === 'string' || r.status !== 'fail';
  } catch (e) {
    c.push({ group, name, status: 'fail', detail: errorMessage(e), fix });
    return false;
  }
}

/** One page of at most `n` keys under `prefix`: enough to tell "exists and readable" from the rest. */
async function firstKeys(http: S3Http, prefix: string, n = 1): Promise<number> {
  return (await listPage(http, prefix, { maxKeys: n, retry: { retries: 1, minDelayMs: 200, maxDelayMs: 500 } })).objects.length;
}

async function vastChecks(c: Check[], env: Env, opts: Opts, rt: CliRuntime): Promise<void> {
  const r = new InputReader({
    ...env,
    'INPUT_GPU-NAME': str(opts.gpuName) ?? env['INPUT_GPU-NAME'],
    'INPUT_MAX-PRICE': str(opts.maxPrice) ?? env['INPUT_MAX-PRICE'] ?? '1.00',
    'INPUT_MIN-CUDA': str(opts.minCuda),
    'INPUT_LANES': str(opts.lanes) ?? env.INPUT_LANES,
    'INPUT_SPEND-CAP': str(opts.spendCap) ?? env['INPUT_SPEND-CAP'],
  });
  const conn = readVastConnection(r, (s) => rt.mask(s));
  const { maxAttempts: _a, ...filters } = readOfferFilters(r);
  // The lifetime and cap exactly as provision will read them (max-runtime defaults to 240m here).
  const { spendCap } = readRunBudget(r, str(opts.maxRuntime) ?? '240m');
  const { lanes, hours, usd: cap } = spendCap;
  try {
    r.finish();
  } catch (e) {
    c.push({ group: 'vast', name: 'inputs', status: 'fail', detail: errorMessage(e), fix: 'set VAST_API_KEY (Vast console: Account -> Keys)' });
    return;
  }
  const vast = new VastClient({ baseUrl: conn.apiUrl, apiKey: conn.apiKey, retry: { retries: 2, minDelayMs: 500, maxDelayMs: 2000 } });
  const worst = worstSpend(spendCap, filters.maxPrice ?? 0);
  let credit = 0;
  const keyOk = await probe(c, 'vast', 'API key', 'create a key in the Vast console (Account -> Keys) and set VAST_API_KEY', async () => {
    credit = (await vast.currentUser()).credit ?? 0;
    return `accepted; credit $${credit.toFixed(2)}`;
  });
  if (!keyOk) return;
  await probe(c, 'vast', 'credit', 'add credit on Vast, or lower lanes, max-price or max-runtime', async () => {
    const need = Math.min(worst, cap);
    return credit >= need
      ? `$${credit.toFixed(2)} covers ${lanes} lane(s) x $${(filters.maxPrice ?? 0).toFixed(2)}/h x ${hours.toFixed(2)} h = $${worst.toFixed(2)}`
      : { status: 'fail', detail: `$${credit.toFixed(2)} is less than the $${need.toFixed(2)} the run may spend` };
  });
  await probe(c, 'vast', 'spend cap', 'raise --spend-cap, or lower lanes, max-price or max-runtime', async () =>
    !overSpendCap(spendCap, filters.maxPrice ?? 0) ? `$${worst.toFixed(2)} at most, under the cap of $${cap.toFixed(2)}` : { status: 'fail', detail: `$${worst.toFixed(2)} at most, above the cap of $${cap.toFixed(2)}` },
  );
  await probe(c, 'vast', 'offers', 'relax the filter that excludes them (see detail) or wait for capacity', async () => {
    const offers = chooseOffers(await vast.searchOffers(offerQuery(filters)), filters, 64);
    if (offers.length) return `${offers.length} ${filters.gpuName} offers match now, cheapest $${offers[0]!.dph_total.toFixed(3)}/h`;
    return { status: 'fail', detail: whyNoOffers(await vast.searchOffers(relaxedQuery(filters)), filters) };
  });
}

/**
 * R2, with the credentials the GPU will really use when scoped ones are configured (minted now with a
 * five-minute lifetime, or the two limited pairs): they must list every data folder and write a marker
 * into the logs prefix. Without them, the general key pair is checked the same way.
 */
async function r2Checks(c: Check[], env: Env, rt: CliRuntime): Promise<void> {
  const hr = new InputReader({ ...env, EXPERIMENT_ID: env.EXPERIMENT_ID || 'marketsim-doctor' });
  let host;
  try {
    host = readHostStorage(hr, (s) => rt.mask(s), 300);
    hr.finish();
  } catch (e) {
    c.push({ group: 'r2', name: 'scoped credentials', status: 'fail', detail: errorMessage(e), fix: 'see README, Storage on the rented host' });
    return;
  }
  let readStoreCfg: StoreConfig;
  let logsStoreCfg: StoreConfig;
  let prefix: string;
  let dirs: string[];
  let logsPrefix: string;
  if (host) {
    let creds;
    try {
      creds = await credentialsForHost({ ...host, ttlSeconds: 300 });
      for (const p of [creds.read, creds.logs]) for (const v of [p.accessKeyId, p.secretAccessKey, p.sessionToken]) if (v) rt.mask(v);
      c.push({ group: 'r2', name: 'scoped credentials', status: 'ok', detail: `${creds.how}: read-only on the data folders, read-write on ${host.logsPrefix}` });
    } catch (e) {
      c.push({ group: 'r2', name: 'scoped credentials', status: 'fail', detail: errorMessage(e), fix: 'check CLOUDFLARE_API_TOKEN (it must manage R2), R2_ACCOUNT_ID and R2_ACCESS_KEY_ID (the parent token\'s id)' });
      return;
    }
    readStoreCfg = { endpoint: host.endpoint, bucket: host.bucket, region: 'auto', ...creds.read };
    logsStoreCfg = { endpoint: host.endpoint, bucket: host.logsBucket, region: 'auto', ...creds.logs };
    ({ prefix, dataDirs: dirs, logsPrefix } = host);
  } else {
    const r = new InputReader(env);
    try {
      readStoreCfg = readStore(r, (s) => rt.mask(s), 'publish');
      prefix = readPrefix(r);
      r.finish();
    } catch (e) {
      c.push({ group: 'r2', name: 'inputs', status: 'fail', detail: errorMessage(e), fix: 'set R2_ENDPOINT (or R2_ACCOUNT_ID), R2_ACCESS_KEY_ID and R2_SECRET_ACCESS_KEY' });
      return;
    }
    c.push({ group: 'r2', name: 'scoped credentials', status: 'warn', detail: 'neither minting (CLOUDFLARE_API_TOKEN) nor limited pairs (R2_READ_*, R2_LOGS_*) are configured: the experiment workflow will refuse to rent', fix: 'configure minting or the two limited key pairs' });
    logsStoreCfg = { ...readStoreCfg, bucket: env.R2_LOGS_BUCKET || readStoreCfg.bucket };
    dirs = [...DEFAULT_DIRS, ...(env.EXTRA_PULL_DIRS ?? '').split(',').map((d) => d.trim()).filter(Boolean)];
    logsPrefix = `${prefix}${DEFAULT_LOGS_PREFIX}`;
  }
  const http = new S3Http(readStoreCfg, { connections: 4, timeoutMs: 20_000, retry: { retries: 1, minDelayMs: 200, maxDelayMs: 500 } });
  const logs = new S3Http(logsStoreCfg, { connections: 2, timeoutMs: 20_000, retry: { retries: 1, minDelayMs: 200, maxDelayMs: 500 } });
  try {
    const first = `${prefix}${dirs[0]}/`;
    const ok = await probe(c, 'r2', 'credentials and bucket', 'check R2_ENDPOINT, the bucket name and the key pair (an R2 API token with access to this bucket)', async () => {
      await firstKeys(http, first).catch((e: unknown) => {
        throw explainAccessError(e, readStoreCfg, first);
      });
      return `listed s3://${readStoreCfg.bucket}/${first} at ${readStoreCfg.endpoint}`;
    });
    if (!ok) return;
    for (const dir of dirs) {
      await probe(c, 'r2', `data ${dir}/`, `upload the folder (marketsim push --dirs ${dir}) or drop it from the data folders`, async () =>
        (await firstKeys(http, `${prefix}${dir}/`)) > 0 ? 'has objects' : { status: 'fail', detail: `s3://${readStoreCfg.bucket}/${prefix}${dir}/ is empty` },
      );
    }
    await probe(c, 'r2', 'logs prefix writable', 'give the logs key Object Read & Write on the logs bucket', async () => {
      const key = `${logsPrefix}.marketsim-doctor-${randomBytes(6).toString('hex')}`;
      const body = Buffer.from('marketsim doctor\n');
      await logs.call('PUT', key, `put s3://${logsStoreCfg.bucket}/${key}`, { body, headers: { 'content-length': String(body.length) } }, async () => undefined);
      await logs.call('DELETE', key, `delete s3://${logsStoreCfg.bucket}/${key}`, { accept: [200, 204, 404] }, async () => undefined);
      return `put and deleted a marker under s3://${logsStoreCfg.bucket}/${logsPrefix}`;
    });
  } finally {
    await http.close();
    await logs.close();
  }
}

async function imageCheck(c: Check[], env: Env, opts: Opts, rt: CliRuntime): Promise<void> {
  const image = str(opts.image) ?? env.IMAGE_REF;
  if (!image) {
    c.push({ group: 'image', name: 'pullable', status: 'skip', detail: 'no --image (or IMAGE_REF) given' });
    return;
  }
  const username = env.REGISTRY_PULL_USERNAME;
  const password = env.REGISTRY_PULL_PASSWORD;
  if (password) rt.mask(password);
  const minCuda = str(opts.minCuda) ?? '12.8';
  await probe(c, 'image', 'pullable as the instance', 'give the instance a pull credential (REGISTRY_PULL_USERNAME/PASSWORD) or make the image public', async () => {
    const res = await RegistryClient.forImage(image, username && password ? { username, password } : undefined).check();
    if (res.cudaVersion && compareVersions(res.cudaVersion, minCuda) < 0) return { status: 'fail', detail: `CUDA ${res.cudaVersion}, below ${minCuda} (RTX 50-series need 12.8)` };
    return `${username ? `as ${username}` : 'anonymously'}; CUDA ${res.cudaVersion ?? 'unknown'}${/@sha256:/.test(image) ? '' : '; not pinned by digest'}`;
  });
}

async function githubCheck(c: Check[], env: Env, rt: CliRuntime): Promise<void> {
  // --repo is already in env (GITHUB_REPOSITORY), as for provision.
  const r = new InputReader(env);
  let g;
  try {
    g = readGitHub(r, env, (s) => rt.mask(s), true);
    r.finish();
  } catch (e) {
    c.push({ group: 'github', name: 'runner token', status: 'fail', detail: errorMessage(e), fix: 'set MARKETSIM_GITHUB_TOKEN (a GitHub App token or PAT with Administration write) and --repo owner/name' });
    return;
  }
  const gh = new GitHubRunners({ apiUrl: g!.apiUrl, token: g!.token, scope: g!.scope, retry: { retries: 1, minDelayMs: 300, maxDelayMs: 1000 } });
  await probe(c, 'github', 'runner token', 'give the App or PAT Administration write on the repository (Self-hosted runners on the organization)', async () => {
    const name = `marketsim-doctor-${randomBytes(4).toString('hex')}`;
    const jit = await gh.generateJitConfig({ name, runnerGroupId: 1, labels: [name] });
    rt.mask(jit.encodedJitConfig);
    await gh.deleteRunner(jit.runner.id, 10_000);
    return `created and deleted a just-in-time runner on ${g!.scope.kind === 'repo' ? `${g!.scope.owner}/${g!.scope.repo}` : g!.scope.org}`;
  });
}

/**
 * `marketsim doctor`: the seed's checklist, run before anything is rented. Each check names how to
 * fix a failure; exit 1 if any failed. The same command is the experiment workflow's preflight job.
 */
export async function runDoctor(rt: CliRuntime, env: Env, opts: Opts, json: boolean): Promise<number> {
  const skip = new Set((str(opts.skip) ?? '').split(',').map((s) => s.trim()).filter(Boolean));
  const checks: Check[] = [];
  const groups: [Check['group'], () => Promise<void>][] = [
    ['vast', () => vastChecks(checks, env, opts, rt)],
    ['r2', () => r2Checks(checks, env, rt)],
    ['image', () => imageCheck(checks, env, opts, rt)],
    ['github', () => githubCheck(checks, env, rt)],
  ];
  for (const [group, run] of groups) {
    if (skip.has(group)) checks.push({ group, name: '(all)', status: 'skip', detail: '--skip' });
    else await run();
  }
  const failed = checks.filter((c) => c.status === 'fail').length;
  rt.outputs.checks = checks;
  rt.setOutput('failed', failed);
  if (!json) {
    const mark: Record<CheckStatus, string> = { ok: 'ok', fail: 'FAIL', skip: 'skip', warn: 'warn' };
    const rows = checks.map((c) => [c.group, c.name, mark[c.status], c.detail + (c.fix ? ` -> fix: ${c.fix}` : '')]);
    process.stdout.write(`${renderTextTable(['group', 'check', 'result', 'detail'], rows)}\n${failed ? `${failed} check(s) failed: fix them before renting a GPU` : 'ready: nothing found that would fail on a rented GPU'}\n`);
  }
  return failed ? 1 : 0;
}
