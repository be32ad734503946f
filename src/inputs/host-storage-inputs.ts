import type { HostStorageConfig, KeyPair } from '../cloudflare/scoped-storage.js';
import { DEFAULT_BUCKET, DEFAULT_LOGS_PREFIX } from '../storage/config.js';
import type { InputReader } from './reader.js';
import { ACCOUNT_ID, experimentIdProblem, r2Endpoint, readDataDirs, readJurisdiction, readPrefix } from './storage-inputs.js';

export type StorageCredentialsMode = 'auto' | 'required' | 'none';

function pair(r: InputReader, idInput: string, secretInput: string, envPrefix: string, mask: (s: string) => void): KeyPair | undefined {
  const accessKeyId = r.string(idInput, { env: [`${envPrefix}ACCESS_KEY_ID`] });
  const secretAccessKey = r.string(secretInput, { env: [`${envPrefix}SECRET_ACCESS_KEY`] });
  for (const s of [accessKeyId, secretAccessKey]) if (s) mask(s);
  if (!accessKeyId && !secretAccessKey) return undefined;
  if (!accessKeyId || !secretAccessKey) {
    r.problem(accessKeyId ? secretInput : idInput, `give ${idInput} and ${secretInput} together (variables ${envPrefix}ACCESS_KEY_ID / ${envPrefix}SECRET_ACCESS_KEY)`);
    return undefined;
  }
  return { accessKeyId, secretAccessKey };
}

/**
 * What storage access the rented host gets. Minting (a Cloudflare API token + the parent R2 key id)
 * is preferred; else two key pairs the user limited (R2_READ_* read-only on the data bucket, R2_LOGS_*
 * read-write on a logs bucket). The general R2_ACCESS_KEY_ID/SECRET pair never goes to the host.
 * `required` (the experiment workflow) makes "neither" a bad input, before anything is rented.
 */
export function readHostStorage(r: InputReader, mask: (s: string) => void, ttlSeconds: number): HostStorageConfig | undefined {
  // Every input is read (and every secret masked) whatever the mode, so one message names every problem.
  const mode = r.oneOf<StorageCredentialsMode>('storage-credentials', ['auto', 'required', 'none'], { default: 'auto' });
  const apiToken = r.string('cloudflare-api-token', { env: ['CLOUDFLARE_API_TOKEN'] });
  if (apiToken) mask(apiToken);
  const read = pair(r, 'r2-read-access-key-id', 'r2-read-secret-access-key', 'R2_READ_', mask);
  const logs = pair(r, 'r2-logs-access-key-id', 'r2-logs-secret-access-key', 'R2_LOGS_', mask);
  const accountId = r.string('r2-account-id', { env: ['R2_ACCOUNT_ID', 'CLOUDFLARE_ACCOUNT_ID'] });
  const jurisdiction = readJurisdiction(r, 'r2-jurisdiction');
  const endpointRaw = r.string('r2-endpoint', { env: ['R2_ENDPOINT'] });
  const bucket = r.string('r2-bucket', { env: ['R2_BUCKET'], default: DEFAULT_BUCKET }) ?? DEFAULT_BUCKET;
  const logsBucket = r.string('r2-logs-bucket', { env: ['R2_LOGS_BUCKET'] }) ?? bucket;
  const prefix = readPrefix(r, 'r2-prefix');
  const dirs = readDataDirs(r, 'data-dirs');
  const experimentId = r.string('experiment-id', { env: ['EXPERIMENT_ID'] });
  const parentAccessKeyId = r.string('r2-access-key-id', { env: ['R2_ACCESS_KEY_ID'] });
  const apiUrl = r.string('cloudflare-api-url', { env: ['CLOUDFLARE_API_URL'], default: 'https://api.cloudflare.com/client/v4' }) ?? '';

  if (mode === 'none') return undefined;
  if (!apiToken && !read && !logs) {
    if (mode === 'required') {
      r.problem(
        'storage-credentials',
        'the rented host needs storage credentials: give cloudflare-api-token (CLOUDFLARE_API_TOKEN) with r2-account-id and r2-access-key-id to mint scoped ones, or a read-only pair (R2_READ_ACCESS_KEY_ID/R2_READ_SECRET_ACCESS_KEY) and a logs pair (R2_LOGS_ACCESS_KEY_ID/R2_LOGS_SECRET_ACCESS_KEY)',
      );
    }
    return undefined;
  }
  if (!apiToken && (!read || !logs)) r.problem(read ? 'r2-logs-access-key-id' : 'r2-read-access-key-id', 'without minting, give both the read-only data pair and the logs pair');
  // R2 API tokens are limited per bucket, not per prefix: a read-write logs key on the data bucket could rewrite the data.
  if (!apiToken && read && logs && logsBucket === bucket) r.problem('r2-logs-bucket', `without minting, the logs need a bucket of their own (the logs key may write all of '${logsBucket}')`);
  if (accountId && !ACCOUNT_ID.test(accountId)) r.problem('r2-account-id', 'expected the 32 hex characters of a Cloudflare account id');
  const endpoint = endpointRaw ?? (accountId ? r2Endpoint(accountId, jurisdiction) : undefined);
  if (!endpoint) r.problem('r2-endpoint', 'required (or variable R2_ENDPOINT), or give r2-account-id (R2_ACCOUNT_ID)');
  else if (!/^https?:\/\/[^/\s]+\/?$/.test(endpoint)) r.problem('r2-endpoint', `expected the bare S3 endpoint such as https://<account>.r2.cloudflarestorage.com, got '${endpoint}'`);
  if (!experimentId) r.problem('experiment-id', "required to scope the logs credential to this experiment's folder");
  else {
    const bad = experimentIdProblem(experimentId);
    if (bad) r.problem('experiment-id', bad);
  }

  let mint: HostStorageConfig['mint'];
  if (apiToken) {
    if (!parentAccessKeyId) r.problem('r2-access-key-id', 'required with cloudflare-api-token: the access key id of the R2 token the temporary credentials derive from (its secret is not needed)');
    if (!accountId) r.problem('r2-account-id', 'required with cloudflare-api-token (or variable R2_ACCOUNT_ID)');
    if (!/^https?:\/\//.test(apiUrl)) r.problem('cloudflare-api-url', `expected an http(s) URL, got '${apiUrl}'`);
    mint = { apiUrl, apiToken, accountId: accountId ?? '', parentAccessKeyId: parentAccessKeyId ?? '' };
  }
  return {
    endpoint: (endpoint ?? '').replace(/\/+$/, ''),
    bucket,
    logsBucket,
    prefix,
    dataDirs: dirs,
    logsPrefix: `${prefix}${DEFAULT_LOGS_PREFIX}${experimentId ?? ''}/`,
    ttlSeconds,
    mint,
    scoped: !apiToken && read && logs ? { read, logs } : undefined,
  };
}
