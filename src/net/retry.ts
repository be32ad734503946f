import pRetry from 'p-retry';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
}

/** Enough to ride out a throttling burst or a restarting front end (about 30 s in all). */
export const DEFAULT_RETRY: RetryPolicy = { retries: 6, minDelayMs: 250, maxDelayMs: 8000 };

/** An error that says whether trying again can help. */
export class TransientError extends Error {
  override name = 'TransientError';
  /** The server's own minimum interval (Vast's per-endpoint thresholds): the next try waits at least this long. */
  readonly minDelayMs: number;
  constructor(message: string, opts: { minDelayMs?: number } = {}) {
    super(message);
    this.minDelayMs = opts.minDelayMs ?? 0;
  }
}

const TRANSIENT_CODES = new Set([
  'ECONNRESET', // also a body cut mid-way ("aborted")
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_STREAM_PREMATURE_CLOSE',
  // global fetch (undici), used by the Vast and GitHub clients
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * p-retry only handles `instanceof Error`; errors from another realm (Node internals under a VM
 * sandbox, some native modules) fail that test. Re-wrap them, keeping code and cause.
 */
function asError(e: unknown): Error {
  if (e instanceof Error) return e;
  const src = e as { message?: unknown; code?: unknown; cause?: unknown } | undefined;
  const err = new Error(typeof src?.message === 'string' ? src.message : String(e)) as Error & { code?: unknown };
  if (src?.code !== undefined) err.code = src.code;
  if (src?.cause !== undefined) err.cause = src.cause;
  return err;
}

export function isTransient(e: unknown): boolean {
  if (e instanceof TransientError) return true;
  const err = e as { code?: string; name?: string; cause?: { code?: string } } | undefined;
  if (err?.name === 'TimeoutError') return true; // AbortSignal.timeout fired
  return TRANSIENT_CODES.has(err?.code ?? '') || TRANSIENT_CODES.has(err?.cause?.code ?? '');
}

/**
 * Runs `fn` again on transient failures with exponential backoff and full jitter.
 * `label` names the operation in the debug line of each failed attempt.
 */
export async function withRetry<T>(
  label: string,
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (message: string) => void,
): Promise<T> {
  const attempt = async (n: number): Promise<T> => {
    try {
      return await fn(n);
    } catch (e) {
      throw asError(e);
    }
  };
  return pRetry(attempt, {
    retries: policy.retries,
    factor: 2,
    minTimeout: policy.minDelayMs,
    maxTimeout: policy.maxDelayMs,
    randomize: true,
    shouldRetry: ({ error }) => isTransient(error),
    // Awaited by p-retry before its own backoff: a server-given interval is never cut short.
    onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
      if (!isTransient(error) || retriesLeft <= 0) return;
      onRetry?.(`${label}: attempt ${attemptNumber} failed (${error.message}); retrying`);
      const floor = error instanceof TransientError ? error.minDelayMs : 0;
      if (floor > 0) await new Promise((r) => setTimeout(r, floor));
    },
  });
}

/**
 * One call to a JSON REST API (Vast, GitHub) under `withRetry`: a JSON body in, the status and
 * text of a 2xx answer out. `fail` turns any other answer into the error to throw: a
 * TransientError to try again, anything else to stop.
 */
export async function fetchWithRetry(
  what: string,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: unknown; timeoutMs: number },
  fail: (status: number, text: string) => Error,
  policy: RetryPolicy,
  onRetry?: (message: string) => void,
): Promise<{ status: number; text: string }> {
  return withRetry(
    what,
    async () => {
      let res: Response;
      try {
        res = await fetch(url, {
          method: init.method,
          headers: init.headers,
          body: init.body === undefined ? undefined : JSON.stringify(init.body),
          signal: AbortSignal.timeout(init.timeoutMs),
        });
      } catch (e) {
        throw networkError(e, url, init.timeoutMs);
      }
      const text = await res.text();
      if (res.ok) return { status: res.status, text };
      throw fail(res.status, text);
    },
    policy,
    onRetry,
  );
}

/**
 * fetch's bare "fetch failed" as a message that names the URL and the cause (ECONNREFUSED,
 * ENOTFOUND, a TLS verdict, a timeout); code and cause kept so the retry test still sees them.
 */
export function networkError(e: unknown, url: string, timeoutMs: number): Error {
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  const origin = (() => {
    try {
      const u = new URL(url);
      return `${u.origin}${u.pathname}`;
    } catch {
      return url;
    }
  })();
  const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  // A timeout's DOMException carries a numeric code (23): named ETIMEDOUT instead.
  const code = err?.name === 'TimeoutError' ? 'ETIMEDOUT' : (str(err?.cause?.code) ?? str(err?.code));
  const why = err?.name === 'TimeoutError' ? `no answer in ${Math.round(timeoutMs / 1000)} s` : (err?.cause?.message ?? err?.message ?? String(e));
  const out = new Error(`cannot reach ${origin}: ${why}${code && !why.includes(code) ? ` (${code})` : ''}`) as Error & { code?: string };
  if (code) out.code = code;
  out.cause = e;
  return out;
}
