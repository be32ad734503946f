import fs from 'node:fs';
import path from 'node:path';

/** Suffix of our temporary download files; anything ending in it is ours to delete. */
export const PARTIAL_SUFFIX = '.marketsim-partial';

/** What the planner compares with the state: lstat's size and mtime. */
export interface LocalFile {
  size: number;
  mtimeMs: number;
}

/** Present while a hydrate may have temporary files on disk; a run that finds it sweeps for a killed run's leftovers. */
export const DOWNLOADING_MARKER = 'hydrate-downloading';

/**
 * Calls `visit` for each regular file below the pulled folders, reading names a few at a time
 * (no lstat, nothing kept per file: a folder of 100,000 files costs the memory of a few names).
 * Symlinks are neither followed nor visited; a missing folder is skipped.
 */
function forEachFile(localRoot: string, dirs: string[], visit: (abs: string, rel: string, name: string) => void): void {
  const stack: [string, string][] = dirs.map((d) => [path.join(localRoot, d), d]);
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [abs, rel] = top;
    let dir: fs.Dir;
    try {
      dir = fs.opendirSync(abs);
    } catch {
      continue;
    }
    try {
      for (let ent = dir.readSync(); ent; ent = dir.readSync()) {
        if (ent.isDirectory()) stack.push([path.join(abs, ent.name), `${rel}/${ent.name}`]);
        else if (ent.isFile()) visit(path.join(abs, ent.name), `${rel}/${ent.name}`, ent.name);
      }
    } finally {
      dir.closeSync();
    }
  }
}

/** Deletes our temporary files (a killed run's) below the pulled folders. Returns how many. */
export function sweepPartials(localRoot: string, dirs: string[]): number {
  let removed = 0;
  forEachFile(localRoot, dirs, (abs, _rel, name) => {
    if (!name.endsWith(PARTIAL_SUFFIX)) return;
    try {
      fs.unlinkSync(abs);
      removed++;
    } catch {
      // gone already
    }
  });
  return removed;
}

/** Paths (relative to the local root) of the files below `dirs` that `keep` refuses, our temporary files aside. */
export function filesNotKept(localRoot: string, dirs: string[], keep: (rel: string) => boolean): string[] {
  const out: string[] = [];
  forEachFile(localRoot, dirs, (_abs, rel, name) => {
    if (!name.endsWith(PARTIAL_SUFFIX) && !keep(rel)) out.push(rel);
  });
  return out;
}
