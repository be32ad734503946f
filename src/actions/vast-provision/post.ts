import '../../runtime/threadpool.js';
import { GitHubRunners } from '../../github/runners.js';
import { InputReader } from '../../inputs/reader.js';
import { readGitHub, readVastConnection } from '../../inputs/vast-inputs.js';
import { actionsRuntime } from '../../runtime/actions-runtime.js';
import { VastClient } from '../../vast/client.js';
import { teardown } from '../../vast/teardown.js';
import { runEntry } from '../entry.js';
import { STATE_DONE, STATE_INSTANCE, STATE_LABEL_PATTERN } from './step.js';

/**
 * If main did not finish (killed, cancelled, failed), destroy by id AND by the run's label pattern:
 * a try whose destroy failed, or whose create answer was lost, is found by its label.
 */
runEntry(async () => {
  const rt = actionsRuntime();
  const id = rt.getState(STATE_INSTANCE);
  const pattern = rt.getState(STATE_LABEL_PATTERN);
  if ((!id && !pattern) || rt.getState(STATE_DONE) === 'true') return;
  const r = new InputReader(process.env);
  const v = readVastConnection(r, (s) => rt.mask(s));
  const g = readGitHub(r, process.env, (s) => rt.mask(s), false);
  rt.log.warn(`Provision did not finish; destroying ${id ? `instance ${id} and ` : ''}every instance labelled ${pattern || '-'}`);
  const vast = new VastClient({ baseUrl: v.apiUrl, apiKey: v.apiKey, onRetry: (m) => rt.log.info(m) });
  const github = g ? new GitHubRunners({ apiUrl: g.apiUrl, token: g.token, scope: g.scope }) : undefined;
  await teardown({ instanceId: id ? Number(id) : undefined, label: pattern || undefined }, { vast, github, log: rt.log });
});
