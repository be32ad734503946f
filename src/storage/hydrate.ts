import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import { ConfigurationError } from '../errors.js';
import { formatBytes } from '../runtime/format.js';
import type { Logger, ProgressSink } from '../runtime/ports.js';
import { explainAccessError, FIRST_REQUEST_RETRY } from '../s3/access-check.js';
import { BACKLOG_HIGH, SMALL_MAX_IN_FLIGHT, type HydrateConfig } from './config.js';
import { HashPool, hashPoolSize } from './hash-pool.js';
import { SmallFileWriter } from './small-writer.js';
import { BufferPool } from './file-writer.js';
import { DEFAULT_TUNING, downloadObject, headParts, type DownloadContext, type DownloadTuning } from './download.js';
import { EtagHasher, hashPath, multipartParts, type VerifyMethod } from '../s3/etag.js';
import { LIST_RANGES_IN_FLIGHT, listEach, type PageEnd, type RemoteObject } from '../s3/list.js';
import { ListingHints } from './listing-hints.js';
import { LocalState, STATE_DIR, statePath } from './local-state.js';
import { DOWNLOADING_MARKER, sweepPartials } from './local-tree.js';
import { StatView } from './local-view.js';
import { ReadAhead } from './read-ahead.js';
import { Planner, type Plan, type PlanItem } from './plan.js';
import { Backlog, TaskQueue } from './task-queue.js';
import { ManifestBuilder } from './manifest.js';
import { S3Http } from '../s3/s3-http.js';
import { SafeDirs } from './safe-dirs.js';

export interface DirStats {
  dir: string;
  objects: number;
  downloaded: number;
  skipped: number;
  deleted: number;
  bytes: number;
  ms: number;
  missing: boolean;
}

export interface HydrateResult {
  downloaded: number;
  /** Unchanged since the last run (state) or adopted after hashing the local file. */
  skipped: number;
  adopted: number;
  deleted: number;
  refused: number;
  bytesDownloaded: number;
  manifestHash: string;
  /** How each object written or adopted in this run was confirmed. */
  verification: Partial<Record<VerifyMethod, number>>;
  dirs: DirStats[];
  failures: { key: string; message: string }[];
  staleTempFilesRemoved: number;
  elapsedMs: number;
  dryRun: boolean;
}

export interface HydrateTuning extends DownloadTuning {
  /** Listed objects waiting to start beyond which the listing stops paging ahead (default BACKLOG_HIGH). */
  backlogHigh?: number;
  /** Keys per listing page (default 1,000, the most S3 and R2 return). */
  listPageSize?: number;
}

export interface HydrateHooks {
  /** After listing, before the local tree is read: e.g. restore a cache keyed on the manifest hash. */
  afterListing?: (manifestHash: string) => Promise<void>;
}

/** What would change, one line each; the unchanged summarised in one line (they can be thousands). */
function printPlan(log: Logger, plan: Plan): void {
  for (const d of plan.download) log.info(`(dry run) download ${d.rel} ${formatBytes(d.size)} [${d.reason}]`);
  for (const a of plan.adopt) log.info(`(dry run) verify ${a.rel} ${formatBytes(a.size)} [local file not recorded; hash it, download if different]`);
  for (const rel of plan.delete) log.info(`(dry run) delete ${rel}`);
  const changes = plan.download.length + plan.adopt.length + plan.delete.length;
  log.info(`(dry run) ${changes ? `${changes} changes` : 'up to date: nothing would change'}; ${plan.unchanged.files} files unchanged (${formatBytes(plan.unchanged.bytes)})`);
}

/** Share of the machine's CPU time that was idle since the last call (all cores, from os.cpus()). */
export function cpuIdleShare(): () => number {
  const sample = (): { idle: number; total: number } => {
    let idle = 0;
    let total = 0;
    for (const c of os.cpus()) {
      idle += c.times.idle;
      total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
    }
    return { idle, total };
  };
  let last = sample();
  return () => {
    const now = sample();
    const share = now.total > last.total ? (now.idle - last.idle) / (now.total - last.total) : 1;
    last = now;
    return share;
  };
}

