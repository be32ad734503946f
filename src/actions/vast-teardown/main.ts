import '../../runtime/threadpool.js';
import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { runEntry } from '../entry.js';
import { teardownStep } from './step.js';

runEntry(async () => {
  await teardownStep(actionsRuntime(), process.env);
});
