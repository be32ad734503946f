import { ConfigurationError } from '../errors.js';
import type { StoreConfig } from './store.js';
import type { RetryPolicy } from '../net/retry.js';
import { S3Error } from './s3-errors.js';

/**
 * For the first request of a run (a listing page, which object-scoped R2 tokens may make; HeadBucket
 * they may not): fail fast on a wrong endpoint, yet ride out one throttling answer.
 */
export const FIRST_REQUEST_RETRY: RetryPolicy = { retries: 2, minDelayMs: 200, maxDelayMs: 1000 };

const BAD_KEY = new Set(['InvalidAccessKeyId', 'InvalidArgument', 'Unauthorized']);
const BAD_SECRET = new Set(['SignatureDoesNotMatch']);

/**
 * Turns the failure of the first request into one clear error naming the input (credentials,
 * bucket, endpoint), so a bad setting is reported before any long step. Other errors pass through.
 */
export function explainAccessError(e: unknown, store: StoreConfig, prefix: string): unknown {
  const { endpoint, bucket } = store;
  if (e instanceof S3Error) {
    if (e.code === 'NoSuchBucket') return new ConfigurationError(`bucket: '${bucket}' does not exist at ${endpoint}`);
    if (BAD_KEY.has(e.code)) return new ConfigurationError(`access-key-id: the store does not know this key id (${e.code})`);
    if (BAD_SECRET.has(e.code)) return new ConfigurationError(`secret-access-key: the signature does not match; check the secret (${e.code})`);
    if (e.status === 403) {
      const why = / failed with 403 [A-Za-z]+: (.*)$/.exec(e.message)?.[1];
      return new ConfigurationError(
        `access-key-id / secret-access-key: access denied to s3://${bucket}/${prefix} (${e.code}${why ? `: ${why}` : ''}); a scoped or temporary credential may not reach this bucket or prefix, or its session token is missing`,
      );
    }
    if (e.status === 301 || e.status === 400) return new ConfigurationError(`endpoint: ${endpoint} answered ${e.message}`);
    return e;
  }
  const err = e as { code?: string; cause?: { code?: string }; message?: string };
  const code = err.cause?.code ?? err.code ?? '';
  if (/^E[A-Z_]+$/.test(code)) return new ConfigurationError(`endpoint: cannot reach ${endpoint} (${code})`);
  // OpenSSL's verdicts (SELF_SIGNED_CERT_IN_CHAIN, CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID...).
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)) {
    // Node 24 appends advice about a command-line flag, which an action cannot pass: ours replaces it.
    const verdict = (err.message ?? code).replace(/; if the root CA is installed locally.*$/s, '');
    return new ConfigurationError(
      `endpoint: the TLS certificate of ${endpoint} is not trusted: ${verdict} (${code}); for a private CA, point NODE_EXTRA_CA_CERTS at its certificate`,
    );
  }
  return e;
}
