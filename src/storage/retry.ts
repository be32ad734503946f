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
    onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
      if (isTransient(error) && retriesLeft > 0) onRetry?.(`${label}: attempt ${attemptNumber} failed (${error.message}); retrying`);
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
      const res = await fetch(url, {
        method: init.method,
        headers: init.headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(init.timeoutMs),
      });
      const text = await res.text();
      if (res.ok) return { status: res.status, text };
      throw fail(res.status, text);
    },
    policy,
    onRetry,
  );
}
