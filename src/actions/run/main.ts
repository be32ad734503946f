import '../../runtime/threadpool.js';
import { actionsCache } from '../../runtime/actions-cache.js';
import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { runEntry } from '../entry.js';
import { syncAndRun } from './sync-and-run.js';

runEntry(async () => {
  const r = await syncAndRun({ ...actionsRuntime(), cache: actionsCache() }, process.env);
  if (r.exitCode !== 0) throw new Error(`The command failed with exit code ${r.exitCode}; its logs are in ${r.uri}`);
});
