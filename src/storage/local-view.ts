import fs from 'node:fs';
import path from 'node:path';
import type { LocalFile } from './local-tree.js';

/** What the planner asks of the local side, one listed path at a time. */
export interface LocalView {
  /** The regular file at `rel` (lstat: size and mtime), or undefined. */
  take(rel: string): LocalFile | undefined;
  /** A symlink between the pulled folder and `rel` (the pulled folder itself may be one), or undefined. */
  linkAbove(rel: string): string | undefined;
}

/** Parents of `rel` below its pulled folder, outermost first: `a/b/c/f` gives `a/b`, `a/b/c`. */
function* parentsBelowTop(rel: string): Generator<string> {
  let i = rel.indexOf('/');
  i = rel.indexOf('/', i + 1);
  while (i !== -1) {
    yield rel.slice(0, i);
    i = rel.indexOf('/', i + 1);
  }
}

type DirKind = 'dir' | 'link' | 'none';
/** Folders remembered at a time; past it the memory starts over (it is a cache: one lstat more per folder). */
const DIR_CACHE = 4096;

/**
 * The planner without a walk: one lstat per listed path, as its page is planned, and one per
 * folder on the way (remembered). A no-op over 100,000 objects then holds nothing per file, and a
 * fresh host (no folder yet) spends one lstat per folder, not per object.
 */
export class StatView implements LocalView {
  private readonly dirs = new Map<string, DirKind>();

  constructor(private readonly localRoot: string) {}

  take(rel: string): LocalFile | undefined {
    // A missing pulled folder holds nothing (a fresh host): one lstat for all its objects.
    if (this.kind(rel.slice(0, rel.indexOf('/'))) === 'none') return undefined;
    for (const p of parentsBelowTop(rel)) if (this.kind(p) !== 'dir') return undefined;
    try {
      const st = fs.lstatSync(path.join(this.localRoot, rel));
      return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  }

  linkAbove(rel: string): string | undefined {
    if (this.kind(rel.slice(0, rel.indexOf('/'))) === 'none') return undefined;
    for (const p of parentsBelowTop(rel)) {
      const k = this.kind(p);
      if (k === 'link') return p;
      if (k === 'none') return undefined;
    }
    return undefined;
  }

  private kind(rel: string): DirKind {
    let k = this.dirs.get(rel);
    if (k !== undefined) return k;
    try {
      // The pulled folder may be a link to a folder: it is followed (stat), anything below is not (lstat).
      const abs = path.join(this.localRoot, rel);
      const st = rel.includes('/') ? fs.lstatSync(abs) : fs.statSync(abs);
      k = st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : 'none';
    } catch {
      k = 'none';
    }
    if (this.dirs.size >= DIR_CACHE) this.dirs.clear();
    this.dirs.set(rel, k);
    return k;
  }
}
