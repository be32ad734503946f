import { InputReader, inputVar, type Env } from '../../inputs/reader.js';
import { readPersistConfig } from '../../inputs/storage-inputs.js';
import type { Runtime } from '../../runtime/ports.js';
import type { PersistConfig } from '../../storage/config.js';
import { persistLogs, type PersistResult } from '../../storage/persist.js';
import { persistSummary } from '../../storage/report.js';

export const PERSIST_OUTPUTS = ['experiment-id', 'uri', 'files-uploaded', 'files-skipped', 'bytes-uploaded', 'verified'] as const;

export function readPersistInputs(env: Env, mask: (s: string) => void): { r: InputReader; cfg: PersistConfig } {
  const r = new InputReader(env);
  return { r, cfg: readPersistConfig(r, env, mask) };
}

/** Pins the experiment id (e.g. the one main generated) for a later step such as post. */
export function withExperimentId(env: Env, id: string): Env {
  return { ...env, [inputVar('experiment-id')]: id };
}

/** r2-persist-logs: inputs → upload and confirm → outputs and summary. Throws if anything is missing. */
export async function persistStep(rt: Runtime, env: Env): Promise<PersistResult> {
  const { r, cfg } = readPersistInputs(env, (s) => rt.mask(s));
  r.finish();
  rt.log.info(`Persisting ${cfg.logDir} to s3://${cfg.store.bucket}/${cfg.targetPrefix}`);
  // The id and uri first: a later step needs them even if the upload fails.
  rt.setOutput('experiment-id', cfg.experimentId);
  rt.setOutput('uri', `s3://${cfg.store.bucket}/${cfg.targetPrefix}`);
  const result = await persistLogs(cfg, rt.log, rt.progress('persist-logs'));
  rt.setOutput('files-uploaded', result.uploaded);
  rt.setOutput('files-skipped', result.skipped);
  rt.setOutput('bytes-uploaded', result.bytesUploaded);
  rt.setOutput('verified', result.verified);
  await rt.writeSummary(persistSummary(result));
  if (result.failures.length) {
    throw new Error(`${result.failures.length} log files could not be uploaded: ${result.failures.slice(0, 10).map((f) => `${f.rel}: ${f.message}`).join('; ')}`);
  }
  if (!result.noFiles && !result.verified) {
    throw new Error(`Upload not confirmed: missing or different in ${result.uri}: ${result.missing.slice(0, 20).join(', ')}`);
  }
  return result;
}
