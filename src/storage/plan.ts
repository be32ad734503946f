import picomatch from 'picomatch';
import { isSinglePartMd5, multipartParts } from '../s3/etag.js';
import { unsafeKeyReason } from './key-safety.js';
import type { RemoteObject } from '../s3/list.js';
import type { LocalState } from './local-state.js';
import type { LocalView } from './local-view.js';
import type { ReadAheadHit } from './read-ahead.js';
import { ListedPaths } from './listed-paths.js';
import { filesNotKept } from './local-tree.js';

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
  /** Kept only with `keepItems` (a dry run prints them); a streaming hydrate hands each batch on and forgets it. */
  download: (PlanItem & { reason: DownloadReason })[];
  /** A local file of the right size that we have no record of: hash it before fetching anything (kept as `download` is). */
  adopt: PlanItem[];
  /** How many objects went to download or adopt, kept or not. */
  toFetch: number;
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
  /** The local side, asked one listed path at a time. */
  local: LocalView;
  /** Records and lstats read while the listing was on its way: asked first. */
  readAhead?: { take(rel: string): ReadAheadHit | undefined };
  state: LocalState;
  include: string[];
  exclude: string[];
  delete: boolean;
  /** Keep every planned item in `plan` (a dry run); otherwise only `add`'s caller holds them. */
  keepItems?: boolean;
}

/** include/exclude globs over paths relative to the local root, e.g. `trainingdata/**\/*.csv`. */
export function pathFilter(include: string[], exclude: string[]): (rel: string) => boolean {
  const inc = include.length ? picomatch(include, { dot: true }) : undefined;
  const exc = exclude.length ? picomatch(exclude, { dot: true }) : undefined;
  return (rel) => (!inc || inc(rel)) && !(exc && exc(rel));
}

/**
 * Decides, without touching the network, what a hydrate has to do, one batch of listed
 * objects at a time: a hydrate starts downloading from the first listing page while later pages
 * are on their way. `finish` once every listing is complete adds what needs all of them (missing
 * folders, deletions).
 */
export class Planner {
  readonly plan: Plan = { download: [], adopt: [], toFetch: 0, unchanged: { files: 0, bytes: 0, perDir: new Map() }, delete: [], refused: [], missingDirs: [] };
  private readonly wanted: (rel: string) => boolean;
  /** Real objects (not folder markers) seen per folder. */
  private readonly seen = new Map<string, number>();
  /** With delete: every listed path, 8 bytes each, to tell what the bucket lacks once the listings are in. */
  private readonly listed: ListedPaths | undefined;

  constructor(private readonly input: PlanInput) {
    this.wanted = pathFilter(input.include, input.exclude);
    if (input.delete) this.listed = new ListedPaths();
  }

  /** Classifies `objects` listed under `dir`; returns what to download or adopt among them, largest first. */
  add(dir: string, objects: RemoteObject[]): { download: Plan['download']; adopt: PlanItem[] } {
    const { input, plan } = this;
    const out: { download: Plan['download']; adopt: PlanItem[] } = { download: [], adopt: [] };
    const dirPrefix = `${input.prefix}${dir}/`;
    let real = this.seen.get(dir) ?? 0;
    const wanted: { o: RemoteObject; rel: string }[] = [];
    for (const o of objects) {
      if (o.key.endsWith('/') && o.size === 0) continue; // a folder marker
      real++;
      const rest = o.key.slice(dirPrefix.length);
      const rel = `${dir}/${rest}`;
      // Every listed path, refused or filtered out too: a file the bucket has is never deleted.
      this.listed?.add(rel);
      const reason = unsafeKeyReason(rest, `${input.localRoot}/${dir}`);
      if (reason) {
        plan.refused.push({ key: o.key, reason });
        continue;
      }
      const link = input.local.linkAbove(rel);
      if (link) {
        plan.refused.push({ key: o.key, reason: `would be written through the symlink ${link}` });
        continue;
      }
      if (this.wanted(rel)) wanted.push({ o, rel });
    }
    this.seen.set(dir, real);
    // Read ahead, or one pass over the state's slice for the rest of the page (its keys are in order).
    const hits = wanted.map((w) => input.readAhead?.take(w.rel));
    const misses = wanted.filter((_, i) => !hits[i]);
    const looked = input.state.lookup(misses.map((w) => w.rel));
    let m = 0;
    for (let i = 0; i < wanted.length; i++) {
      const { o, rel } = wanted[i]!;
      const hit = hits[i];
      const st = hit ? hit.entry : looked[m++];
      const local = hit ? hit.local : input.local.take(rel);
      const untouched = local !== undefined && st !== undefined && local.size === st.size && local.mtimeMs === st.mtimeMs;
      if (untouched && st.etag === o.etag && st.size === o.size) {
        plan.unchanged.files++;
        plan.unchanged.bytes += o.size;
        plan.unchanged.perDir.set(dir, (plan.unchanged.perDir.get(dir) ?? 0) + 1);
        continue;
      }
      const item: PlanItem = { key: o.key, rel, dir, size: o.size, etag: o.etag };
      if (untouched) out.download.push({ ...item, reason: 'changed in bucket' });
      else if (local && local.size === o.size && (isSinglePartMd5(o.etag) || multipartParts(o.etag) !== undefined)) out.adopt.push(item);
      else out.download.push({ ...item, reason: local ? 'changed locally' : 'new' });
    }
    // Largest first: long ranged downloads overlap with the stream of small files.
    out.download.sort((a, b) => b.size - a.size);
    plan.toFetch += out.download.length + out.adopt.length;
    if (input.keepItems) {
      for (const d of out.download) plan.download.push(d);
      for (const a of out.adopt) plan.adopt.push(a);
    }
    return out;
  }

  /**
   * Once every folder's listing is complete: folders with no object, and (with delete) local files
   * gone from the bucket, found by reading the folders' names (a few at a time) against the listed
   * paths. Files this run writes meanwhile are listed; its temporary files are passed over.
   */
  finish(dirs: Iterable<string>): Plan {
    const { input, plan } = this;
    const all = [...dirs];
    for (const d of all) if (!this.seen.get(d)) plan.missingDirs.push(d);
    const listed = this.listed;
    if (listed) {
      // A folder the bucket has nothing under is never emptied: it may be a wrong prefix.
      const present = all.filter((d) => this.seen.get(d));
      for (const rel of filesNotKept(input.localRoot, present, (r) => listed.has(r) || !this.wanted(r))) plan.delete.push(rel);
    }
    return plan;
  }
}
