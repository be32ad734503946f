import fs from 'node:fs';
import path from 'node:path';
import { writeChunksAtomic } from '../atomic-write.js';
import type { VerifyMethod } from '../s3/etag.js';
import { compareKeys } from '../s3/key-order.js';
import { batchLines, byKey, keyOfLine, linesFrom, linesOf, mergeSorted, seekLine, type KeyedLine } from './sorted-lines.js';

/** What we know about one file we wrote: enough to skip it next time without asking the store. */
export interface StateEntry {
  size: number;
  etag: string;
  /** Local mtime right after the download; a later edit or truncation changes it. */
  mtimeMs: number;
  method: VerifyMethod;
}

export const STATE_DIR = '.marketsim';
export const STATE_FILE = 'hydrate-state.json';
/** Changes since the last snapshot, one JSON line each: `[rel, size, etag, mtimeMs, method]` or `[rel]` for a removal. */
export const JOURNAL_SUFFIX = '.journal';

export function statePath(localRoot: string): string {
  return path.join(localRoot, STATE_DIR, STATE_FILE);
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

/** A journal line as a merge takes it: a removal has no line. */
function keyedOf(line: string): KeyedLine | undefined {
  const j = parseJournalLine(line);
  return j && { key: j[0], line: j.length === 1 ? null : line };
}

function entryOf(line: string): StateEntry | undefined {
  const j = parseJournalLine(line);
  return j && j.length === 5 ? { size: j[1], etag: j[2], mtimeMs: j[3], method: j[4] } : undefined;
}

/** The first line of a snapshot; the records follow, one per line, sorted by path in S3's key order. */
const HEADER = '{"version":2}';
const DATA_START = Buffer.byteLength(`${HEADER}\n`);
/** Journal records sorted in memory at a time when a snapshot is written; more spill to sorted run files. */
export const SORT_CHUNK = 20_000;

/**
 * The hydrate state file, kept in `<local-root>/.marketsim/` (outside the data folders, so the
 * simulator never sees it): a header line, then one record per line, sorted by path in the order
 * S3 lists keys. It is never loaded: each listing page is looked up in one forward pass over the
 * slice of the file it spans (found by binary search), so a no-op over 100,000 objects holds no
 * record per file.
 *
 * During a run, changes are appended to a journal beside it (`flush`, every 2 s: a few lines, not
 * the whole 10 MB of a 100,000-object state). `save` merges the journal into a new snapshot, sorted
 * in pieces of SORT_CHUNK records, written atomically, and drops the journal. Loading merges a
 * killed run's journal first (ignoring its torn last line), so it loses nothing it had flushed. A
 * lost or corrupt file only costs re-verification. A version 1 file (one JSON object) is rewritten
 * once.
 */
export class LocalState {
  /** Changes not yet in the journal; null = removed. */
  private readonly pending = new Map<string, StateEntry | null>();
  /** The journal holds lines the snapshot lacks. */
  private dirty = false;
  /** A killed run's journal could not be merged at load: this run's lines start on a line of their own. */
  private tornCheck = false;
  private saved = false;
  /** Bytes read from the snapshot by lookups (a test checks that a page reads only its slice). */
  bytesRead = 0;

  constructor(
    readonly file: string,
    private readonly sortChunk = SORT_CHUNK,
  ) {}

  static load(file: string, sortChunk = SORT_CHUNK): LocalState {
    const s = new LocalState(file, sortChunk);
    s.upgradeVersion1();
    if (fs.existsSync(s.journal)) {
      s.dirty = true;
      try {
        s.merge();
      } catch {
        // Left for save (which merges the whole journal); until then lookups miss its records,
        // which costs re-verification of those files, never a wrong skip.
        s.tornCheck = true;
      }
    }
    return s;
  }

  private get journal(): string {
    return `${this.file}${JOURNAL_SUFFIX}`;
  }

  /** A version 1 state (one JSON object) becomes a sorted snapshot, once. */
  private upgradeVersion1(): void {
    const snap = this.openSnapshot();
    if (snap) {
      fs.closeSync(snap.fd);
      return;
    }
    let raw: string;
    try {
      raw = fs.readFileSync(this.file, 'utf8');
    } catch {
      return;
    }
    try {
      const parsed = JSON.parse(raw) as { version?: number; files?: Record<string, unknown> };
      if (parsed.version !== 1 || !parsed.files || typeof parsed.files !== 'object') return;
      const recs: KeyedLine[] = [];
      for (const [rel, p] of Object.entries(parsed.files)) if (Array.isArray(p) && p.length === 4) recs.push({ key: rel, line: JSON.stringify([rel, ...(p as unknown[])]) });
      recs.sort(byKey);
      writeChunksAtomic(this.file, batchLines([HEADER, ...recs.map((r) => r.line!)]));
    } catch {
      // A torn or foreign file: lookups find nothing in it, and save replaces it.
    }
  }

  /**
   * The records of `rels` from before this run, or their changes in this run not flushed yet. One
   * forward pass over the slice of the snapshot they span: a listing page, in key order, reads
   * about its own share of the file.
   */
  lookup(rels: readonly string[]): (StateEntry | undefined)[] {
    const out: (StateEntry | undefined)[] = new Array<StateEntry | undefined>(rels.length).fill(undefined);
    const want: number[] = [];
    for (let i = 0; i < rels.length; i++) {
      const p = this.pending.get(rels[i]!);
      if (p === undefined) want.push(i);
      else out[i] = p ?? undefined;
    }
    if (want.length === 0) return out;
    // Already in this order when they come from a listing page: the sort is one pass then.
    want.sort((i, j) => compareKeys(rels[i]!, rels[j]!));
    const snap = this.openSnapshot();
    if (!snap) return out;
    const { fd, size, count } = snap;
    try {
      let k = 0;
      for (const line of linesFrom(fd, seekLine(fd, DATA_START, size, rels[want[0]!]!, count), count)) {
        const key = keyOfLine(line);
        if (key === undefined) continue;
        while (k < want.length && compareKeys(rels[want[k]!]!, key) < 0) k++;
        if (k === want.length) break;
        while (k < want.length && rels[want[k]!] === key) out[want[k++]!] = entryOf(line);
      }
    } finally {
      fs.closeSync(fd);
    }
    return out;
  }

  /**
   * Up to `max` records after the path `after` (exclusive) and under its folder `dir`, in key order:
   * what a listing range will most likely name first (the read-ahead of a no-op).
   */
  *recordsAfter(after: string, dir: string, max: number): Generator<[string, StateEntry]> {
    const snap = this.openSnapshot();
    if (!snap) return;
    const { fd, size, count } = snap;
    try {
      let n = 0;
      for (const line of linesFrom(fd, seekLine(fd, DATA_START, size, after, count), count)) {
        const key = keyOfLine(line);
        if (key === undefined || compareKeys(key, after) <= 0) continue;
        if (!key.startsWith(`${dir}/`)) return;
        const e = entryOf(line);
        if (!e) continue;
        yield [key, e];
        if (++n >= max) return;
      }
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The snapshot open for reading, when there is one with our header (closed here otherwise); `count` adds to bytesRead. */
  private openSnapshot(): { fd: number; size: number; count: (n: number) => void } | undefined {
    let fd: number;
    try {
      fd = fs.openSync(this.file, 'r');
    } catch {
      return undefined;
    }
    try {
      const head = Buffer.alloc(DATA_START);
      if (fs.readSync(fd, head, 0, DATA_START, 0) === DATA_START && head.toString('utf8') === `${HEADER}\n`) {
        return { fd, size: fs.fstatSync(fd).size, count: (n) => (this.bytesRead += n) };
      }
    } catch {
      // unreadable: as if absent
    }
    fs.closeSync(fd);
    return undefined;
  }

  /** One record; see `lookup`. */
  get(rel: string): StateEntry | undefined {
    return this.lookup([rel])[0];
  }

  set(rel: string, e: StateEntry): void {
    this.usable();
    this.pending.set(rel, e);
    this.dirty = true;
  }

  delete(rel: string): void {
    this.usable();
    this.pending.set(rel, null);
    this.dirty = true;
  }

  /** Appends the changes since the last flush to the journal (cheap: only what changed). */
  flush(): void {
    if (this.pending.size === 0) return;
    let lines = '';
    for (const [rel, e] of this.pending) lines += `${JSON.stringify(e ? [rel, e.size, e.etag, e.mtimeMs, e.method] : [rel])}\n`;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    if (this.tornCheck) {
      // After a killed run's torn last line, this run's lines start on a line of their own.
      if (!endsWithNewline(this.journal)) lines = `\n${lines}`;
      this.tornCheck = false;
    }
    // Kept pending until appended: a failed append (disk full) is tried again at the next flush.
    // A partial append leaves a torn line, which loading skips; a record it held is re-verified next run.
    fs.appendFileSync(this.journal, lines);
    this.pending.clear();
  }

  /** Merges the journal into a new snapshot (see the class comment), then drops the journal. */
  save(): void {
    if (!this.dirty) return;
    this.flush();
    this.merge();
    this.saved = true;
  }

  private merge(): void {
    const runs: string[] = [];
    try {
      const sources: Iterator<KeyedLine>[] = [this.snapshotRecords()];
      let chunk: KeyedLine[] = [];
      const spill = (): void => {
        // Stable: a path changed twice keeps its journal order, and the later wins the merge.
        chunk.sort(byKey);
        const run = `${this.file}.run-${process.pid}-${runs.length}`;
        runs.push(run);
        fs.writeFileSync(run, [...batchLines(chunk.map((r) => r.line ?? JSON.stringify([r.key])))].join(''));
        chunk = [];
      };
      for (const line of linesOf(this.journal)) {
        const rec = keyedOf(line);
        if (!rec) continue;
        chunk.push(rec);
        if (chunk.length >= this.sortChunk) spill();
      }
      if (runs.length && chunk.length) spill();
      if (runs.length) for (const run of runs) sources.push(runRecords(run));
      else sources.push(chunk.sort(byKey).values());
      writeChunksAtomic(this.file, batchLines([HEADER, ...mergeSorted(sources)]));
      fs.rmSync(this.journal, { force: true });
      this.dirty = false;
    } finally {
      for (const run of runs) fs.rmSync(run, { force: true });
    }
  }

  private *snapshotRecords(): Generator<KeyedLine> {
    const snap = this.openSnapshot();
    if (!snap) return;
    try {
      for (const line of linesFrom(snap.fd, DATA_START)) {
        const key = keyOfLine(line);
        if (key !== undefined) yield { key, line };
      }
    } finally {
      fs.closeSync(snap.fd);
    }
  }

  private usable(): void {
    if (this.saved) throw new Error('LocalState: changed after save; load the file again');
  }
}

function* runRecords(file: string): Generator<KeyedLine> {
  for (const line of linesOf(file)) {
    const rec = keyedOf(line);
    if (rec) yield rec;
  }
}

function endsWithNewline(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return true;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size === 0) return true;
    const b = Buffer.alloc(1);
    fs.readSync(fd, b, 0, 1, size - 1);
    return b[0] === 10;
  } finally {
    fs.closeSync(fd);
  }
}
