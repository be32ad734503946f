import fs from 'node:fs';
import { compareKeys } from '../s3/key-order.js';

/**
 * Files of JSON lines `["<key>", ...]` sorted by key (S3's order): looked up by binary search over
 * byte offsets and read forward a piece at a time, merged without holding either side. This is
 * how a state of 100,000 records is used without loading it.
 */

/** Lines read (and scanned) a piece at a time. */
const READ_CHUNK = 1 << 16;
/** Below this span the binary search stops and the caller scans forward. */
const SCAN_SPAN = 1 << 16;
/** One probe reads this much: enough for the line after any offset (keys are at most 1,024 bytes). */
const PROBE = 1 << 13;

/** The key of `["<key>", ...]`: sliced without a parse when it has no escapes (nearly always). */
export function keyOfLine(line: string): string | undefined {
  if (line.startsWith('["')) {
    const end = line.indexOf('"', 2);
    const esc = line.indexOf('\\', 2);
    if (end !== -1 && (esc === -1 || esc > end)) return line.slice(2, end);
  }
  try {
    const j = JSON.parse(line) as unknown;
    return Array.isArray(j) && typeof j[0] === 'string' ? j[0] : undefined;
  } catch {
    return undefined;
  }
}

/** The lines of an open file from byte `pos` on; `onRead` counts the bytes read. */
export function* linesFrom(fd: number, pos: number, onRead?: (n: number) => void): Generator<string> {
  const buf = Buffer.allocUnsafe(READ_CHUNK);
  let rest = '';
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, pos);
    if (n === 0) break;
    onRead?.(n);
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
}

/** The lines of `file` from byte `from` on; nothing when it does not exist. */
export function* linesOf(file: string, from = 0): Generator<string> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return;
  }
  try {
    yield* linesFrom(fd, from);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A line start at or after `start` such that every line before it has a key below `target`:
 * scanning forward from there meets `target`'s line, if any, within about 64 KiB. `start` must be
 * a line start. A line the probe cannot read whole only ends the search early (a longer scan).
 */
export function seekLine(fd: number, start: number, size: number, target: string, onRead?: (n: number) => void): number {
  const buf = Buffer.allocUnsafe(PROBE);
  let lo = start;
  let hi = size;
  while (hi - lo > SCAN_SPAN) {
    const mid = lo + Math.floor((hi - lo) / 2);
    const n = fs.readSync(fd, buf, 0, PROBE, mid);
    onRead?.(n);
    const got = buf.subarray(0, n);
    const nl = got.indexOf(10);
    const end = nl === -1 ? -1 : got.indexOf(10, nl + 1);
    const key = end === -1 ? undefined : keyOfLine(got.toString('utf8', nl + 1, end));
    const lineStart = mid + nl + 1;
    // Each branch narrows [lo, hi): a line met at or past hi says nothing new.
    if (key === undefined || lineStart >= hi) hi = mid;
    else if (compareKeys(key, target) < 0) lo = mid + end + 1;
    else hi = lineStart;
  }
  return lo;
}

/** One record of a merge: its key and its line, or `null` for a removal. */
export interface KeyedLine {
  key: string;
  line: string | null;
}

export function byKey(a: KeyedLine, b: KeyedLine): number {
  return compareKeys(a.key, b.key);
}

/**
 * Merges sources sorted by key into one sorted stream of lines. For a key in several sources (or
 * several times in one), the last wins: later sources are newer. A winning removal drops the key.
 */
export function* mergeSorted(sources: Iterator<KeyedLine>[]): Generator<string> {
  const heads = sources.map((s) => s.next());
  for (;;) {
    let min: string | undefined;
    for (const h of heads) if (!h.done && (min === undefined || compareKeys(h.value.key, min) < 0)) min = h.value.key;
    if (min === undefined) return;
    let winner: string | null = null;
    for (let i = 0; i < heads.length; i++) {
      let h = heads[i]!;
      while (!h.done && h.value.key === min) {
        winner = h.value.line;
        h = sources[i]!.next();
      }
      heads[i] = h;
    }
    if (winner !== null) yield winner;
  }
}

/** Lines joined into pieces of ~64 KiB, each line ended by a newline: few writes, no whole-file string. */
export function* batchLines(lines: Iterable<string>): Generator<string> {
  let out = '';
  for (const l of lines) {
    out += `${l}\n`;
    if (out.length >= READ_CHUNK) {
      yield out;
      out = '';
    }
  }
  if (out) yield out;
}
