import fs from 'node:fs';
import path from 'node:path';
import { ConfigurationError } from '../errors.js';

/** Pseudo file systems: writing there fails per object (or, for /proc, spins in Node's recursive mkdir). */
const VIRTUAL = ['/proc', '/sys', '/dev'];

/**
 * The local root, checked once before any request: a regular file, a folder we cannot write, or a
 * path on a pseudo file system is one error naming local-root, never one error per object.
 */
export function checkLocalRoot(root: string, opts: { mustExist?: boolean; name?: string } = {}): void {
  const name = opts.name ?? 'local-root';
  const abs = path.resolve(root);
  if (VIRTUAL.some((v) => abs === v || abs.startsWith(`${v}/`))) throw new ConfigurationError(`${name}: ${abs} is on a pseudo file system (${abs.split('/')[1]}); choose a real folder`);
  // The nearest part of the path that exists decides: it must be a folder we may write into.
  let probe = abs;
  while (!fs.existsSync(probe)) {
    if (opts.mustExist) throw new ConfigurationError(`${name}: ${abs} does not exist`);
    const up = path.dirname(probe);
    if (up === probe) break;
    probe = up;
  }
  const st = fs.statSync(probe);
  if (!st.isDirectory()) throw new ConfigurationError(`${name}: ${probe} is ${st.isFile() ? 'a regular file' : 'not a folder'}, not a folder`);
  try {
    fs.accessSync(probe, fs.constants.W_OK | fs.constants.X_OK);
  } catch {
    throw new ConfigurationError(`${name}: ${probe} is not writable by this user`);
  }
}
