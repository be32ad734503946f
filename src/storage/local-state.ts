import fs from 'node:fs';
import path from 'node:path';
import { writeChunksAtomic } from '../atomic-write.js';
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

/** Lines read from a file in pieces of this size: the journal of a 100,000-object run is ~7 MB. */
const READ_CHUNK = 1 << 20;

/** The lines of `file` from byte `from` on, read a piece at a time. */
function* linesOf(file: string, from = 0): Generator<string> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return;
  }
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    let pos = from;
    let rest = '';
    for (;;) {
      const n = fs.readSync(fd, buf, 0, buf.length, pos);
      if (n === 0) break;
      pos += n;
      // Cut at the last newline: a UTF-8 character never spans it.
      const cut = buf.lastIndexOf(10, n - 1);
      if (cut === -1) {
        rest += buf.toString('utf8', 0, n);
        continue;
      }
      const text = rest + buf.toString('utf8', 0, cut);
      rest = buf.toString('utf8', cut + 1, n);
      yield* text.split('\n');
    }
    if (rest) yield rest;
  } finally {
    fs.closeSync(fd);
  }
}

function lastByte(file: string, size: number): number {
  const fd = fs.openSync(file, 'r');
  try {
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, size - 1);
    return b[0]!;
  } finally {
    fs.closeSync(fd);
  }
}

type JournalLine = [string] | [string, number, string, number, VerifyMethod];

function parseJournalLine(line: string): JournalLine | undefined {
  if (!line) return undefined;
  try {
    const j = JSON.parse(line) as unknown[];
    if (!Array.isArray(j) || typeof j[0] !== 'string') return undefined;
    if (j.length === 1 || j.length === 5) return j as JournalLine;
  } catch {
    // the torn last line of a killed run
  }
  return undefined;
}

/**
 * The hydrate state file, kept in `<local-root>/.marketsim/` (outside the data folders, so the
 * simulator never sees it). During a run, changes are appended to a journal beside it (`flush`,
 * every 2 s: a few lines, not the whole 10 MB of a 100,000-object state); the end of a run writes one
 * snapshot atomically and drops the journal (`save`). Loading replays the journal over the snapshot,
 * ignoring a torn last line, so a killed run loses nothing it had flushed. A lost or corrupt file only
 * costs re-verification.
 *
 * Memory: what was recorded before this run, plus changes not flushed yet. A record made in this run
 * lives in the journal once flushed, and `save` copies the journal into the snapshot a piece at a
 * time: a full download of 100,000 objects holds no record per file (a run looks each path up once,
 * before it changes it).
 */
export class LocalState {
  /** Records from before this run that this run has not changed. */
  private readonly entries = new Map<string, StateEntry>();
  private dirty = false;
  /** Changes not yet in the journal; null = removed. */
  private readonly pending = new Map<string, StateEntry | null>();
  /** Where this run's lines start in the journal: what comes before was a killed run's, replayed into `entries`. */
  private journalFrom = 0;
  /** Lines this run wrote to the journal, and the last line that removed each path (a set before it is void). Removals are few: delete mode. */
  private journalLines = 0;
  private readonly removedAt = new Map<string, number>();
  private saved = false;

  constructor(readonly file: string) {}

  static load(file: string): LocalState {
    const s = new LocalState(file);
    let raw: string;
    try {
      raw = fs.readFileSync(file, 'utf8');
    } catch {
      s.replayJournal();
      return s;
    }
    try {
      const parsed = JSON.parse(raw) as StateFile;
      if (parsed.version === 1 && parsed.files && typeof parsed.files === 'object') {
        // for-in, not Object.entries: no array of 100,000 pairs on top of the parsed file.
        const files = parsed.files;
        for (const rel in files) {
          const p = files[rel];
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
    let size: number;
    try {
      size = fs.statSync(this.journal).size;
    } catch {
      return;
    }
    for (const line of linesOf(this.journal)) {
      const j = parseJournalLine(line);
      if (!j) continue;
      if (j.length === 1) this.entries.delete(j[0]);
      else this.entries.set(j[0], { size: j[1], etag: j[2], mtimeMs: j[3], method: j[4] });
    }
    // After a torn last line, this run's lines start on a line of their own.
    if (size > 0 && lastByte(this.journal, size) !== 10) {
      fs.appendFileSync(this.journal, '\n');
      size++;
    }
    this.journalFrom = size;
    // What the journal held is not in the snapshot yet.
    this.dirty = true;
  }

  /** The record of `rel` from before this run, or its change in this run while not flushed yet. */
  get(rel: string): StateEntry | undefined {
    const p = this.pending.get(rel);
    return p === undefined ? this.entries.get(rel) : (p ?? undefined);
  }

  set(rel: string, e: StateEntry): void {
    this.usable();
    this.entries.delete(rel);
    this.pending.set(rel, e);
    this.dirty = true;
  }

  delete(rel: string): void {
    this.usable();
    // Removing a record made in this run that is in the journal already: the removal goes there too.
    this.entries.delete(rel);
    this.pending.set(rel, null);
    this.dirty = true;
  }

  /** Appends the changes since the last flush to the journal (cheap: only what changed). */
  flush(): void {
    if (this.pending.size === 0) return;
    let lines = '';
    const removed: [string, number][] = [];
    let n = this.journalLines;
    for (const [rel, e] of this.pending) {
      if (!e) removed.push([rel, n]);
      lines += `${JSON.stringify(e ? [rel, e.size, e.etag, e.mtimeMs, e.method] : [rel])}\n`;
      n++;
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    // Kept pending until appended: a failed append (disk full) is tried again at the next flush.
    // A partial append leaves a torn line, which loading skips; a record it held is re-verified next run.
    fs.appendFileSync(this.journal, lines);
    this.pending.clear();
    this.journalLines = n;
    for (const [rel, at] of removed) this.removedAt.set(rel, at);
  }

  /** Records from before this run that it has not changed. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The snapshot: the unchanged records, then this run's journal replayed in order (a removal after
   * a set cancels it), written to a temporary file a piece at a time and renamed (never torn); then
   * the journal is dropped.
   */
  save(): void {
    if (!this.dirty) return;
    this.flush();
    const { entries, journal, journalFrom, removedAt } = this;
    function* records(): Generator<[string, Packed]> {
      for (const [rel, e] of entries) yield [rel, [e.size, e.etag, e.mtimeMs, e.method]];
      let i = 0;
      // A path set twice in this run appears twice: JSON.parse keeps the last, which is the newer.
      for (const line of linesOf(journal, journalFrom)) {
        const j = parseJournalLine(line);
        const at = i++;
        if (!j || j.length === 1) continue;
        const removed = removedAt.get(j[0]);
        if (removed === undefined || removed < at) yield [j[0], [j[1], j[2], j[3], j[4]]];
      }
    }
    function* chunks(): Generator<string> {
      let out = '{"version":1,"files":{';
      let sep = '';
      for (const [rel, packed] of records()) {
        out += `${sep}${JSON.stringify(rel)}:${JSON.stringify(packed)}`;
        sep = ',';
        if (out.length > 1 << 16) {
          yield out;
          out = '';
        }
      }
      yield `${out}}}`;
    }
    writeChunksAtomic(this.file, chunks());
    fs.rmSync(this.journal, { force: true });
    // The snapshot now holds this run's records, which this object does not: load the file again to go on.
    this.entries.clear();
    this.saved = true;
    this.dirty = false;
  }

  private usable(): void {
    if (this.saved) throw new Error('LocalState: changed after save; load the file again');
  }
}
