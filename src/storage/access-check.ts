import { ConfigurationError } from '../inputs/errors.js';
import type { S3Http } from './s3-http.js';
import { S3Error } from './s3-errors.js';

/** Fail fast on a wrong endpoint, yet ride out one throttling answer. */
const QUICK_RETRY = { retries: 2, minDelayMs: 200, maxDelayMs: 1000 };

const BAD_KEY = new Set(['InvalidAccessKeyId', 'InvalidArgument', 'Unauthorized']);
const BAD_SECRET = new Set(['SignatureDoesNotMatch']);

/**
 * One cheap request (a one-key listing, which object-scoped R2 tokens may make; HeadBucket they
 * may not) that turns bad credentials, a wrong bucket or an unreachable endpoint into one clear
 * error naming the input, before any long step starts.
 */
export async function checkAccess(http: S3Http, prefix: string): Promise<void> {
  const { endpoint, bucket } = http.store;
  try {
    await http.call('GET', undefined, `list s3://${bucket}/${prefix}`, { query: { 'list-type': '2', prefix, 'max-keys': '1' }, retry: QUICK_RETRY }, async (res) => {
      await res.body.text();
    });
  } catch (e) {
    if (e instanceof S3Error) {
      if (e.code === 'NoSuchBucket') throw new ConfigurationError(`bucket: '${bucket}' does not exist at ${endpoint}`);
      if (BAD_KEY.has(e.code)) throw new ConfigurationError(`access-key-id: the store does not know this key id (${e.code})`);
      if (BAD_SECRET.has(e.code)) throw new ConfigurationError(`secret-access-key: the signature does not match; check the secret (${e.code})`);
      if (e.status === 403) throw new ConfigurationError(`access-key-id / secret-access-key: access denied to s3://${bucket}/${prefix} (${e.code})`);
      throw new ConfigurationError(`endpoint: ${endpoint} answered ${e.message}`);
    }
    const err = e as { code?: string; cause?: { code?: string }; message?: string };
    const code = err.cause?.code ?? err.code ?? '';
    throw new ConfigurationError(`endpoint: cannot reach ${endpoint} (${code || err.message})`);
  }
}
