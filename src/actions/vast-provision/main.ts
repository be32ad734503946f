import '../../runtime/threadpool.js';
import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { cancelSignal } from '../../runtime/cancel.js';
import { runEntry } from '../entry.js';
import { provisionStep } from './step.js';

runEntry(async () => {
  await provisionStep(actionsRuntime(), process.env, cancelSignal());
});
