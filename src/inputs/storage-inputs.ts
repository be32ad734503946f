import path from 'node:path';
import { DEFAULT_BUCKET, DEFAULT_CONCURRENCY, DEFAULT_DIRS, DEFAULT_LOG_DIR, DEFAULT_LOGS_PREFIX, DEFAULT_PREFIX, type HydrateConfig, type IfNoFilesFound, type PersistConfig } from '../storage/config.js';
import { type StoreConfig } from '../s3/store.js';
import { generateExperimentId, EXPERIMENT_ID_PATTERN } from '../storage/experiment-id.js';
import { InputReader, type Env } from './reader.js';

const JURISDICTIONS = ['eu', 'fedramp', 'us'] as const;
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
export const ACCOUNT_ID = /^[0-9a-f]{32}$/;

/** An R2 jurisdiction (eu, fedramp, us), named when it is none of them. */
export function readJurisdiction(r: InputReader, name = 'jurisdiction'): string | undefined {
  const jurisdiction = r.raw(name, { env: ['R2_JURISDICTION'] })?.value;
  if (!jurisdiction) return undefined;
  if ((JURISDICTIONS as readonly string[]).includes(jurisdiction)) return jurisdiction;
  r.problem(name, `expected one of ${JURISDICTIONS.join(', ')}, got '${jurisdiction}'`);
  return undefined;
}

/** The S3 endpoint of an account's R2 (a jurisdiction's buckets are seen only at its own endpoint). */
export function r2Endpoint(accountId: string, jurisdiction?: string): string {
  return `https://${accountId}${jurisdiction ? `.${jurisdiction}` : ''}.r2.cloudflarestorage.com`;
}

/** A list of folder names, without trailing '/', each unable to climb out (named otherwise). */
export function readDirList(r: InputReader, name: string, opts: { env?: string[]; default?: string[] } = {}): string[] {
  return r.list(name, opts).map((d) => {
    const dir = d.replace(/\/+$/, '');
    const bad = unsafeRelativePath(dir);
    if (bad) r.problem(name, `'${d}' ${bad}`);
    return dir;
  });
}

/** Data folders: `<dirs>` then `extra-dirs` (EXTRA_PULL_DIRS). */
export function readDataDirs(r: InputReader, dirsInput: string): string[] {
  return [...new Set([...readDirList(r, dirsInput, { default: DEFAULT_DIRS }), ...readDirList(r, 'extra-dirs', { env: ['EXTRA_PULL_DIRS'] })])];
}

/** An experiment id names a folder of logs: it may not climb out of it. */
export function experimentIdProblem(id: string): string | undefined {
  return !EXPERIMENT_ID_PATTERN.test(id) || id.includes('..') ? `'${id}' may hold only letters, digits, '.', '_' and '-' (no '/', '..' or spaces; at most 128)` : undefined;
}

/** A relative folder name that cannot climb out of its parent. */
export function unsafeRelativePath(p: string): string | undefined {
  if (p.includes('\0')) return 'contains a NUL byte';
  if (p.includes('\\')) return 'contains a backslash';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'is absolute';
  const segs = p.replace(/\/+$/, '').split('/');
  if (segs.some((s) => s === '..' || s === '.' || s === '')) return "has an empty, '.' or '..' segment";
  return undefined;
}

/** hydrate reads data; persist writes logs. Each may get its own scoped credential (see readCredentials). */
export type StoreRole = 'read' | 'logs' | 'publish';

/** `publish` (marketsim push writes data): never the host's read-only or logs-only keys. */
const CREDENTIAL_SETS: Record<StoreRole, string[]> = { read: ['R2_READ_', 'R2_', 'AWS_'], logs: ['R2_LOGS_', 'R2_', 'AWS_'], publish: ['R2_', 'AWS_'] };

/**
 * The key pair (and session token) from one place only, never mixed: the inputs, else the role's own
 * variables (R2_READ_* for hydrate, R2_LOGS_* for persist: what vast-provision delivers to a rented
 * host, scoped and expiring), else R2_*, else AWS_*. Every secret is masked the moment it is read.
 */
