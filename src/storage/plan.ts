import picomatch from 'picomatch';
import { isSinglePartMd5, multipartParts } from '../s3/etag.js';
import { unsafeKeyReason } from './key-safety.js';
import type { RemoteObject } from '../s3/list.js';
import type { LocalState } from './local-state.js';
import type { LocalTree } from './local-tree.js';

export interface PlanItem {
  /** Full object key. */
  key: string;
  /** Local path relative to the local root, `<dir>/<rest of key>`. */
  rel: string;
  dir: string;
  size: number;
  etag: string;
}

export type DownloadReason = 'new' | 'changed in bucket' | 'changed locally';

export interface Plan {
  download: (PlanItem & { reason: DownloadReason })[];
  /** A local file of the right size that we have no record of: hash it before fetching anything. */
  adopt: PlanItem[];
  /** Up to date already: counted, not listed (a no-op over 100,000 objects keeps no item per file). */
  unchanged: { files: number; bytes: number; perDir: Map<string, number> };
  /** Local paths (relative) that are gone from the bucket; filled only with delete on. */
  delete: string[];
  refused: { key: string; reason: string }[];
  /** Folders with no object under them in the bucket. */
  missingDirs: string[];
}

export interface PlanInput {
  prefix: string;
  localRoot: string;
  listings: Map<string, RemoteObject[]>;
  tree: LocalTree;
  state: LocalState;
  include: string[];
  exclude: string[];
  delete: boolean;
}

/** include/exclude globs over paths relative to the local root, e.g. `trainingdata/**\/*.csv`. */
export function pathFilter(include: string[], exclude: string[]): (rel: string) => boolean {
  const inc = include.length ? picomatch(include, { dot: true }) : undefined;
  const exc = exclude.length ? picomatch(exclude, { dot: true }) : undefined;
  return (rel) => (!inc || inc(rel)) && !(exc && exc(rel));
}

function throughSymlink(rel: string, symlinks: Set<string>): string | undefined {
  let i = rel.indexOf('/');
  // The pulled folder itself may be a link; anything below it may not.
  i = rel.indexOf('/', i + 1);
  while (i !== -1) {
    const parent = rel.slice(0, i);
    if (symlinks.has(parent)) return parent;
    i = rel.indexOf('/', i + 1);
  }
  return undefined;
}

/** Decides, without touching the network or the disk, what a hydrate has to do. */
export function planHydrate(input: PlanInput): Plan {
  const plan: Plan = { download: [], adopt: [], unchanged: { files: 0, bytes: 0, perDir: new Map() }, delete: [], refused: [], missingDirs: [] };
  const wanted = pathFilter(input.include, input.exclude);
  const remoteRels = new Set<string>();
  for (const [dir, objects] of input.listings) {
    const dirPrefix = `${input.prefix}${dir}/`;
    const real = objects.filter((o) => !(o.key.endsWith('/') && o.size === 0));
    if (real.length === 0) plan.missingDirs.push(dir);
    for (const o of real) {
      const rest = o.key.slice(dirPrefix.length);
      const reason = unsafeKeyReason(rest, `${input.localRoot}/${dir}`);
      if (reason) {
        plan.refused.push({ key: o.key, reason });
        continue;
      }
      const rel = `${dir}/${rest}`;
      const link = throughSymlink(rel, input.tree.symlinks);
      if (link) {
        plan.refused.push({ key: o.key, reason: `would be written through the symlink ${link}` });
        continue;
      }
      remoteRels.add(rel);
      if (!wanted(rel)) continue;
      const local = input.tree.files.get(rel);
      const st = input.state.get(rel);
      const untouched = local !== undefined && st !== undefined && local.size === st.size && local.mtimeMs === st.mtimeMs;
      if (untouched && st.etag === o.etag && st.size === o.size) {
        plan.unchanged.files++;
        plan.unchanged.bytes += o.size;
        plan.unchanged.perDir.set(dir, (plan.unchanged.perDir.get(dir) ?? 0) + 1);
        continue;
      }
      const item: PlanItem = { key: o.key, rel, dir, size: o.size, etag: o.etag };
      if (untouched) plan.download.push({ ...item, reason: 'changed in bucket' });
      else if (local && local.size === o.size && (isSinglePartMd5(o.etag) || multipartParts(o.etag) !== undefined)) plan.adopt.push(item);
      else plan.download.push({ ...item, reason: local ? 'changed locally' : 'new' });
    }
  }
  if (input.delete) {
    const present = new Set(input.listings.keys());
    for (const d of plan.missingDirs) present.delete(d);
    for (const rel of input.tree.files.keys()) {
      const dir = [...present].find((d) => rel.startsWith(`${d}/`));
      if (dir && !remoteRels.has(rel) && wanted(rel)) plan.delete.push(rel);
    }
  }
  // Largest first: long ranged downloads overlap with the stream of small files.
  plan.download.sort((a, b) => b.size - a.size);
  return plan;
}