/**
 * Small objects are latency-bound: throughput = requests in flight / latency. Starting at
 * `concurrency`, the limit doubles (up to SMALL_MAX_IN_FLIGHT) while the median small GET takes
 * 10 ms or more and the machine has CPU to spare: answers across the internet (R2 from a rented
 * GPU: ~40 ms) get more in flight. With every core busy, slow answers are our own queueing, and
 * more in flight only adds contention: on 2 cores with the store on the same machine, 256 in
 * flight took 1.28 s where 128 took 1.11 s (medians of 7), while answers 40 ms away gained (3,045
 * objects: 1.64 -> 1.41 s). Bytes in flight stay bounded: every small body fits one 256 KiB buffer.
 */
export function smallObjectLimit(
  cfg: Pick<HydrateConfig, 'concurrency' | 'adaptive'>,
  log: Logger,
  idleShare: () => number = cpuIdleShare(),
): { limit: LimitFunction; observe: (ms: number) => void } {
  const limit = pLimit(cfg.concurrency);
  if (!cfg.adaptive) return { limit, observe: () => undefined };
  let window: number[] = [];
  const observe = (ms: number): void => {
    // At the cap there is nothing left to decide: no window kept, no sorting per 32 answers.
    if (limit.concurrency >= SMALL_MAX_IN_FLIGHT) return;
    window.push(ms);
    if (window.length < 32) return;
    const sorted = window.sort((a, b) => a - b);
    const median = sorted[sorted.length >> 1]!;
    window = [];
    if (median < 10) return;
    // Read only when it decides something: os.cpus() costs ~40 µs on 2 cores, more on 64.
    const idle = idleShare();
    if (idle >= 0.2) {
      limit.concurrency = Math.min(SMALL_MAX_IN_FLIGHT, limit.concurrency * 2);
      log.debug(`small objects answer in ${median} ms (median), CPU ${Math.round(idle * 100)} % idle: ${limit.concurrency} requests in flight`);
    }
  };
  return { limit, observe };
}

/**
 * Pulls `<prefix><dir>/` for each folder into `<localRoot>/<dir>/`: incremental (listing + local
 * state, no request per unchanged object), verified, atomic per file, bounded in memory.
 * Downloads start from the first listing page while later pages are on their way (a fresh GPU host
 * has no local state: every run there is a full download, and a folder of 100,000 objects is 100
 * listing pages). Failures of single objects are collected in the result; bad configuration throws.
 */