function readCredentials(r: InputReader, role: StoreRole, mask: (s: string) => void): Pick<StoreConfig, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'> {
  const sets = CREDENTIAL_SETS[role];
  const env = (suffix: string): string[] => sets.map((p) => `${p}${suffix}`);
  const id = r.raw('access-key-id', { env: env('ACCESS_KEY_ID') });
  // The source that gave the key id gives the secret and the token too.
  const from = id?.source.startsWith('variable ') ? sets.find((p) => id.source === `variable ${p}ACCESS_KEY_ID`) : undefined;
  const pick = (input: string, suffix: string): string | undefined =>
    from ? (r.raw(input, {})?.value ?? r.raw(input, { env: [`${from}${suffix}`] })?.value) : r.raw(input, { env: env(suffix) })?.value;
  const accessKeyId = id?.value ?? '';
  const secretAccessKey = pick('secret-access-key', 'SECRET_ACCESS_KEY') ?? '';
  const sessionToken = pick('session-token', 'SESSION_TOKEN');
  const vars = (suffix: string): string => env(suffix).join(' / ');
  if (!accessKeyId) r.problem('access-key-id', `required (or variable ${vars('ACCESS_KEY_ID')})`);
  if (!secretAccessKey) r.problem('secret-access-key', `required (or variable ${from ? `${from}SECRET_ACCESS_KEY` : vars('SECRET_ACCESS_KEY')})`);
  for (const s of [secretAccessKey, accessKeyId, sessionToken]) if (s) mask(s);
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** Reads the connection inputs; secrets are handed to `mask` the moment they are read. */
export function readStore(r: InputReader, mask: (s: string) => void, role: StoreRole = 'read'): StoreConfig {
  const { accessKeyId, secretAccessKey, sessionToken } = readCredentials(r, role, mask);

  const accountId = r.string('account-id', { env: ['R2_ACCOUNT_ID'] });
  const jurisdiction = readJurisdiction(r);
  let endpoint = r.string('endpoint', { env: ['R2_ENDPOINT', 'AWS_ENDPOINT_URL_S3', 'AWS_ENDPOINT_URL'] });
  if (!endpoint && accountId) {
    if (!ACCOUNT_ID.test(accountId)) r.problem('account-id', 'expected the 32 hex characters of a Cloudflare account id');
    endpoint = r2Endpoint(accountId, jurisdiction);
  }
  if (!endpoint) {
    r.problem('endpoint', 'required (or variable R2_ENDPOINT), or give account-id (R2_ACCOUNT_ID) for Cloudflare R2');
    endpoint = '';
  } else {
    try {
      const u = new URL(endpoint);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('scheme');
      if (u.username || u.password) r.problem('endpoint', 'must not carry credentials');
      endpoint = `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
      // Cloudflare's dashboard shows the S3 API URL with the bucket appended: recognised and explained,
      // instead of every request answering NoSuchKey.
      const pathPart = u.pathname.replace(/^\/+|\/+$/g, '');
      const bucketGiven = r.raw('bucket', { env: ['R2_BUCKET'] })?.value;
      if (pathPart && (/\.r2\.cloudflarestorage\.com$/.test(u.hostname) || pathPart === bucketGiven)) {
        r.problem('endpoint', `${u.origin}/${pathPart} ends in a path: '${pathPart.split('/')[0]}' looks like the bucket (the dashboard shows it that way); give endpoint ${u.origin} and bucket ${pathPart.split('/')[0]}`);
      }
    } catch {
      r.problem('endpoint', `expected an http(s) URL such as https://<account>.r2.cloudflarestorage.com, got '${endpoint}'`);
    }
  }
  const dataBucket = r.string('bucket', { env: ['R2_BUCKET'], default: DEFAULT_BUCKET }) ?? DEFAULT_BUCKET;
  // Logs may live in a bucket of their own, so the logs key never needs write access to the data.
  const bucketInput = role === 'logs' && r.raw('logs-bucket', { env: ['R2_LOGS_BUCKET'] }) ? 'logs-bucket' : 'bucket';
  const bucket = bucketInput === 'logs-bucket' ? r.raw('logs-bucket', { env: ['R2_LOGS_BUCKET'] })!.value : dataBucket;
  if (!BUCKET_NAME.test(bucket)) r.problem(bucketInput, `'${bucket}' is not a valid bucket name (3-63 lowercase letters, digits, '-' or '.')`);
  const region = r.string('region', { env: ['R2_REGION'], default: 'auto' }) ?? 'auto';
  return { endpoint, bucket, region, accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/** A key prefix: no leading '/', a trailing '/' (or ''), no segment that could climb out. */
export function readPrefix(r: InputReader, name = 'prefix', env: string[] = ['R2_PREFIX'], def: string = DEFAULT_PREFIX): string {
  let prefix = r.string(name, { env, default: def }) ?? def;
  prefix = prefix.replace(/^\/+/, '');
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  if (prefix) {
    const bad = unsafeRelativePath(prefix);
    if (bad) r.problem(name, `'${prefix}' ${bad}`);
  }
  return prefix;
}

export function readLocalRoot(r: InputReader, vars: Env): string {
  const root = r.string('local-root', { env: ['LOCAL_ROOT'] }) ?? vars.GITHUB_WORKSPACE ?? '/workspace';
  return path.resolve(root);
}

function readConcurrency(r: InputReader): number {
  return r.int('concurrency', { env: ['MARKETSIM_CONCURRENCY'], default: DEFAULT_CONCURRENCY, min: 1, max: 1024 });
}

export function readHydrateConfig(r: InputReader, vars: Env, mask: (s: string) => void): HydrateConfig {
  const store = readStore(r, mask);
  const prefix = readPrefix(r, 'prefix', ['R2_PREFIX'], DEFAULT_PREFIX);
  const dirs = readDataDirs(r, 'dirs');
  if (dirs.length === 0) r.problem('dirs', 'no folder to pull');
  return {
    store,
    prefix,
    dirs,
    localRoot: readLocalRoot(r, vars),
    concurrency: readConcurrency(r),
    adaptive: r.raw('concurrency', { env: ['MARKETSIM_CONCURRENCY'] }) === undefined,
    delete: r.bool('delete', { default: false }),
    dryRun: r.bool('dry-run', { default: false }),
    include: r.list('include', {}),
    exclude: r.list('exclude', {}),
  };
}

export function readPersistConfig(r: InputReader, vars: Env, mask: (s: string) => void): PersistConfig {
  const store = readStore(r, mask, 'logs');
  const prefix = readPrefix(r, 'prefix', ['R2_PREFIX'], DEFAULT_PREFIX);
  const logsPrefix = readPrefix(r, 'logs-prefix', [], DEFAULT_LOGS_PREFIX);
  const localRoot = readLocalRoot(r, vars);
  const logDir = path.resolve(localRoot, r.string('log-dir', { env: ['LOCAL_LOG_DIR'], default: DEFAULT_LOG_DIR }) ?? DEFAULT_LOG_DIR);
  let experimentId = r.string('experiment-id', { env: ['EXPERIMENT_ID'] });
  if (experimentId === undefined) experimentId = generateExperimentId(new Date(), vars.GITHUB_RUN_ID);
  else {
    const bad = experimentIdProblem(experimentId);
    if (bad) r.problem('experiment-id', bad);
  }
  const ifNoFilesFound = r.oneOf<IfNoFilesFound>('if-no-files-found', ['warn', 'error', 'ignore'], { default: 'warn' });
  return {
    store,
    logDir,
    experimentId,
    targetPrefix: `${prefix}${logsPrefix}${experimentId}/`,
    ifNoFilesFound,
    concurrency: readConcurrency(r),
  };
}
