import { InputReader, type Env } from '../../inputs/reader.js';
import { readHydrateConfig, readPersistConfig } from '../../inputs/storage-inputs.js';
import type { Runtime } from '../../runtime/ports.js';
import { hydrateStep } from '../r2-hydrate/step.js';
import { persistStep, withExperimentId } from '../r2-persist-logs/step.js';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../../errors.js';
import { commandEnv, runCommand } from './command.js';

export const STATE_EXPERIMENT_ID = 'experiment-id';
export const STATE_PERSIST = 'persist';
export const RUN_OUTPUTS = ['exit-code'] as const;

export interface SyncAndRunResult {
  exitCode: number;
  experimentId: string;
  uri: string;
}

/** Reads and checks every input of the root action at once, before anything is written. */
export function readRunInputs(env: Env, mask: (s: string) => void) {
  const r = new InputReader(env);
  const command = r.string('run', {});
  const workingDirectory = r.string('working-directory', {});
  // Names the command may see despite the secret rules (e.g. WANDB_API_KEY); never our own plumbing.
  const passEnv = r.list('pass-env', {});
  for (const n of passEnv) if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) || /^(INPUT_|STATE_|R2_|AWS_|VAST_|CONTAINER_|MARKETSIM_|ACTIONS_)/.test(n)) r.problem('pass-env', `${n} may not be passed to the command`);
  const doHydrate = r.bool('hydrate', { default: true });
  r.bool('cache', { default: false });
  const hydrateCfg = readHydrateConfig(r, env, mask);
  const persistCfg = readPersistConfig(r, env, mask);
  return { r, command, workingDirectory, passEnv, doHydrate, hydrateCfg, persistCfg };
}

/**
 * The old sync-and-run script as one step: hydrate, run the command, persist the logs (also when
 * the command failed). The experiment id goes into state first, so a post step that finds the
 * persist unfinished (cancel, timeout, kill) uploads to the same place.
 */
export async function syncAndRun(rt: Runtime, env: Env): Promise<SyncAndRunResult> {
  const { r, command, workingDirectory, passEnv, doHydrate, hydrateCfg, persistCfg } = readRunInputs(env, (s) => rt.mask(s));
  r.finish();
  const id = persistCfg.experimentId;
  const uri = `s3://${persistCfg.store.bucket}/${persistCfg.targetPrefix}`;
  rt.saveState(STATE_EXPERIMENT_ID, id);
  rt.setOutput('experiment-id', id);
  rt.setOutput('uri', uri);
  const pinned = withExperimentId(env, id);
  // Named before hydrating (never `spawn bash ENOENT` after a long download); the logs are still persisted.
  const cwdProblem = workingDirectory === undefined ? undefined : missingFolder(workingDirectory);
  if (cwdProblem) rt.log.error(`working-directory: ${cwdProblem}; not hydrating nor running the command`);
  if (doHydrate && !cwdProblem) await hydrateStep(rt, pinned);

  let exitCode = 0;
  if (command && !cwdProblem) {
    rt.log.info(`Running: bash -lc ${JSON.stringify(command)}`);
    exitCode = await runCommand(
      command,
      workingDirectory,
      commandEnv(env, { EXPERIMENT_ID: id, LOCAL_ROOT: hydrateCfg.localRoot, LOCAL_LOG_DIR: persistCfg.logDir }, passEnv),
      env.MARKETSIM_COMMAND_STDOUT === 'stderr',
    );
    rt.log.info(`The command exited with code ${exitCode}`);
  }
  rt.setOutput('exit-code', exitCode);
  rt.saveState(STATE_PERSIST, 'started');
  await persistStep(rt, pinned);
  rt.saveState(STATE_PERSIST, 'done');
  if (cwdProblem) throw new ConfigurationError(`working-directory: ${cwdProblem}`);
  return { exitCode, experimentId: id, uri };
}

function missingFolder(dir: string): string | undefined {
  const abs = path.resolve(dir);
  if (!fs.existsSync(abs)) return `${abs} does not exist`;
  if (!fs.statSync(abs).isDirectory()) return `${abs} is not a folder`;
  return undefined;
}

/** The post step: persist again only when main did not finish doing it. */
export async function persistIfUnfinished(rt: Runtime, env: Env): Promise<boolean> {
  const id = rt.getState(STATE_EXPERIMENT_ID);
  if (!id) {
    rt.log.info('Main stopped before choosing an experiment id; nothing to persist.');
    return false;
  }
  if (rt.getState(STATE_PERSIST) === 'done') {
    rt.log.info('The logs were persisted by the main step.');
    return false;
  }
  rt.log.info(`The main step did not finish persisting the logs (cancelled, timed out or failed); persisting ${id} now.`);
  await persistStep(rt, withExperimentId(env, id));
  return true;
}