export async function hydrate(
  cfg: HydrateConfig,
  log: Logger,
  progress: ProgressSink,
  hooks: HydrateHooks = {},
  tuning: HydrateTuning = DEFAULT_TUNING,
): Promise<HydrateResult> {
  const started = Date.now();
  // Sockets open on demand: room for the small-object requests an adaptive run may add.
  const http = new S3Http(cfg.store, { connections: cfg.concurrency + (cfg.adaptive ? SMALL_MAX_IN_FLIGHT : 0) + 4, onRetry: (m) => log.info(m) });
  try {
    // A dry run prints the whole plan, and a cache restore needs the manifest of the complete
    // listing (and may bring files and the state file): both plan from complete listings.
    const streaming = !cfg.dryRun && !hooks.afterListing;
    // Pages wait here until the state and the walk are read and every folder's first page is in:
    // those go as one batch, largest first across folders (on a fast link that is the whole
    // listing, and big files started first keep the hash workers busy while small ones finish).
    const waiting: [string, RemoteObject[]][] = [];
    const firstPagesDue = new Set(cfg.dirs);
    let feedNow: (() => void) | undefined;
    // Objects listed and not yet started: past BACKLOG_HIGH the listing stops paging ahead, so a folder
    // of 100,000 objects is never held whole while its downloads catch up.
    const backlog = new Backlog(tuning.backlogHigh ?? BACKLOG_HIGH);
    // What is kept of each listing: a count, its pages' ends (next run's split points) and the
    // manifest's 32 bytes per object; the objects themselves only without streaming.
    const listed = new Map(cfg.dirs.map((d) => [d, { count: 0, pages: [] as PageEnd[] }]));
    const manifest = new ManifestBuilder();
    for (const d of cfg.dirs) manifest.addDir(d);
    const complete = streaming ? undefined : new Map(cfg.dirs.map((d) => [d, [] as RemoteObject[][]]));
    // Set once the run ends early: a listing still paging stops at its next page.
    let stopped = false;
    // Local files are looked up as pages are planned; the state's records at the start of each
    // range are read ahead until the first page arrives (from then on, planning pages is the work).
    const view = new StatView(cfg.localRoot);
    let readAhead: ReadAhead | undefined;
    let stopReadAhead = false;
    const onPage = (dir: string, objects: RemoteObject[]): Promise<void> | undefined => {
      if (stopped) throw new Error('hydrate stopped');
      stopReadAhead = true;
      readAhead?.stop();
      const l = listed.get(dir)!;
      l.count += objects.length;
      if (objects.length) l.pages.push({ last: objects[objects.length - 1]!.key, count: objects.length });
      manifest.add(dir, objects);
      if (complete) {
        complete.get(dir)!.push(objects);
        return undefined;
      }
      waiting.push([dir, objects]);
      backlog.add(objects.length);
      firstPagesDue.delete(dir);
      if (feedNow && firstPagesDue.size === 0) feedNow();
      return backlog.room();
    };
    // The first page of each listing doubles as the credentials check: one message naming the input.
    // Folders that took several pages last time are listed in parallel ranges split at last run's
    // keys: the hints are a tiny file of their own, so the requests go out before the state is read.
    const hints = ListingHints.load(cfg.localRoot);
    const splitAfter = cfg.dirs.map((d) => hints.splitAfter(cfg.store.bucket, `${cfg.prefix}${d}/`));
    const listing = Promise.all(
      cfg.dirs.map((d, k) => listEach(http, `${cfg.prefix}${d}/`, (objects) => onPage(d, objects), { firstPageRetry: FIRST_REQUEST_RETRY, splitAfter: splitAfter[k], maxKeys: tuning.listPageSize })),
    ).then(
      () => undefined,
      (err: unknown) => ({ err }),
    );
    // The state is opened (a killed run's journal merged) while the store answers, once the requests
    // are on their way: it is synchronous and would otherwise hold them back. There is no walk: each
    // listed path is looked up (state and lstat) as its page is planned, so a no-op over 100,000
    // objects holds nothing per file.
    let opened: LocalState | undefined;
    if (!hooks.afterListing) {
      await new Promise((resolve) => setImmediate(resolve));
      opened = LocalState.load(statePath(cfg.localRoot));
      if (!stopReadAhead) {
        // Where each folder's listing ranges start (the first 32 of each: the ranges listed first).
        const ranges: [string, string][] = [];
        const starts = cfg.dirs.map((d, k) => [`${d}/`, ...splitAfter[k]!.map((key) => key.slice(cfg.prefix.length))].slice(0, LIST_RANGES_IN_FLIGHT));
        for (let i = 0; starts.some((s) => i < s.length); i++) for (const [k, s] of starts.entries()) if (i < s.length) ranges.push([s[i]!, cfg.dirs[k]!]);
        readAhead = new ReadAhead(opened, view, ranges);
        void readAhead.run().catch(() => undefined);
      }
    }
    // Without streaming: the complete listings, before anything else.
    let hash = '';
    if (complete) {
      const failed = await listing;
      if (failed) throw explainAccessError(failed.err, cfg.store, cfg.prefix);
      hash = manifest.digest(cfg.prefix);
      if (hooks.afterListing) await hooks.afterListing(hash);
    }
    const state = opened ?? LocalState.load(statePath(cfg.localRoot));
    const planner = new Planner({ ...cfg, state, local: view, readAhead, keepItems: cfg.dryRun });
    const plan = planner.plan;
    const where = `s3://${cfg.store.bucket}/${cfg.prefix}`;

    const stats = new Map<string, DirStats>(cfg.dirs.map((dir) => [dir, { dir, objects: 0, downloaded: 0, skipped: 0, deleted: 0, bytes: 0, ms: 0, missing: false }]));
    const result: HydrateResult = {
      downloaded: 0,
      skipped: 0,
      adopted: 0,
      deleted: 0,
      refused: 0,
      bytesDownloaded: 0,
      manifestHash: hash,
      verification: {},
      dirs: [...stats.values()],
      failures: [],
      staleTempFilesRemoved: 0,
      elapsedMs: 0,
      dryRun: cfg.dryRun,
    };

    /** What needs every listing: counts, missing folders, deletions, the manifest and the hints. */
    const listingDone = (): void => {
      planner.finish(cfg.dirs);
      result.manifestHash ||= manifest.digest(cfg.prefix);
      result.skipped += plan.unchanged.files;
      result.refused = plan.refused.length;
      for (const [dir, n] of plan.unchanged.perDir) stats.get(dir)!.skipped += n;
      for (const s of stats.values()) {
        s.objects = listed.get(s.dir)!.count;
        s.missing = plan.missingDirs.includes(s.dir);
      }
      for (const d of plan.missingDirs) log.warn(`Folder ${where}${d}/ is empty or missing in the bucket; skipped${cfg.delete ? ' (nothing deleted there)' : ''}`);
      // An include that matches nothing is most often a typo: say so instead of a silent "0 files".
      if (cfg.include.length && plan.toFetch + plan.unchanged.files === 0 && plan.missingDirs.length < cfg.dirs.length) {
        log.warn(`include: ${cfg.include.join(', ')} matched none of the objects listed (patterns are relative to the local root, e.g. trainingdata/AAPL*.csv)`);
      }
      if (!cfg.dryRun) {
        for (const [d, l] of listed) hints.learn(cfg.store.bucket, `${cfg.prefix}${d}/`, l.pages);
        try {
          hints.save();
        } catch (e) {
          // Only next run's listing speed depends on them: never worth failing this run.
          log.warn(`Could not save listing hints: ${(e as Error).message}`);
        }
      }
      // Without streaming, the plan holds what the transfers need: the listings are let go, and
      // what was read ahead for keys the listings did not name.
      complete?.clear();
      readAhead?.clear();
    };
    const noObjects = (): ConfigurationError => new ConfigurationError(`dirs: none of ${cfg.dirs.join(', ')} has any object under ${where} (check bucket and prefix)`);

    if (cfg.dryRun) {
      for (const [dir, pages] of complete!) for (const objects of pages) planner.add(dir, objects);
      plan.download.sort((a, b) => b.size - a.size);
      for (const r of plan.refused) log.warn(`Refused object key '${r.key}': ${r.reason}; nothing written for it`);
      listingDone();
      if (plan.missingDirs.length === cfg.dirs.length) throw noObjects();
      printPlan(log, plan);
      result.downloaded = plan.download.length + plan.adopt.length;
      result.bytesDownloaded = [...plan.download, ...plan.adopt].reduce((n, i) => n + i.size, 0);
      result.deleted = plan.delete.length;
      result.elapsedMs = Date.now() - started;
      return result;
    }

    // A killed run's temporary files: its marker says to look for them.
    const marker = path.join(cfg.localRoot, STATE_DIR, DOWNLOADING_MARKER);
    if (fs.existsSync(marker)) result.staleTempFilesRemoved += sweepPartials(cfg.localRoot, cfg.dirs);
    let marked = false;
    const markDownloading = (): void => {
      if (marked) return;
      fs.mkdirSync(path.dirname(marker), { recursive: true });
      fs.writeFileSync(marker, `${process.pid}\n`);
      marked = true;
    };

    const count = (m: VerifyMethod): void => {
      result.verification[m] = (result.verification[m] ?? 0) + 1;
    };
    // Totals grow as listing pages arrive.
    const total = { files: 0, bytes: 0 };
    let filesDone = 0;
    let bytesDone = 0;
    const snapshot = () => ({ verb: 'download', filesDone, filesTotal: total.files, bytesDone, bytesTotal: total.bytes, elapsedMs: Date.now() - started });
    const ticker = setInterval(() => progress.update(snapshot()), 1000);
    // The journal takes only what changed: never the whole state every 2 s (10 MB at 100,000 objects).
    let flushWarned = false;
    const flusher = setInterval(() => {
      try {
        state.flush();
      } catch (e) {
        // The records wait in memory for the next flush; the download itself goes on.
        if (!flushWarned) log.warn(`Could not append to the hydrate state journal: ${(e as Error).message}`);
        flushWarned = true;
      }
    }, 2000);
    const requests = pLimit(cfg.concurrency);
    const small = smallObjectLimit(cfg, log);
    const poolSize = hashPoolSize();
    // Files in progress at once: the workers below, one file each (the request limits bound the I/O).
    const fileWorkers = cfg.concurrency + (cfg.adaptive ? SMALL_MAX_IN_FLIGHT : 0);
    const dirs = new SafeDirs(cfg.localRoot);
    // Worker threads take the MD5s; they start with the first job (none when every object carries our CRC).
    const hashes = poolSize > 0 ? new HashPool(poolSize) : undefined;
    const ctx: DownloadContext = {
      http,
      requests,
      smallRequests: small.limit,
      onSmallLatency: small.observe,
      tuning,
      buffers: new BufferPool(tuning.writeBuffer, 2 * cfg.concurrency + (cfg.adaptive ? SMALL_MAX_IN_FLIGHT : 0)),
      onBytes: (n) => (bytesDone += n),
      onRetry: (m) => log.info(m),
      onNotice: (m) => log.warn(m),
      hashes,
      // Small files are written by the first hash worker when it can (one thread fewer), else by a thread of their own.
      smallWriter: new SmallFileWriter(() => hashes?.writerPort()),
    };
    const finish = (item: PlanItem): void => {
      filesDone++;
      stats.get(item.dir)!.ms = Date.now() - started;
    };

    const fetchOne = async (item: PlanItem): Promise<void> => {
      try {
        const dest = path.join(dirs.ensure(path.posix.dirname(item.rel)), path.posix.basename(item.rel));
        const got = await downloadObject(ctx, item, dest);
        state.set(item.rel, { size: got.size, etag: got.etag, mtimeMs: got.mtimeMs, method: got.method });
        count(got.method);
        result.downloaded++;
        result.bytesDownloaded += got.size;
        const st = stats.get(item.dir)!;
        st.downloaded++;
        st.bytes += got.size;
      } catch (e) {
        result.failures.push({ key: item.key, message: (e as Error).message });
        log.error(`Failed to download ${item.key}: ${(e as Error).message}`);
      }
      finish(item);
    };

    const adoptOne = async (item: PlanItem): Promise<void> => {
      const file = path.join(cfg.localRoot, item.rel);
      try {
        const parts = multipartParts(item.etag);
        const partSize = parts === undefined ? undefined : (await requests(() => headParts(http, item.key, item.size, parts, item.etag))).partSize;
        const hasher = new EtagHasher(item.etag, partSize);
        const isFile = fs.lstatSync(file).isFile();
        const hashable = hasher.method !== 'size-only' && isFile;
        if (hashable) await hashPath(file, undefined, hasher);
        if (hashable && hasher.digest() === item.etag) {
          const after = fs.lstatSync(file);
          state.set(item.rel, { size: item.size, etag: item.etag, mtimeMs: after.mtimeMs, method: 'local-md5' });
          count('local-md5');
          result.adopted++;
          result.skipped++;
          stats.get(item.dir)!.skipped++;
          bytesDone += item.size;
          finish(item);
          return;
        }
      } catch (e) {
        log.debug(`Could not verify local ${item.rel}: ${(e as Error).message}`);
      }
      await fetchOne(item);
    };

    type Task = [PlanItem, (i: PlanItem) => Promise<void>];
    const queue = new TaskQueue<Task>();
    /** Classifies listing pages and queues what they need: adoptions first, then largest first. */
    const feed = (pages: [string, RemoteObject[]][]): void => {
      const refusedBefore = plan.refused.length;
      const got: { adopt: PlanItem[]; download: PlanItem[] } = { adopt: [], download: [] };
      for (const [dir, objects] of pages) {
        const one = planner.add(dir, objects);
        got.adopt.push(...one.adopt);
        got.download.push(...one.download);
      }
      if (pages.length > 1) got.download.sort((a, b) => b.size - a.size);
      for (const r of plan.refused.slice(refusedBefore)) log.warn(`Refused object key '${r.key}': ${r.reason}; nothing written for it`);
      for (const i of [...got.adopt, ...got.download]) {
        total.files++;
        total.bytes += i.size;
      }
      if (got.adopt.length + got.download.length) markDownloading();
      backlog.add(got.adopt.length + got.download.length);
      for (const i of got.adopt) queue.push([i, adoptOne]);
      for (const i of got.download) queue.push([i, fetchOne], i.size > tuning.smallMax);
    };
    /** Feeds the pages that waited for the first pages of every folder, or for the state. */
    const feedWaiting = (): void => {
      const pages = waiting.splice(0);
      // Their tasks count before the pages stop counting: the listing is not let go in between.
      feed(pages);
      backlog.take(pages.reduce((n, [, objects]) => n + objects.length, 0));
    };

    let listingError: unknown;
    let transfers: Promise<void> | undefined;
    try {
      // Once every download has started, this thread helps the hash workers with what they have queued.
      transfers = queue.drain(
        fileWorkers,
        ([item, run]) => {
          backlog.take(1);
          return run(item);
        },
        () => ctx.hashes?.help(),
      );
      if (complete) feed([...complete].flatMap(([dir, pages]) => pages.map((objects): [string, RemoteObject[]] => [dir, objects])));
      else {
        feedNow = feedWaiting;
        if (firstPagesDue.size === 0) feedWaiting();
        const failed = await listing;
        if (failed) {
          // The run fails: downloads under way finish (and are kept), nothing new starts.
          listingError = failed.err;
          queue.discard();
        }
      }
      if (listingError === undefined) listingDone();
      queue.close();
      await transfers;
    } finally {
      // On an error above, nothing new starts and the transfers under way end before the state is
      // saved and the workers they use are stopped (a no-op when they were awaited already). A
      // listing held back by the backlog is let go and stops at its next page.
      stopped = true;
      queue.discard();
      backlog.close();
      await transfers?.catch(() => undefined);
      clearInterval(ticker);
      clearInterval(flusher);
      // On disk before anything else can fail; the snapshot is written once, at the end.
      state.flush();
      await ctx.hashes?.close();
      await ctx.smallWriter?.close();
      // Every transfer has ended, and each removes its temporary file when it fails.
      if (marked) fs.rmSync(marker, { force: true });
    }
    if (listingError !== undefined) throw explainAccessError(listingError, cfg.store, cfg.prefix);
    if (plan.missingDirs.length === cfg.dirs.length) throw noObjects();

    for (const rel of plan.delete) {
      const abs = path.join(cfg.localRoot, rel);
      try {
        if (fs.lstatSync(abs).isFile()) fs.unlinkSync(abs);
        state.delete(rel);
        result.deleted++;
        const dir = cfg.dirs.find((d) => rel.startsWith(`${d}/`));
        if (dir) stats.get(dir)!.deleted++;
        log.info(`Deleted ${rel} (gone from the bucket)`);
      } catch (e) {
        log.warn(`Could not delete ${rel}: ${(e as Error).message}`);
      }
    }
    state.save();
    progress.done(snapshot());
    result.elapsedMs = Date.now() - started;
    return result;
  } finally {
    await http.close();
  }
}
