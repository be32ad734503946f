import '../../runtime/threadpool.js';
import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { runEntry } from '../entry.js';
import { persistStep } from './step.js';

runEntry(async () => {
  await persistStep(actionsRuntime(), process.env);
});
