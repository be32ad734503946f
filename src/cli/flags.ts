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
  { input: 'session-token', description: 'session token of temporary credentials; prefer the env R2_SESSION_TOKEN or AWS_SESSION_TOKEN' },
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
  { input: 'logs-bucket', description: 'bucket for the logs when not the data bucket (env R2_LOGS_BUCKET)' },
  { input: 'if-no-files-found', description: 'warn, error or ignore (default warn)' },
];

export const PUSH_FLAGS: Flag[] = [
  { input: 'dirs', description: 'folders under the local root to publish, comma-separated (required)' },
  { input: 'delete', description: 'remove remote objects missing locally, inside those folders only (after printing the plan)', boolean: true },
  { input: 'dry-run', description: 'print the plan and change nothing', boolean: true },
];

export const VAST_FLAGS: Flag[] = [
  { input: 'api-key', description: 'Vast.ai API key; prefer the env VAST_API_KEY (flags show in ps)' },
  { input: 'api-url', description: 'Vast.ai API base URL (env VAST_URL; default https://console.vast.ai)' },
];

export const OFFER_FLAGS: Flag[] = [
  { input: 'gpu-name', description: 'GPU model (default "RTX 5090")' },
  { input: 'num-gpus', description: 'GPUs per instance (default 1)' },
  { input: 'verified', description: 'only verified hosts: true or false (default true)' },
  { input: 'min-reliability', description: 'minimum reliability, 0..1' },
  { input: 'max-price', description: 'USD per hour cap' },
  { input: 'regions', description: 'country codes, comma-separated' },
  { input: 'min-cuda', description: 'minimum CUDA version (default 12.8)' },
  { input: 'min-inet-down', description: 'minimum download Mbit/s' },
  { input: 'disk', description: 'disk GB (default 200)' },
  { input: 'max-attempts', description: 'offers to try (default 3)' },
  { input: 'exclude-machines', description: 'machine ids not to rent, comma-separated' },
];

export const PROVISION_FLAGS: Flag[] = [
  { input: 'offer-id', description: 'rent exactly this offer' },
  { input: 'image', description: 'image to run (env IMAGE_REF)' },
  { input: 'image-username', description: 'pull-only registry user (env REGISTRY_PULL_USERNAME)' },
  { input: 'image-password', description: 'pull-only registry password; prefer env REGISTRY_PULL_PASSWORD' },
  { input: 'env', description: 'KEY=VALUE lines for the instance' },
  { input: 'label-prefix', description: 'label prefix (default marketsim)' },
  { input: 'github-token', description: 'runner-admin token; prefer env MARKETSIM_GITHUB_TOKEN' },
  { input: 'runner-scope', description: 'repo or org (repository from GITHUB_REPOSITORY)' },
  { input: 'runner-group-id', description: 'runner group id (default 1)' },
  { input: 'runner-labels', description: 'extra runner labels' },
  { input: 'runner-version', description: 'runner version (default the pinned 2.336.0)' },
  { input: 'runner-sha256', description: 'SHA-256 of a non-default runner version' },
  { input: 'min-balance', description: 'minimum credit in USD' },
  { input: 'wait-timeout', description: 'e.g. 15m' },
  { input: 'runner-timeout', description: 'e.g. 10m' },
  { input: 'max-lifetime', description: 'e.g. 6h (default max-runtime + job-grace + 30m, else 6h)' },
  { input: 'job-grace', description: 'e.g. 15m' },
  { input: 'max-runtime', description: 'timeout of the job on the GPU, e.g. 240m' },
  { input: 'spend-cap', description: 'USD: lanes x price x lifetime must stay under it (default 25)' },
  { input: 'lanes', description: 'GPUs the experiment rents in all (default 1)' },
  { input: 'storage-credentials', description: 'auto, required or none: scoped storage credentials for the host' },
  { input: 'cloudflare-api-token', description: 'mints the host\'s temporary R2 credentials; prefer env CLOUDFLARE_API_TOKEN' },
  { input: 'r2-account-id', description: 'Cloudflare account id (env R2_ACCOUNT_ID)' },
  { input: 'r2-jurisdiction', description: 'R2 jurisdiction of the buckets: eu, fedramp or us (env R2_JURISDICTION)' },
  { input: 'r2-access-key-id', description: 'parent R2 token\'s access key id (env R2_ACCESS_KEY_ID)' },
  { input: 'r2-bucket', description: 'data bucket (env R2_BUCKET)' },
  { input: 'r2-logs-bucket', description: 'logs bucket (env R2_LOGS_BUCKET)' },
  { input: 'experiment-id', description: 'the logs folder the host may write (env EXPERIMENT_ID)' },
  { input: 'extra-dirs', description: 'more data folders the host may read (env EXTRA_PULL_DIRS)' },
];

export const TEARDOWN_FLAGS: Flag[] = [
  { input: 'instance-id', description: 'instance to destroy' },
  { input: 'label', description: 'find instances and runners by label (trailing * = prefix)' },
  { input: 'github-token', description: 'runner-admin token; prefer env MARKETSIM_GITHUB_TOKEN' },
  { input: 'runner-scope', description: 'repo or org' },
  { input: 'runner-id', description: 'runner registration to delete' },
  { input: 'runner-name', description: 'runner name to delete' },
  { input: 'label-prefix', description: 'reap: prefix of our labels (default marketsim)' },
  { input: 'max-age', description: 'reap: destroy ours older than this (default 6h)' },
  { input: 'dry-run', description: 'reap: list only', boolean: true },
];

function optionName(input: string): string {
  return input.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Repeatable flags take one value each time (`--include a --include b`), never a variadic list:
 * a variadic `--include` would swallow the words after it, the command of `run` included.
 */
export function addFlags(cmd: Command, flags: Flag[]): Command {
  for (const f of flags) {
    const spec = f.boolean ? `--${f.input}` : `--${f.input} <value>`;
    const opt = new Option(spec, f.description);
    if (f.repeatable) opt.argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
    cmd.addOption(opt);
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
