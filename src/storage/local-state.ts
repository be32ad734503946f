import fs from 'node:fs';
import path from 'node:path';
import type { VerifyMethod } from './etag.js';

/** What we know about one file we wrote: enough to skip it next time without asking the store. */
export interface StateEntry {
  size: number;
  etag: string;
  /** Local mtime right after the download; a later edit or truncation changes it. */
  mtimeMs: number;
  method: VerifyMethod;
}

type Packed = [number, string, number, VerifyMethod];

interface StateFile {
  version: 1;
  files: Record<string, Packed>;
}

export const STATE_DIR = '.marketsim';
export const STATE_FILE = 'hydrate-state.json';

export function statePath(localRoot: string): string {
  return path.join(localRoot, STATE_DIR, STATE_FILE);
}

/**
 * The hydrate state file, kept in `<local-root>/.marketsim/` (outside the data folders, so the
 * simulator never sees it). Written atomically; a lost or corrupt file only costs re-verification.
 */
export class LocalState {
  private readonly entries = new Map<string, StateEntry>();
  private dirty = false;

  constructor(readonly file: string) {}

  static load(file: string): LocalState {
    const s = new LocalState(file);
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch {
      return s;
    }
    try {
      const parsed = JSON.parse(raw) as StateFile;
      if (parsed.version === 1 && parsed.files && typeof parsed.files === 'object') {
        for (const [rel, p] of Object.entries(parsed.files)) {
          if (Array.isArray(p) && p.length === 4) s.entries.set(rel, { size: p[0], etag: p[1], mtimeMs: p[2], method: p[3] });
        }
      }
    } catch {
      // A torn or foreign file: start empty; files on disk get re-verified against the listing.
    }
    return s;
  }

  get(rel: string): StateEntry | undefined {
    return this.entries.get(rel);
  }

  set(rel: string, e: StateEntry): void {
    this.entries.set(rel, e);
    this.dirty = true;
  }

  delete(rel: string): void {
    if (this.entries.delete(rel)) this.dirty = true;
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Write to a temporary file and rename, so a kill mid-write never leaves a torn state file. */
  save(): void {
    if (!this.dirty) return;
    const files: Record<string, Packed> = {};
    for (const [rel, e] of this.entries) files[rel] = [e.size, e.etag, e.mtimeMs, e.method];
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ version: 1, files } satisfies StateFile));
    fs.renameSync(tmp, this.file);
    this.dirty = false;
  }
}
