import fs from 'node:fs';
import path from 'node:path';

/** Writes `text` to `file` through a temporary file beside it and a rename: a reader, or a kill mid-write, never sees half a file. */
export function writeFileAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** `writeFileAtomic` for text made a piece at a time (a state of 100,000 records is never one string). */
export function writeChunksAtomic(file: string, chunks: Iterable<string>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    for (const c of chunks) fs.writeSync(fd, c);
    fs.closeSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, file);
}
