import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { runEntry } from '../entry.js';
import { registryCheckStep } from './step.js';

runEntry(async () => {
  await registryCheckStep(actionsRuntime(), process.env);
});
