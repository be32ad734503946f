import { fetchWithRetry, TransientError, type RetryPolicy } from '../net/retry.js';

/** Permissions R2 temporary credentials can carry (r2-temp-credentials.md). */
export type R2Permission = 'object-read-only' | 'object-read-write';

export interface TempCredentialRequest {
  bucket: string;
  /** Access key id of the parent R2 API token (its secret never leaves the trusted side, nor is it needed). */
  parentAccessKeyId: string;
  permission: R2Permission;
  /** 1 to 604,800 (7 days). */
  ttlSeconds: number;
  prefixes?: string[];
}

export interface TempCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
}

/** A refusal from the Cloudflare API, with the v4 envelope's error codes and messages. */
export class CloudflareError extends Error {
  override name = 'CloudflareError';
  constructor(
    readonly status: number,
    readonly codes: number[],
    message: string,
  ) {
    super(message);
  }
}

export interface CloudflareOptions {
  /** https://api.cloudflare.com/client/v4, or an emulator on 127.0.0.1. */
  apiUrl: string;
  /** A Cloudflare API token allowed to manage R2 (a secret). */
  apiToken: string;
  accountId: string;
  retry?: RetryPolicy;
  onRetry?: (message: string) => void;
}

export const MAX_TTL_SECONDS = 604_800;

interface Envelope<T> {
  success?: boolean;
  errors?: { code?: number; message?: string }[];
  result?: T | null;
}

function envelopeError(status: number, text: string, what: string): Error {
  if (status === 429 || status >= 500) return new TransientError(`${what} answered ${status}: ${text.slice(0, 200)}`);
  let codes: number[] = [];
  let msg = text.slice(0, 300);
  try {
    const j = JSON.parse(text) as Envelope<unknown>;
    codes = (j.errors ?? []).map((e) => e.code ?? 0);
    msg = (j.errors ?? []).map((e) => `${e.message ?? '?'}${e.code ? ` (${e.code})` : ''}`).join('; ') || msg;
  } catch {
    // not JSON: a proxy's page
  }
  const hint = status === 401 || status === 403 ? ': the Cloudflare API token was refused or may not manage R2 (it needs Workers R2 Storage write)' : '';
  return new CloudflareError(status, codes, `${what} failed with ${status}${hint}: ${msg}`);
}

/**
 * Mints R2 temporary credentials through the Cloudflare API (v4 envelope). Runs on the trusted side
 * only (a GitHub-hosted runner): the API token and the parent key never reach a rented host.
 */
export async function mintTempCredentials(opts: CloudflareOptions, req: TempCredentialRequest): Promise<TempCredentials> {
  const what = `POST /accounts/${opts.accountId}/r2/temp-access-credentials`;
  const url = `${opts.apiUrl.replace(/\/+$/, '')}/accounts/${encodeURIComponent(opts.accountId)}/r2/temp-access-credentials`;
  const { text } = await fetchWithRetry(
    what,
    url,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.apiToken}`, 'content-type': 'application/json', accept: 'application/json' },
      body: { bucket: req.bucket, parentAccessKeyId: req.parentAccessKeyId, permission: req.permission, ttlSeconds: req.ttlSeconds, ...(req.prefixes?.length ? { prefixes: req.prefixes } : {}) },
      timeoutMs: 30_000,
    },
    (status, body) => envelopeError(status, body, what),
    opts.retry ?? { retries: 4, minDelayMs: 500, maxDelayMs: 8000 },
    opts.onRetry,
  );
  const j = JSON.parse(text) as Envelope<Partial<TempCredentials>>;
  const r = j.result;
  if (!j.success || !r?.accessKeyId || !r.secretAccessKey || !r.sessionToken) {
    throw new CloudflareError(200, (j.errors ?? []).map((e) => e.code ?? 0), `${what} answered without credentials: ${JSON.stringify(j.errors ?? [])}`);
  }
  return { accessKeyId: r.accessKeyId, secretAccessKey: r.secretAccessKey, sessionToken: r.sessionToken };
}
