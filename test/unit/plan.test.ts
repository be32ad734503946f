import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { LocalState } from '../../src/storage/local-state.js';
import type { LocalFile } from '../../src/storage/local-tree.js';
import { StatView, type LocalView } from '../../src/storage/local-view.js';
import { tempDir } from '../integration/helpers.js';
import type { RemoteObject } from '../../src/s3/list.js';
import { pathFilter, Planner, type Plan, type PlanInput } from '../../src/storage/plan.js';

/** The whole plan from complete listings, as a dry run makes it: every folder, then `finish`, largest first. */
function planHydrate(input: PlanInput & { listings: Map<string, RemoteObject[]> }): Plan {
  const planner = new Planner({ ...input, keepItems: true });
  for (const [dir, objects] of input.listings) planner.add(dir, objects);
  const plan = planner.finish(input.listings.keys());
  expect(plan.toFetch).toBe(plan.download.length + plan.adopt.length);
  plan.download.sort((a, b) => b.size - a.size);
  return plan;
}

const E1 = '0123456789abcdef0123456789abcdef';
const E2 = 'fedcba9876543210fedcba9876543210';

/** A local side held in memory: `files` by path, and symlinked folders. */
function memoryView(files: [string, number, number][] = [], symlinks: string[] = []): LocalView {
  const byRel = new Map<string, LocalFile>(files.map(([rel, size, mtimeMs]) => [rel, { size, mtimeMs }]));
  return {
    take: (rel) => byRel.get(rel),
    linkAbove: (rel) => symlinks.find((l) => rel.startsWith(`${l}/`)),
  };
}

/** The local side in memory (`files`) unless `local` is given. */
function input(over: Partial<PlanInput> & { objects?: RemoteObject[]; files?: [string, number, number][] }): PlanInput & { listings: Map<string, RemoteObject[]> } {
  return {
    prefix: 'stock/',
    localRoot: over.localRoot ?? '/ws',
    listings: new Map([['td', over.objects ?? []]]),
    local: over.local ?? memoryView(over.files),
    state: over.state ?? new LocalState('/nonexistent'),
    include: over.include ?? [],
    exclude: over.exclude ?? [],
    delete: over.delete ?? false,
  };
}

const obj = (rest: string, size: number, etag = E1): RemoteObject => ({ key: `stock/td/${rest}`, size, etag, lastModified: '' });

describe('planHydrate', () => {
  test('new, unchanged, changed in bucket (same size), changed locally', () => {
    const state = new LocalState('/nonexistent');
    state.set('td/same.csv', { size: 10, etag: E1, mtimeMs: 100, method: 'md5' });
    state.set('td/remote-changed.csv', { size: 10, etag: E1, mtimeMs: 100, method: 'md5' });
    state.set('td/local-edited.csv', { size: 10, etag: E1, mtimeMs: 100, method: 'md5' });
    state.set('td/truncated.csv', { size: 10, etag: E1, mtimeMs: 100, method: 'md5' });
    const plan = planHydrate(
      input({
        state,
        objects: [obj('new.csv', 5), obj('same.csv', 10), obj('remote-changed.csv', 10, E2), obj('local-edited.csv', 10), obj('truncated.csv', 10)],
        files: [
          ['td/same.csv', 10, 100],
          ['td/remote-changed.csv', 10, 100],
          ['td/local-edited.csv', 10, 222],
          ['td/truncated.csv', 3, 222],
        ],
      }),
    );
    expect(plan.unchanged).toEqual({ files: 1, bytes: 10, perDir: new Map([['td', 1]]) });
    const reasons = Object.fromEntries(plan.download.map((d) => [d.rel, d.reason]));
    expect(reasons).toEqual({ 'td/new.csv': 'new', 'td/remote-changed.csv': 'changed in bucket', 'td/truncated.csv': 'changed locally' });
    // Same size but touched since: hash it locally before spending a download.
    expect(plan.adopt.map((i) => i.rel)).toEqual(['td/local-edited.csv']);
  });

  test('a local file we have no record of is verified by hashing, not trusted', () => {
    const plan = planHydrate(input({ objects: [obj('a.csv', 10), obj('b.csv', 10, 'not-md5')], files: [['td/a.csv', 10, 1], ['td/b.csv', 10, 1]] }));
    expect(plan.adopt.map((i) => i.rel)).toEqual(['td/a.csv']);
    expect(plan.download.map((i) => i.rel)).toEqual(['td/b.csv']);
  });

  test('hostile keys and writes through symlinks are refused', () => {
    const plan = planHydrate(input({ local: memoryView([], ['td/link']), objects: [obj('../../etc/x', 1), obj('a\\b', 1), obj('link/x.csv', 1), obj('ok.csv', 1)] }));
    expect(plan.refused.map((r) => r.key)).toEqual(['stock/td/../../etc/x', 'stock/td/a\\b', 'stock/td/link/x.csv']);
    expect(plan.download.map((d) => d.rel)).toEqual(['td/ok.csv']);
  });

  test('delete removes only files gone from the bucket that pass the filters, never through a symlink', () => {
    const root = tempDir('plan-delete');
    const files = ['td/a.csv', 'td/gone.csv', 'td/local.keep', 'td/sub/gone2.csv', 'td/sub/b.csv', 'td/.x.csv.1-1.marketsim-partial', 'td/a\\b', 'other/x.csv', 'away/y.csv'];
    for (const f of files) {
      fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
      fs.writeFileSync(path.join(root, f), 'x');
    }
    fs.symlinkSync(path.join(root, 'away'), path.join(root, 'td', 'link'));
    const plan = planHydrate(
      input({
        localRoot: root,
        local: new StatView(root),
        delete: true,
        exclude: ['**/*.keep'],
        // A refused key still names a file the bucket has: not deleted.
        objects: [obj('a.csv', 1), obj('sub/b.csv', 1), obj('a\\b', 1)],
      }),
    );
    expect(plan.refused.map((r) => r.key)).toEqual(['stock/td/a\\b']);
    expect(plan.delete.sort()).toEqual(['td/gone.csv', 'td/sub/gone2.csv']);
  });

  test('an empty or missing folder is reported and never emptied locally', () => {
    const root = tempDir('plan-delete-empty');
    fs.mkdirSync(path.join(root, 'td'));
    fs.writeFileSync(path.join(root, 'td', 'mine.csv'), 'x');
    const plan = planHydrate(input({ localRoot: root, local: new StatView(root), delete: true, objects: [] }));
    expect(plan.missingDirs).toEqual(['td']);
    expect(plan.delete).toEqual([]);
  });

  test('folder markers are not files; largest downloads go first', () => {
    const plan = planHydrate(input({ objects: [obj('sub/', 0), obj('small', 1), obj('big', 100)] }));
    expect(plan.download.map((d) => d.rel)).toEqual(['td/big', 'td/small']);
  });

  test('include and exclude globs work on paths relative to the local root', () => {
    const f = pathFilter(['td/**/*.csv', 'hp/*.json'], ['td/tmp/**']);
    expect(f('td/a/b.csv')).toBe(true);
    expect(f('td/tmp/b.csv')).toBe(false);
    expect(f('hp/x.json')).toBe(true);
    expect(f('hp/x.yaml')).toBe(false);
    expect(pathFilter([], [])('anything')).toBe(true);
  });
});

