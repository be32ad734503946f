import { LocalState } from '../../src/storage/local-state.js';
import type { LocalTree } from '../../src/storage/local-tree.js';
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

function input(over: Partial<PlanInput> & { objects?: RemoteObject[]; local?: [string, number, number][] }): PlanInput & { listings: Map<string, RemoteObject[]> } {
  const tree: LocalTree = { files: new Map(), partials: [], symlinks: new Set() };
  for (const [rel, size, mtimeMs] of over.local ?? []) tree.files.set(rel, { size, mtimeMs });
  return {
    prefix: 'stock/',
    localRoot: '/ws',
    listings: new Map([['td', over.objects ?? []]]),
    tree: over.tree ?? tree,
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
        local: [
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
    const plan = planHydrate(input({ objects: [obj('a.csv', 10), obj('b.csv', 10, 'not-md5')], local: [['td/a.csv', 10, 1], ['td/b.csv', 10, 1]] }));
    expect(plan.adopt.map((i) => i.rel)).toEqual(['td/a.csv']);
    expect(plan.download.map((i) => i.rel)).toEqual(['td/b.csv']);
  });

  test('hostile keys and writes through symlinks are refused', () => {
    const tree: LocalTree = { files: new Map(), partials: [], symlinks: new Set(['td/link']) };
    const plan = planHydrate(input({ tree, objects: [obj('../../etc/x', 1), obj('a\\b', 1), obj('link/x.csv', 1), obj('ok.csv', 1)] }));
    expect(plan.refused.map((r) => r.key)).toEqual(['stock/td/../../etc/x', 'stock/td/a\\b', 'stock/td/link/x.csv']);
    expect(plan.download.map((d) => d.rel)).toEqual(['td/ok.csv']);
  });

  test('delete removes only files gone from the bucket that pass the filters', () => {
    const plan = planHydrate(
      input({
        delete: true,
        exclude: ['**/*.keep'],
        objects: [obj('a.csv', 1)],
        local: [['td/a.csv', 1, 1], ['td/gone.csv', 1, 1], ['td/local.keep', 1, 1]],
      }),
    );
    expect(plan.delete).toEqual(['td/gone.csv']);
  });

  test('an empty or missing folder is reported and never emptied locally', () => {
    const plan = planHydrate(input({ delete: true, objects: [], local: [['td/mine.csv', 1, 1]] }));
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
