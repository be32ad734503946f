import path from 'node:path';
import pLimit from 'p-limit';
import type { Logger, ProgressSink } from '../runtime/ports.js';
import { explainAccessError, FIRST_REQUEST_RETRY } from '../s3/access-check.js';
import { storeUri, type StoreConfig } from '../s3/store.js';
import { listAll } from '../s3/list.js';
import { persistLogs, uploadEtags, type PersistResult } from './persist.js';
import { S3Http } from '../s3/s3-http.js';
import { walkUpload } from './upload-walk.js';

export interface PushConfig {
  store: StoreConfig;
  localRoot: string;
  /** Key prefix, '' or ending in '/'. */
  prefix: string;
  /** Folders under the local root, each published to `<prefix><dir>/`. */
  dirs: string[];
  /** Remove remote objects missing locally, inside the named folders only, after printing the plan. */
  delete: boolean;
  dryRun: boolean;
  concurrency: number;
}

export interface PushPlan {
  dir: string;
  upload: string[];
  unchanged: number;
  remove: string[];
}

export interface PushResult {
  plans: PushPlan[];
  uploads: PersistResult[];
  deleted: number;
  failures: { key: string; message: string }[];
}

/** What pushing `dir` would change: new or different files, and (with delete) remote objects missing locally. */
async function planDir(http: S3Http, cfg: PushConfig, dir: string): Promise<PushPlan> {
  const target = `${cfg.prefix}${dir}/`;
  const tree = walkUpload(path.join(cfg.localRoot, dir));
  const remote = new Map(
    (
      await listAll(http, target, { firstPageRetry: FIRST_REQUEST_RETRY }).catch((e: unknown) => {
        throw explainAccessError(e, cfg.store, target);
      })
    ).map((o) => [o.key.slice(target.length), o]),
  );
  const limit = pLimit(8);
  const changed = await Promise.all(
    tree.files.map((f) =>
      limit(async () => {
        const r = remote.get(f.rel);
        if (!r || r.size !== f.size) return f.rel;
        return (await uploadEtags(f.abs, f.size)).etags.includes(r.etag) ? undefined : f.rel;
      }),
    ),
  );
  const local = new Set(tree.files.map((f) => f.rel));
  const upload = changed.filter((x): x is string => x !== undefined).sort();
  const remove = cfg.delete ? [...remote.keys()].filter((k) => !local.has(k)).sort() : [];
  if (cfg.delete && tree.files.length === 0 && remote.size > 0) {
    throw new Error(`${dir}: the local folder is empty or missing; refusing --delete, which would remove all ${remote.size} objects under ${storeUri(cfg.store, target)}`);
  }
  return { dir, upload, unchanged: tree.files.length - upload.length, remove };
}

/**
 * `marketsim push`: publishes data folders to `<prefix><dir>/`. The plan (size + MD5/multipart ETag
 * against the listing) is printed first; the persist-logs engine then uploads the planned files only
 * (the unchanged ones are not read twice), Content-MD5 checked by the store, multipart for large
 * files, confirmed by listing. `--delete` removes only keys under the named folders that are missing
 * locally, after the upload.
 */
export async function push(cfg: PushConfig, log: Logger, progress: ProgressSink): Promise<PushResult> {
  const http = new S3Http(cfg.store, { connections: cfg.concurrency + 4, onRetry: (m) => log.info(m) });
  const result: PushResult = { plans: [], uploads: [], deleted: 0, failures: [] };
  try {
    for (const dir of cfg.dirs) result.plans.push(await planDir(http, cfg, dir));
    for (const p of result.plans) {
      const target = storeUri(cfg.store, `${cfg.prefix}${p.dir}/`);
      for (const rel of p.upload) log.info(`${cfg.dryRun ? 'would upload' : 'upload'} ${p.dir}/${rel}`);
      for (const rel of p.remove) log.info(`${cfg.dryRun ? 'would delete' : 'delete'} ${p.dir}/${rel}`);
      log.info(`${p.dir} -> ${target}: ${p.upload.length} to upload, ${p.remove.length} to delete, ${p.unchanged} unchanged${cfg.dryRun ? ' (dry run: nothing changed)' : ''}`);
    }
    if (cfg.dryRun) return result;
    for (const p of result.plans) {
      if (p.upload.length) {
        const up = await persistLogs(
          { store: cfg.store, logDir: path.join(cfg.localRoot, p.dir), experimentId: p.dir, targetPrefix: `${cfg.prefix}${p.dir}/`, ifNoFilesFound: 'ignore', concurrency: cfg.concurrency, only: new Set(p.upload) },
          log,
          progress,
        );
        result.uploads.push(up);
        for (const f of up.failures) result.failures.push({ key: `${p.dir}/${f.rel}`, message: f.message });
        if (!up.verified) for (const m of up.missing) result.failures.push({ key: `${p.dir}/${m}`, message: 'not confirmed by the listing' });
      }
      const limit = pLimit(cfg.concurrency);
      await Promise.all(
        p.remove.map((rel) =>
          limit(async () => {
            const key = `${cfg.prefix}${p.dir}/${rel}`;
            // Never outside the named folder, whatever the listing said.
            if (!key.startsWith(`${cfg.prefix}${p.dir}/`) || rel.split('/').includes('..')) return;
            try {
              await http.call('DELETE', key, `delete s3://${cfg.store.bucket}/${key}`, { accept: [200, 204, 404] }, async () => undefined);
              result.deleted++;
            } catch (e) {
              result.failures.push({ key, message: (e as Error).message });
            }
          }),
        ),
      );
    }
    return result;
  } finally {
    await http.close();
  }
}
