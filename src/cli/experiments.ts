import { parseRecord, RECORD_FILE, type ExperimentRecord } from '../experiments/record.js';
import { InputReader, type Env } from '../inputs/reader.js';
import { readPrefix, readStore } from '../inputs/storage-inputs.js';
import type { CliRuntime } from '../runtime/cli-runtime.js';
import { renderTextTable } from '../runtime/format.js';
import { explainAccessError } from '../s3/access-check.js';
import { DEFAULT_LOGS_PREFIX } from '../storage/config.js';
import { listAll } from '../s3/list.js';
import { readText, S3Http } from '../s3/s3-http.js';
import { S3Error } from '../s3/s3-errors.js';

function connect(rt: CliRuntime, env: Env): { http: S3Http; logsPrefix: string } {
  const r = new InputReader(env);
  const store = readStore(r, (s) => rt.mask(s), 'logs');
  const prefix = readPrefix(r);
  r.finish();
  return { http: new S3Http(store, { connections: 8 }), logsPrefix: `${prefix}${DEFAULT_LOGS_PREFIX}` };
}

async function fetchRecord(http: S3Http, key: string): Promise<ExperimentRecord> {
  return http.call('GET', key, `get s3://${http.store.bucket}/${key}`, {}, async (res) => parseRecord(await readText(res.body)));
}

/** `marketsim experiments show <id>`: the record, as written next to the logs. */
export async function showExperiment(rt: CliRuntime, env: Env, id: string, json: boolean): Promise<void> {
  const { http, logsPrefix } = connect(rt, env);
  const key = `${logsPrefix}${id}/${RECORD_FILE}`;
  try {
    const rec = await fetchRecord(http, key).catch((e: unknown) => {
      if (e instanceof S3Error && (e.code === 'NoSuchKey' || e.status === 404)) throw new Error(`no experiment record at s3://${http.store.bucket}/${key} (is the id right? marketsim experiments list shows recent ones)`);
      throw explainAccessError(e, http.store, key);
    });
    rt.outputs.record = rec;
    if (!json) process.stdout.write(`${JSON.stringify(rec, null, 2)}\n`);
  } finally {
    await http.close();
  }
}

/** `marketsim experiments list`: the most recent records under the logs prefix, newest first. */
export async function listExperiments(rt: CliRuntime, env: Env, limit: number, json: boolean): Promise<void> {
  const { http, logsPrefix } = connect(rt, env);
  try {
    const objects = await listAll(http, logsPrefix).catch((e: unknown) => {
      throw explainAccessError(e, http.store, logsPrefix);
    });
    const recent = objects
      .filter((o) => o.key.endsWith(`/${RECORD_FILE}`) && o.key.slice(logsPrefix.length).split('/').length === 2)
      .sort((a, b) => (a.lastModified < b.lastModified ? 1 : -1))
      .slice(0, limit);
    const records = (await Promise.all(recent.map((o) => fetchRecord(http, o.key).catch(() => undefined)))).filter((r): r is ExperimentRecord => r !== undefined);
    rt.outputs.experiments = records.map((r) => ({
      id: r.experimentId,
      status: r.outcome.status,
      failure: r.outcome.failure ?? null,
      exitCode: r.outcome.exitCode ?? null,
      gpu: r.host?.gpuName ?? null,
      usdPerHour: r.host?.usdPerHour ?? null,
      costUsd: r.costUsd ?? null,
      commit: r.github?.commit ?? null,
      finished: r.timestamps.persistEnd ?? null,
    }));
    if (json) return;
    const rows = records.map((r) => [
      r.experimentId,
      r.outcome.status,
      r.outcome.failure ?? '-',
      r.host?.gpuName ?? '-',
      r.costUsd !== undefined ? `$${r.costUsd.toFixed(2)}` : '-',
      (r.github?.commit ?? '-').slice(0, 8),
      r.timestamps.persistEnd ?? '-',
    ]);
    process.stdout.write(`${renderTextTable(['experiment', 'result', 'failure', 'GPU', 'cost', 'commit', 'finished'], rows)}\n${records.length} experiments\n`);
  } finally {
    await http.close();
  }
}
