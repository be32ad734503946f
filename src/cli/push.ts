import { InputReader, type Env } from '../inputs/reader.js';
import { readDirList, readLocalRoot, readPrefix, readStore } from '../inputs/storage-inputs.js';
import type { CliRuntime } from '../runtime/cli-runtime.js';
import { DEFAULT_CONCURRENCY } from '../storage/config.js';
import { checkLocalRoot } from '../storage/local-root.js';
import { push } from '../storage/push.js';

/** `marketsim push`: flags -> the push engine -> a summary; exit 1 when anything failed. */
export async function pushStep(rt: CliRuntime, env: Env): Promise<void> {
  const r = new InputReader(env);
  const store = readStore(r, (s) => rt.mask(s), 'publish');
  const prefix = readPrefix(r);
  const dirs = readDirList(r, 'dirs');
  if (!dirs.length) r.problem('dirs', 'required: the folders to publish, e.g. --dirs trainingdata');
  const localRoot = readLocalRoot(r, env);
  const cfg = {
    store,
    localRoot,
    prefix,
    dirs,
    delete: r.bool('delete', { default: false }),
    dryRun: r.bool('dry-run', { default: false }),
    concurrency: r.int('concurrency', { env: ['MARKETSIM_CONCURRENCY'], default: DEFAULT_CONCURRENCY, min: 1, max: 1024 }),
  };
  r.finish();
  checkLocalRoot(localRoot, { mustExist: true });
  const res = await push(cfg, rt.log, rt.progress('push'));
  const uploaded = res.uploads.reduce((n, u) => n + u.uploaded, 0);
  const bytes = res.uploads.reduce((n, u) => n + u.bytesUploaded, 0);
  rt.setOutput('files-uploaded', uploaded);
  rt.setOutput('bytes-uploaded', bytes);
  rt.setOutput('files-deleted', res.deleted);
  rt.outputs.plan = res.plans;
  await rt.writeSummary({
    heading: `push${cfg.dryRun ? ' (dry run)' : ''}`,
    lines: [cfg.dryRun ? 'Nothing was changed.' : `${uploaded} files uploaded, ${res.deleted} deleted.`],
    tables: [{ title: 'Folders', header: ['folder', 'to upload', 'to delete', 'unchanged'], rows: res.plans.map((p) => [p.dir, String(p.upload.length), String(p.remove.length), String(p.unchanged)]) }],
  });
  if (res.failures.length) throw new Error(`${res.failures.length} changes failed: ${res.failures.slice(0, 10).map((f) => `${f.key}: ${f.message}`).join('; ')}`);
}
