import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { splitPointsFromPages, type PageEnd } from '../s3/list.js';
import { STATE_DIR } from './local-state.js';

export const HINTS_FILE = 'listing-hints.json';

export function hintsPath(localRoot: string): string {
  return path.join(localRoot, STATE_DIR, HINTS_FILE);
}

interface HintsFile {
  version: 1;
  /** `<bucket>/<listing prefix>` → keys to split that listing at (every 1,000th key of the last listing). */
  splits: Record<string, string[]>;
}

/**
 * Where last run's listings can be split, so a folder of many pages is listed in parallel ranges.
 * A file of its own, a few hundred bytes: it is read before the requests go out, while the state
 * file (10 MB at 100,000 objects; ~10 ms to parse at 3,000) is read during the wait. A missing,
 * stale or corrupt file only costs balance: the ranges partition the key space whatever they are.
 */
export class ListingHints {
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly splits: Record<string, string[]>,
  ) {}

  static load(localRoot: string): ListingHints {
    const file = hintsPath(localRoot);
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as HintsFile;
      if (parsed.version === 1 && parsed.splits && typeof parsed.splits === 'object') {
        const splits = Object.create(null) as Record<string, string[]>;
        for (const [k, v] of Object.entries(parsed.splits)) if (Array.isArray(v) && v.every((s) => typeof s === 'string')) splits[k] = v;
        return new ListingHints(file, splits);
      }
    } catch {
      // none yet, or unreadable: list each folder from its start
    }
    return new ListingHints(file, Object.create(null) as Record<string, string[]>);
  }

  splitAfter(bucket: string, prefix: string): string[] {
    return this.splits[`${bucket}/${prefix}`] ?? [];
  }

  /** Records the split points of a fresh listing, from its pages' ends (in any order). */
  learn(bucket: string, prefix: string, pages: Iterable<PageEnd>): void {
    const id = `${bucket}/${prefix}`;
    const next = splitPointsFromPages(pages);
    const prev = this.splits[id] ?? [];
    if (next.length === prev.length && next.every((k, i) => k === prev[i])) return;
    if (next.length) this.splits[id] = next;
    else delete this.splits[id];
    this.changed = true;
  }

  /** Writes the file when a listing's split points changed (a no-op run writes nothing). */
  save(): void {
    if (!this.changed) return;
    writeFileAtomic(this.file, JSON.stringify({ version: 1, splits: this.splits } satisfies HintsFile));
    this.changed = false;
  }
}
