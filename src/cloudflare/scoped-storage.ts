import { MAX_TTL_SECONDS, mintTempCredentials, type CloudflareOptions } from './temp-credentials.js';

/** A key pair, with a session token when it is temporary. */
export interface KeyPair {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What the rented host may reach: the data folders read-only, this experiment's logs folder read-write. */
export interface HostStorageConfig {
  endpoint: string;
  bucket: string;
  /** Where the logs go; the data bucket unless a separate logs bucket is used. */
  logsBucket: string;
  prefix: string;
  /** Data folders (the five defaults plus extra dirs), without slashes. */
  dataDirs: string[];
  /** `<prefix>marketsimulator/logs/<experiment id>/`. */
  logsPrefix: string;
  ttlSeconds: number;
  /** Minting (preferred): the Cloudflare API and the parent token's access key id. */
  mint?: CloudflareOptions & { parentAccessKeyId: string };
  /** The fallback: key pairs limited by the user (an Object Read token on the data bucket, Object Read & Write on a logs bucket). */
  scoped?: { read: KeyPair; logs: KeyPair };
}

export interface HostStorage {
  read: KeyPair;
  logs: KeyPair;
  /** When minted credentials stop working. */
  expiresAt?: string;
  how: 'minted' | 'scoped keys';
  /** The variables the GPU job's actions read as fallbacks (see storage-inputs readCredentials). */
  vars: Record<string, string>;
}

/**
 * Mints (or takes) the two credentials a rented host gets: read-only on the data folders for hydrate,
 * read-write on this experiment's logs folder for persist. Nothing else: no key that can write the data.
 */
export async function credentialsForHost(cfg: HostStorageConfig, now = Date.now()): Promise<HostStorage> {
  let read: KeyPair;
  let logs: KeyPair;
  let expiresAt: string | undefined;
  if (cfg.mint) {
    const ttlSeconds = Math.min(MAX_TTL_SECONDS, Math.max(60, Math.round(cfg.ttlSeconds)));
    const base = { parentAccessKeyId: cfg.mint.parentAccessKeyId, ttlSeconds };
    read = await mintTempCredentials(cfg.mint, { ...base, bucket: cfg.bucket, permission: 'object-read-only', prefixes: cfg.dataDirs.map((d) => `${cfg.prefix}${d}/`) });
    logs = await mintTempCredentials(cfg.mint, { ...base, bucket: cfg.logsBucket, permission: 'object-read-write', prefixes: [cfg.logsPrefix] });
    expiresAt = new Date(now + ttlSeconds * 1000).toISOString();
  } else if (cfg.scoped) {
    ({ read, logs } = cfg.scoped);
  } else throw new Error('no way to give the host storage credentials: configure minting or scoped key pairs');
  const vars: Record<string, string> = {
    R2_ENDPOINT: cfg.endpoint,
    R2_BUCKET: cfg.bucket,
    R2_PREFIX: cfg.prefix,
    R2_LOGS_BUCKET: cfg.logsBucket,
    R2_READ_ACCESS_KEY_ID: read.accessKeyId,
    R2_READ_SECRET_ACCESS_KEY: read.secretAccessKey,
    R2_LOGS_ACCESS_KEY_ID: logs.accessKeyId,
    R2_LOGS_SECRET_ACCESS_KEY: logs.secretAccessKey,
  };
  if (read.sessionToken) vars.R2_READ_SESSION_TOKEN = read.sessionToken;
  if (logs.sessionToken) vars.R2_LOGS_SESSION_TOKEN = logs.sessionToken;
  if (expiresAt) vars.R2_CREDENTIALS_EXPIRE_AT = expiresAt;
  return { read, logs, expiresAt, how: cfg.mint ? 'minted' : 'scoped keys', vars };
}
