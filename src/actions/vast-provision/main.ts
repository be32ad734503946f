import '../../runtime/threadpool.js';
import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { runEntry } from '../entry.js';
import { provisionStep } from './step.js';

runEntry(async () => {
  // A cancelled job gets SIGINT, then SIGTERM 7.5 s later: destroy what we hold before we go.
  const ctl = new AbortController();
  process.once('SIGINT', () => ctl.abort());
  process.once('SIGTERM', () => ctl.abort());
  await provisionStep(actionsRuntime(), process.env, ctl.signal);
});
