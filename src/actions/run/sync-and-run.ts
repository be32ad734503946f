import { InputReader, type Env } from '../../inputs/reader.js';
import { readHydrateConfig, readPersistConfig } from '../../inputs/storage-inputs.js';
import type { Runtime } from '../../runtime/ports.js';
import { hydrateStep } from '../r2-hydrate/step.js';
import { persistStep, withExperimentId } from '../r2-persist-logs/step.js';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../../errors.js';
import { githubFacts, parseHostFacts, readRecord, RECORD_SCHEMA, writeRecord, type ExperimentRecord } from '../../experiments/record.js';
import { archiveAttempt } from '../../storage/archive-attempt.js';
import { startGpuSampler } from '../../telemetry/gpu.js';
import { commandEnv, runCommand } from './command.js';

export const STATE_EXPERIMENT_ID = 'experiment-id';
export const STATE_PERSIST = 'persist';
export const RUN_OUTPUTS = ['exit-code', 'failure-kind'] as const;

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
  // Which attempt of this experiment this is (a retry after an infrastructure failure is 2).
  const attempt = r.int('attempt', { env: ['MARKETSIM_ATTEMPT'], default: 1, min: 1, max: 10 });
  r.bool('cache', { default: false });
  const hydrateCfg = readHydrateConfig(r, env, mask);
  const persistCfg = readPersistConfig(r, env, mask);
  return { r, command, workingDirectory, passEnv, doHydrate, attempt, hydrateCfg, persistCfg };
}

/**
 * The old sync-and-run script as one step: hydrate, run the command, persist the logs (also when
 * the command failed). The experiment id goes into state first, so a post step that finds the
 * persist unfinished (cancel, timeout, kill) uploads to the same place.
 */
