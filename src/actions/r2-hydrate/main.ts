import '../../runtime/threadpool.js';
import { actionsCache } from '../../runtime/actions-cache.js';
import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { runEntry } from '../entry.js';
import { hydrateStep } from './step.js';

runEntry(async () => {
  await hydrateStep({ ...actionsRuntime(), cache: actionsCache() }, process.env);
});
