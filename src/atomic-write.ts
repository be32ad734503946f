import fs from 'node:fs';
import path from 'node:path';

/** Writes `text` to `file` through a temporary file beside it and a rename: a reader, or a kill mid-write, never sees half a file. */
export function writeFileAtomic(file: string, text: string): void {
  writeChunksAtomic(file, [text]);
}

/** `writeFileAtomic` for text made a piece at a time (a state of 100,000 records is never one string). */
export function writeChunksAtomic(file: string, chunks: Iterable<string>): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    try {
      // writeFileSync on a descriptor writes the whole piece at the current position (writeSync may write part of it).
      for (const c of chunks) fs.writeFileSync(fd, c);
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.renameSync(tmp, file);
}
