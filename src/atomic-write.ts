import fs from 'node:fs';
import path from 'node:path';

/** Writes `text` to `file` through a temporary file beside it and a rename: a reader, or a kill mid-write, never sees half a file. */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}
