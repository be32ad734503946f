import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import type { VerifyMethod } from '../s3/etag.js';

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
/** Changes since the last snapshot, one JSON line each: `[rel, size, etag, mtimeMs, method]` or `[rel]` for a removal. */
export const JOURNAL_SUFFIX = '.journal';

export function statePath(localRoot: string): string {
  return path.join(localRoot, STATE_DIR, STATE_FILE);
}

/**
 * The hydrate state file, kept in `<local-root>/.marketsim/` (outside the data folders, so the
 * simulator never sees it). During a run, changes are appended to a journal beside it (`flush`,
 * every 2 s: a few lines, not the whole 10 MB of a 100,000-object state); the end of a run writes one
 * snapshot atomically and drops the journal (`save`). Loading replays the journal over the snapshot,
 * ignoring a torn last line, so a killed run loses nothing it had flushed. A lost or corrupt file only
 * costs re-verification.
 */
export class LocalState {
  private readonly entries = new Map<string, StateEntry>();
  private dirty = false;
  /** Changes not yet in the journal; null = removed. */
  private readonly pending = new Map<string, StateEntry | null>();

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
    s.replayJournal();
    return s;
  }

  private get journal(): string {
    return `${this.file}${JOURNAL_SUFFIX}`;
  }

  private replayJournal(): void {
    let text: string;
    try {
      text = fs.readFileSync(this.journal, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const j = JSON.parse(line) as [string, number?, string?, number?, VerifyMethod?];
        if (typeof j[0] !== 'string') continue;
        if (j.length === 1) this.entries.delete(j[0]);
        else if (j.length === 5) this.entries.set(j[0], { size: j[1]!, etag: j[2]!, mtimeMs: j[3]!, method: j[4]! });
      } catch {
        // the torn last line of a killed run
      }
    }
    // What the journal held is not in the snapshot yet.
    this.dirty = true;
  }

  get(rel: string): StateEntry | undefined {
    return this.entries.get(rel);
  }

  set(rel: string, e: StateEntry): void {
    this.entries.set(rel, e);
    this.pending.set(rel, e);
    this.dirty = true;
  }

  delete(rel: string): void {
    if (this.entries.delete(rel)) {
      this.pending.set(rel, null);
      this.dirty = true;
    }
  }

  /** Appends the changes since the last flush to the journal (cheap: only what changed). */
  flush(): void {
    if (this.pending.size === 0) return;
    let lines = '';
    for (const [rel, e] of this.pending) lines += `${JSON.stringify(e ? [rel, e.size, e.etag, e.mtimeMs, e.method] : [rel])}\n`;
    this.pending.clear();
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    fs.appendFileSync(this.journal, lines);
  }

  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  get size(): number {
    return this.entries.size;
  }

  /** The snapshot: written to a temporary file and renamed (never torn), then the journal is dropped. */
  save(): void {
    if (!this.dirty) return;
    const files: Record<string, Packed> = {};
    for (const [rel, e] of this.entries) files[rel] = [e.size, e.etag, e.mtimeMs, e.method];
    writeFileAtomic(this.file, JSON.stringify({ version: 1, files } satisfies StateFile));
    fs.rmSync(this.journal, { force: true });
    this.pending.clear();
    this.dirty = false;
  }
}
