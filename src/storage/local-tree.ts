import fs from 'node:fs';
import path from 'node:path';

/** Suffix of our temporary download files; anything ending in it is ours to delete. */
export const PARTIAL_SUFFIX = '.marketsim-partial';

export interface LocalFile {
  size: number;
  mtimeMs: number;
}

export interface LocalTree {
  /** Regular files by path relative to the local root (forward slashes). */
  files: Map<string, LocalFile>;
  /** Leftover temporary files from an interrupted run (absolute paths). */
  partials: string[];
  /** Symlinks met below a pulled folder; never descended into or written through. */
  symlinks: Set<string>;
}

/**
 * Walks the pulled folders with lstat only: a symlink below a folder is recorded, never followed.
 * The pulled folder itself may be a link (a dataset on a bigger disk is a common setup).
 */
export function walkLocal(localRoot: string, dirs: string[]): LocalTree {
  const tree: LocalTree = { files: new Map(), partials: [], symlinks: new Set() };
  const visit = (abs: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const ent of entries) {
      const childAbs = path.join(abs, ent.name);
      const childRel = `${rel}/${ent.name}`;
      if (ent.isSymbolicLink()) tree.symlinks.add(childRel);
      else if (ent.isDirectory()) visit(childAbs, childRel);
      else if (ent.isFile()) {
        if (ent.name.endsWith(PARTIAL_SUFFIX)) {
          tree.partials.push(childAbs);
          continue;
        }
        try {
          const st = fs.lstatSync(childAbs);
          tree.files.set(childRel, { size: st.size, mtimeMs: st.mtimeMs });
        } catch {
          // vanished between readdir and lstat: treat as absent
        }
      }
    }
  };
  for (const dir of dirs) visit(path.join(localRoot, dir), dir);
  return tree;
}

/** Present while a hydrate may have temporary files on disk; a run that finds it sweeps for a killed run's leftovers. */
export const DOWNLOADING_MARKER = 'hydrate-downloading';

/**
 * Deletes our temporary files (a killed run's) below the pulled folders, reading names only, a
 * few at a time (no lstat, nothing kept per file); symlinks are not followed. Returns how many.
 */
export function sweepPartials(localRoot: string, dirs: string[]): number {
  let removed = 0;
  const stack = dirs.map((d) => path.join(localRoot, d));
  for (let abs = stack.pop(); abs !== undefined; abs = stack.pop()) {
    let dir: fs.Dir;
    try {
      dir = fs.opendirSync(abs);
    } catch {
      continue;
    }
    try {
      for (let ent = dir.readSync(); ent; ent = dir.readSync()) {
        if (ent.isDirectory()) stack.push(path.join(abs, ent.name));
        else if (ent.isFile() && ent.name.endsWith(PARTIAL_SUFFIX)) {
          try {
            fs.unlinkSync(path.join(abs, ent.name));
            removed++;
          } catch {
            // gone already
          }
        }
      }
    } finally {
      dir.closeSync();
    }
  }
  return removed;
}