export async function syncAndRun(rt: Runtime, env: Env): Promise<SyncAndRunResult> {
  const { r, command, workingDirectory, passEnv, doHydrate, attempt, hydrateCfg, persistCfg } = readRunInputs(env, (s) => rt.mask(s));
  r.finish();
  const id = persistCfg.experimentId;
  const uri = `s3://${persistCfg.store.bucket}/${persistCfg.targetPrefix}`;
  rt.saveState(STATE_EXPERIMENT_ID, id);
  rt.setOutput('experiment-id', id);
  rt.setOutput('uri', uri);
  const pinned = withExperimentId(env, id);
  // Until the command starts, a run that stops is an infrastructure failure.
  rt.setOutput('failure-kind', 'infrastructure');
  if (attempt > 1) await archiveAttempt(persistCfg.store, persistCfg.targetPrefix, attempt - 1, rt.log);
  // The experiment record, kept current in the log folder at every milestone: persisted with the
  // logs, also when something fails (the post step finishes it).
  const now = (): string => new Date().toISOString();
  const host = parseHostFacts(env.MARKETSIM_HOST);
  const digest = /@(sha256:[0-9a-f]{64})$/.exec(env.MARKETSIM_IMAGE ?? '')?.[1];
  const record: ExperimentRecord = {
    schema: RECORD_SCHEMA,
    experimentId: id,
    ...(env.MARKETSIM_LANE ? { lane: env.MARKETSIM_LANE } : {}),
    ...(env.CONFIG ? { config: env.CONFIG } : {}),
    ...(command ? { command } : {}),
    ...(attempt > 1 ? { attempt } : {}),
    outcome: { status: 'running' },
    github: githubFacts(env),
    ...(env.MARKETSIM_IMAGE ? { image: { ref: env.MARKETSIM_IMAGE, ...(digest ? { digest } : {}) } } : {}),
    data: [],
    ...(host ? { host } : {}),
    timestamps: { ...(host?.queuedAt ? { queued: host.queuedAt } : {}), ...(host?.rentedAt ? { rented: host.rentedAt } : {}), ...(host?.onlineAt ? { runnerOnline: host.onlineAt } : {}) },
  };
  const save = (): void => writeRecord(persistCfg.logDir, record);
  save();
  // Named before hydrating (never `spawn bash ENOENT` after a long download); the logs are still persisted.
  const cwdProblem = workingDirectory === undefined ? undefined : missingFolder(workingDirectory);
  if (cwdProblem) rt.log.error(`working-directory: ${cwdProblem}; not hydrating nor running the command`);
  if (doHydrate && !cwdProblem) {
    record.timestamps.hydrateStart = now();
    save();
    const h = await hydrateStep(rt, pinned).catch((e: unknown) => {
      record.outcome = { status: 'failed', failure: 'infrastructure', message: `hydrate: ${(e as Error).message}` };
      save();
      throw e;
    });
    record.timestamps.hydrateEnd = now();
    record.data = h.dirs.map((d) => ({ folder: d.dir, objects: d.objects, downloaded: d.downloaded, bytes: d.bytes }));
    record.manifestHash = h.manifestHash;
    save();
  }

  let exitCode = 0;
  if (command && !cwdProblem) {
    rt.log.info(`Running: bash -lc ${JSON.stringify(command)}`);
    record.timestamps.commandStart = now();
    save();
    // From here a job that ends without a verdict (timeout, cancel) is the command's; a lost host
    // delivers no output at all, which the lane reads as infrastructure.
    rt.setOutput('failure-kind', 'simulator');
    const gpu = startGpuSampler(persistCfg.logDir, { intervalS: Number(env.MARKETSIM_GPU_INTERVAL ?? 5), env });
    exitCode = await runCommand(
      command,
      workingDirectory,
      commandEnv(env, { EXPERIMENT_ID: id, LOCAL_ROOT: hydrateCfg.localRoot, LOCAL_LOG_DIR: persistCfg.logDir }, passEnv),
      env.MARKETSIM_COMMAND_STDOUT === 'stderr',
    );
    record.timestamps.commandEnd = now();
    const g = await gpu.stop();
    if (g) {
      record.gpu = g;
      if (record.host && g.driverVersion) record.host.driver = g.driverVersion;
      rt.log.info(`GPU: ${g.utilMean}% busy on average (peak ${g.utilPeak}%), peak memory ${g.memPeakMib} MiB over ${g.samples} samples (gpu.csv)`);
      if (g.mostlyIdle) rt.log.warn(`The GPU sat idle (<5% busy) for ${Math.round(g.idleShare * 100)}% of the run: money spent for nothing; is the simulator using it?`);
      await rt.writeSummary({
        heading: 'GPU',
        lines: [g.mostlyIdle ? `**The GPU sat idle for ${Math.round(g.idleShare * 100)}% of the run.**` : `${g.gpus} GPU(s), ${g.samples} samples in \`gpu.csv\`.`],
        tables: [{ title: 'Utilisation', header: ['mean', 'peak', 'peak memory', 'peak power', 'peak temperature', 'driver'], rows: [[`${g.utilMean}%`, `${g.utilPeak}%`, `${g.memPeakMib} MiB`, `${g.powerPeakW} W`, `${g.tempPeakC} °C`, g.driverVersion ?? '-']] }],
      });
    }
    rt.log.info(`The command exited with code ${exitCode}`);
  }
  rt.setOutput('failure-kind', cwdProblem ? 'infrastructure' : exitCode === 0 ? '' : 'simulator');
  record.outcome = cwdProblem
    ? { status: 'failed', failure: 'infrastructure', message: `working-directory: ${cwdProblem}` }
    : exitCode === 0
      ? { status: 'succeeded', exitCode }
      : { status: 'failed', exitCode, failure: 'simulator', message: `the command exited with code ${exitCode}` };
  // Persisting is the last milestone: stamped before the upload so the uploaded record carries it.
  record.timestamps.persistEnd = now();
  save();
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
  // Finish the record: a run that never reached its end was cut off (cancel, timeout, lost host).
  const { persistCfg } = readRunInputs(withExperimentId(env, id), () => undefined);
  const record = readRecord(persistCfg.logDir);
  if (record && record.outcome.status === 'running') {
    record.outcome = { status: 'cancelled', failure: 'infrastructure', message: 'the step stopped before the run finished (cancelled, timed out, or the host was lost)' };
    record.timestamps.persistEnd = new Date().toISOString();
    writeRecord(persistCfg.logDir, record);
  }
  await persistStep(rt, withExperimentId(env, id));
  return true;
}
