import path from 'node:path';

/**
 * Why an object key may not become a local path, or undefined when it is safe.
 * Checked before any file-system call: `..`/`.`/empty segments, a leading `/`, backslashes,
 * NUL and drive letters are refused outright, then the resolved path must stay under the root.
 */
let lastRoot = '';
let lastResolved = '';

/**
 * The common shape (ASCII letters, digits, `_ - .`, segments that do not start with a dot, single
 * slashes): safe by construction, so the checks below are skipped. A no-op plan of 3,000 keys spent
 * 3-9 ms in them (path.resolve per key), most of the planning.
 */
const PLAIN_KEY = /^[\w-][\w.-]*(?:\/[\w-][\w.-]*)*$/;

export function unsafeKeyReason(relativeKey: string, root: string): string | undefined {
  if (PLAIN_KEY.test(relativeKey)) return undefined;
  if (relativeKey.length === 0) return 'empty name';
  if (relativeKey.includes('\0')) return 'contains a NUL byte';
  if (relativeKey.includes('\\')) return 'contains a backslash';
  if (relativeKey.startsWith('/')) return 'starts with /';
  if (/^[A-Za-z]:/.test(relativeKey)) return 'starts with a drive letter';
  for (const seg of relativeKey.split('/')) {
    if (seg === '..') return "has a '..' segment";
    if (seg === '.') return "has a '.' segment";
    if (seg === '') return 'has an empty segment (//)';
  }
  // Defense in depth (the segment rules already keep a key inside); the root is resolved once, not per key.
  if (root !== lastRoot) {
    lastRoot = root;
    lastResolved = path.resolve(root);
  }
  const resolvedRoot = lastResolved;
  const target = path.resolve(resolvedRoot, relativeKey);
  if (target !== resolvedRoot && !target.startsWith(resolvedRoot + path.sep)) return 'resolves outside the target folder';
  return undefined;
}
