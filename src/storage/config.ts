import type { StoreConfig } from '../s3/store.js';

export interface HydrateConfig {
  store: StoreConfig;
  /** Key prefix in front of every folder, '' or ending in '/'. */
  prefix: string;
  /** Folders pulled from `<prefix><dir>/` into `<localRoot>/<dir>/`. */
  dirs: string[];
  localRoot: string;
  concurrency: number;
  /**
   * Objects that fit one buffer (smallMax) get more requests in flight than `concurrency` when their
   * answers are slow (latency-bound, as R2 across the internet): up to SMALL_MAX_IN_FLIGHT, which at
   * 256 KiB each bounds the bytes in flight to 32 MiB. Off when the user set a concurrency.
   */
  adaptive?: boolean;
  delete: boolean;
  dryRun: boolean;
  include: string[];
  exclude: string[];
}

export type IfNoFilesFound = 'warn' | 'error' | 'ignore';

export interface PersistConfig {
  store: StoreConfig;
  /** Absolute folder whose files are uploaded. */
  logDir: string;
  experimentId: string;
  /** Full key prefix of the target folder, ending in '/'. */
  targetPrefix: string;
  ifNoFilesFound: IfNoFilesFound;
  concurrency: number;
  /** Only these files (relative paths): push has already compared the rest, so they are not read again. */
  only?: ReadonlySet<string>;
}

export const DEFAULT_DIRS = ['trainingdata', 'trainingdatadaily', 'trainingdatahourly', 'compiled_models', 'hyperparams'];
export const DEFAULT_BUCKET = 'models';
export const DEFAULT_PREFIX = 'stock/';
export const DEFAULT_LOG_DIR = 'marketsimulator/run_logs';
export const DEFAULT_LOGS_PREFIX = 'marketsimulator/logs/';
export const DEFAULT_CONCURRENCY = 32;
/** The most small-object GETs in flight when adapting to latency (s5cmd defaults to 256 workers). */
export const SMALL_MAX_IN_FLIGHT = 256;

/**
 * Listed objects waiting to start beyond which a hydrate's listing stops paging ahead (resuming at
 * half): ten pages. Memory then stays flat in the folder's size, and a page (~100 ms from a GPU host)
 * arrives long before 5,000 waiting objects run out (256 in flight at 40 ms: ~0.8 s of work).
 */
export const BACKLOG_HIGH = 10_000;
