import '../../runtime/threadpool.js';
import { GitHubRunners } from '../../github/runners.js';
import { InputReader } from '../../inputs/reader.js';
import { readGitHub, readVastConnection } from '../../inputs/vast-inputs.js';
import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { VastClient } from '../../vast/client.js';
import { teardown } from '../../vast/teardown.js';
import { runEntry } from '../entry.js';
import { STATE_DONE, STATE_INSTANCE, STATE_LABEL } from './step.js';

/** If main was killed while it held an instance (no chance to clean up), destroy it now. */
runEntry(async () => {
  const rt = actionsRuntime();
  const id = rt.getState(STATE_INSTANCE);
  if (!id || rt.getState(STATE_DONE) === 'true') return;
  const r = new InputReader(process.env);
  const v = readVastConnection(r, (s) => rt.mask(s));
  const g = readGitHub(r, process.env, (s) => rt.mask(s), false);
  rt.log.warn(`Provision did not finish; destroying instance ${id}`);
  const vast = new VastClient({ baseUrl: v.apiUrl, apiKey: v.apiKey, onRetry: (m) => rt.log.info(m) });
  const github = g ? new GitHubRunners({ apiUrl: g.apiUrl, token: g.token, scope: g.scope }) : undefined;
  await teardown({ instanceId: Number(id), runnerName: rt.getState(STATE_LABEL) || undefined }, { vast, github, log: rt.log });
});
