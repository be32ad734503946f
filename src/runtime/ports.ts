/**
 * Ports between the engines and the world. The engines never import @actions/core:
 * the actions adapter and the CLI adapter implement these, so one engine serves both.
 */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
  debug(message: string): void;
}

/** A table for the job summary (actions) or the terminal (CLI). */
export interface SummaryTable {
  title: string;
  header: string[];
  rows: string[][];
}

export interface SummaryDoc {
  heading: string;
  lines: string[];
  tables: SummaryTable[];
}

export interface TransferProgress {
  /** What is moving: "download" or "upload". */
  verb: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  elapsedMs: number;
}

export interface ProgressSink {
  update(p: TransferProgress): void;
  done(p: TransferProgress): void;
}

/** The GitHub Actions cache, where the host has one (not on the CLI). */
export interface CachePort {
  /** The key restored, or undefined on a miss. */
  restore(paths: string[], key: string): Promise<string | undefined>;
  save(paths: string[], key: string): Promise<void>;
}

/** Everything an entry point needs from its host besides inputs. */
export interface Runtime {
  log: Logger;
  /** Register a secret so the host hides it from every later log line. */
  mask(secret: string): void;
  setOutput(name: string, value: string | number | boolean): void;
  saveState(name: string, value: string): void;
  getState(name: string): string;
  writeSummary(doc: SummaryDoc): Promise<void>;
  progress(label: string): ProgressSink;
  cache?: CachePort;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
};
