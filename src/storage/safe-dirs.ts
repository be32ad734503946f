import fs from 'node:fs';
import path from 'node:path';

export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

/**
 * Creates folders below a pulled folder without ever passing through a symlink, so a link planted
 * in the target (or in a cache archive) cannot redirect writes elsewhere. Results are cached:
 * one lstat per folder per run.
 */
export class SafeDirs {
  private readonly ok = new Set<string>();

  constructor(private readonly localRoot: string) {}

  /** Ensures `<localRoot>/<relDir>` exists; `relDir` starts with the pulled folder's name. */
  ensure(relDir: string): string {
    const segs = relDir.split('/');
    let rel = segs[0] ?? '';
    let abs = path.join(this.localRoot, rel);
    if (!this.ok.has(rel)) {
      // The pulled folder itself may be a symlink (a dataset on another disk); it is the user's choice.
      fs.mkdirSync(abs, { recursive: true });
      this.ok.add(rel);
    }
    for (const seg of segs.slice(1)) {
      rel = `${rel}/${seg}`;
      abs = path.join(abs, seg);
      if (this.ok.has(rel)) continue;
      let st: fs.Stats | undefined;
      try {
        st = fs.lstatSync(abs);
      } catch {
        try {
          fs.mkdirSync(abs);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
        st = fs.lstatSync(abs);
      }
      if (st.isSymbolicLink()) throw new UnsafePathError(`${rel} is a symlink; refusing to write through it`);
      if (!st.isDirectory()) throw new UnsafePathError(`${rel} exists and is not a folder`);
      this.ok.add(rel);
    }
    return abs;
  }
}
