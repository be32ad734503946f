import '../../runtime/threadpool.js';
import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { runEntry } from '../entry.js';
import { persistIfUnfinished } from './sync-and-run.js';

runEntry(async () => {
  await persistIfUnfinished(actionsRuntime(), process.env);
});
