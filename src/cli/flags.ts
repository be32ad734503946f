import { Option, type Command } from 'commander';
import { inputVar, type Env } from '../inputs/reader.js';

/** A CLI flag is the action input of the same name; the value becomes INPUT_<NAME>. */
interface Flag {
  input: string;
  description: string;
  boolean?: boolean;
  repeatable?: boolean;
}

export const CONNECTION_FLAGS: Flag[] = [
  { input: 'endpoint', description: 'S3 endpoint URL (env R2_ENDPOINT)' },
  { input: 'account-id', description: 'Cloudflare account id; builds the R2 endpoint (env R2_ACCOUNT_ID)' },
  { input: 'jurisdiction', description: 'R2 jurisdiction: eu, fedramp or us (env R2_JURISDICTION)' },
  { input: 'bucket', description: 'bucket (env R2_BUCKET; default models)' },
  { input: 'prefix', description: 'key prefix in front of every folder (env R2_PREFIX; default stock/)' },
  { input: 'access-key-id', description: 'access key id (env R2_ACCESS_KEY_ID, then AWS_ACCESS_KEY_ID)' },
  { input: 'secret-access-key', description: 'secret key; prefer the env R2_SECRET_ACCESS_KEY (flags show in ps)' },
  { input: 'region', description: 'signing region (default auto)' },
  { input: 'local-root', description: 'local root folder (env LOCAL_ROOT, then GITHUB_WORKSPACE; default /workspace)' },
  { input: 'concurrency', description: 'requests in flight (default 32)' },
];

export const HYDRATE_FLAGS: Flag[] = [
  { input: 'dirs', description: 'folders to pull, comma-separated (default trainingdata,trainingdatadaily,trainingdatahourly,compiled_models,hyperparams)' },
  { input: 'extra-dirs', description: 'more folders, comma-separated (env EXTRA_PULL_DIRS)' },
  { input: 'include', description: 'only paths matching this glob (relative to the local root; repeatable)', repeatable: true },
  { input: 'exclude', description: 'skip paths matching this glob (repeatable)', repeatable: true },
  { input: 'delete', description: 'delete local files that are gone from the bucket', boolean: true },
  { input: 'dry-run', description: 'print the plan and change nothing', boolean: true },
];

export const PERSIST_FLAGS: Flag[] = [
  { input: 'log-dir', description: 'log folder, relative to the local root (env LOCAL_LOG_DIR; default marketsimulator/run_logs)' },
  { input: 'experiment-id', description: 'experiment id (env EXPERIMENT_ID; generated when absent)' },
  { input: 'logs-prefix', description: 'key prefix of the logs under --prefix (default marketsimulator/logs/)' },
  { input: 'if-no-files-found', description: 'warn, error or ignore (default warn)' },
];

function optionName(input: string): string {
  return input.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function addFlags(cmd: Command, flags: Flag[]): Command {
  for (const f of flags) {
    const spec = f.boolean ? `--${f.input}` : f.repeatable ? `--${f.input} <glob...>` : `--${f.input} <value>`;
    cmd.addOption(new Option(spec, f.description));
  }
  return cmd;
}

/** Flags given on the command line win over the environment, exactly like action inputs. */
export function flagsToEnv(opts: Record<string, unknown>, flags: Flag[], base: Env): Env {
  const env: Env = { ...base };
  for (const f of flags) {
    const v = opts[optionName(f.input)];
    if (v === undefined) continue;
    env[inputVar(f.input)] = Array.isArray(v) ? v.join('\n') : v === true ? 'true' : String(v);
  }
  return env;
}
