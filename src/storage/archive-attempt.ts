import pLimit from 'p-limit';
import type { Logger } from '../runtime/ports.js';
import { explainAccessError, FIRST_REQUEST_RETRY } from '../s3/access-check.js';
import type { StoreConfig } from '../s3/store.js';
import { listAll } from '../s3/list.js';
import { encodeKeyPath, S3Http } from '../s3/s3-http.js';

export const ATTEMPT_DIR = /^attempt-\d+\//;

/**
 * Before a retry writes the experiment's logs, what the failed attempt left under `<target>` moves to
 * `<target>attempt-<n>/` (server-side copy, then delete; inside the one prefix the logs credential
 * may write), so nothing of it is overwritten and the retry's logs stand at the usual place.
 */
export async function archiveAttempt(store: StoreConfig, target: string, attempt: number, log: Logger): Promise<number> {
  const http = new S3Http(store, { connections: 12, onRetry: (m) => log.info(m) });
  try {
    const objects = (
      await listAll(http, target, { firstPageRetry: FIRST_REQUEST_RETRY }).catch((e: unknown) => {
        throw explainAccessError(e, store, target);
      })
    ).filter((o) => !ATTEMPT_DIR.test(o.key.slice(target.length)));
    const limit = pLimit(8);
    await Promise.all(
      objects.map((o) =>
        limit(async () => {
          const rel = o.key.slice(target.length);
          const to = `${target}attempt-${attempt}/${rel}`;
          await http.call('PUT', to, `copy s3://${store.bucket}/${o.key} to ${to}`, { headers: { 'x-amz-copy-source': `/${store.bucket}/${encodeKeyPath(o.key)}`, 'content-length': '0' }, body: Buffer.alloc(0) }, async () => undefined);
          await http.call('DELETE', o.key, `delete s3://${store.bucket}/${o.key}`, { accept: [200, 204, 404] }, async () => undefined);
        }),
      ),
    );
    if (objects.length) log.info(`Kept the ${objects.length} files of attempt ${attempt} under s3://${store.bucket}/${target}attempt-${attempt}/`);
    return objects.length;
  } finally {
    await http.close();
  }
}