test('a streaming planner hands each batch to its caller and keeps only counts (memory flat in the object count)', () => {
  const planner = new Planner(input({}));
  let handed = 0;
  for (let page = 0; page < 20; page++) {
    const got = planner.add('td', Array.from({ length: 100 }, (_, i) => obj(`p${page}/f${i}.csv`, 10 + i)));
    handed += got.download.length + got.adopt.length;
  }
  const plan = planner.finish(['td']);
  expect(handed).toBe(2000);
  expect(plan.toFetch).toBe(2000);
  expect(plan.download).toEqual([]);
  expect(plan.adopt).toEqual([]);
});

describe('without a walk (StatView: one lstat per listed path)', () => {
  test('unchanged, adopted, new, and writes through symlinks refused, from the disk itself', () => {
    const root = tempDir('plan-stat');
    fs.mkdirSync(path.join(root, 'td', 'sub'), { recursive: true });
    fs.writeFileSync(path.join(root, 'td', 'same.csv'), 'x'.repeat(10));
    fs.writeFileSync(path.join(root, 'td', 'sub', 'mine.csv'), 'y'.repeat(10));
    fs.mkdirSync(path.join(root, 'elsewhere'));
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'td', 'link'));
    fs.mkdirSync(path.join(root, 'td', 'dir.csv')); // a folder where a file is listed: not a file
    const state = new LocalState('/nonexistent');
    state.set('td/same.csv', { size: 10, etag: E1, mtimeMs: fs.lstatSync(path.join(root, 'td', 'same.csv')).mtimeMs, method: 'md5' });
    const plan = planHydrate(
      input({
        localRoot: root,
        local: new StatView(root),
        state,
        objects: [obj('dir.csv', 1), obj('link/x.csv', 1), obj('new/deep/n.csv', 1), obj('same.csv', 10), obj('sub/mine.csv', 10)],
      }),
    );
    expect(plan.unchanged.files).toBe(1);
    expect(plan.adopt.map((i) => i.rel)).toEqual(['td/sub/mine.csv']);
    expect(plan.download.map((d) => [d.rel, d.reason])).toEqual([
      ['td/dir.csv', 'new'],
      ['td/new/deep/n.csv', 'new'],
    ]);
    expect(plan.refused).toEqual([{ key: 'stock/td/link/x.csv', reason: 'would be written through the symlink td/link' }]);
  });

  test('a pulled folder that is itself a link is followed; a missing one costs one lstat for all its objects', () => {
    const root = tempDir('plan-stat-top');
    fs.mkdirSync(path.join(root, 'data'));
    fs.writeFileSync(path.join(root, 'data', 'a.csv'), 'abc');
    fs.symlinkSync(path.join(root, 'data'), path.join(root, 'td'));
    const plan = planHydrate(input({ localRoot: root, local: new StatView(root), objects: [obj('a.csv', 3)] }));
    expect(plan.adopt.map((i) => i.rel)).toEqual(['td/a.csv']);

    const fresh = tempDir('plan-stat-fresh');
    const view = new StatView(fresh);
    const lstat = jest.spyOn(fs, 'lstatSync');
    const stat = jest.spyOn(fs, 'statSync');
    try {
      const p = planHydrate(input({ localRoot: fresh, local: view, objects: Array.from({ length: 50 }, (_, i) => obj(`s${i % 5}/f${i}.csv`, 1)) }));
      expect(p.download).toHaveLength(50);
      expect(lstat.mock.calls.length + stat.mock.calls.length).toBe(1);
    } finally {
      lstat.mockRestore();
      stat.mockRestore();
    }
  });
});
