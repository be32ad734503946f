import { jest } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { LocalState } from '../../src/storage/local-state.js';
import { StatView } from '../../src/storage/local-view.js';
import { Planner } from '../../src/storage/plan.js';
import { ReadAhead } from '../../src/storage/read-ahead.js';
import type { RemoteObject } from '../../src/s3/list.js';
import { tempDir } from '../integration/helpers.js';

const E = '0123456789abcdef0123456789abcdef';

/** A re-run's folder: `n` files under `dir`, each recorded in the state as written. */
function recorded(root: string, dir: string, n: number): string[] {
  const state = LocalState.load(path.join(root, '.marketsim', 'hydrate-state.json'));
  const rels: string[] = [];
  fs.mkdirSync(path.join(root, dir), { recursive: true });
  for (let i = 0; i < n; i++) {
    const rel = `${dir}/f${String(i).padStart(5, '0')}.csv`;
    fs.writeFileSync(path.join(root, rel), 'x'.repeat(10));
    state.set(rel, { size: 10, etag: E, mtimeMs: fs.lstatSync(path.join(root, rel)).mtimeMs, method: 'md5' });
    rels.push(rel);
  }
  state.save();
  return rels;
}

test('read ahead: the start of each range, within its folder, bounded; planning those pages then needs no lstat and no state lookup', async () => {
  const root = tempDir('read-ahead');
  const a = recorded(root, 'td', 3000);
  recorded(root, 'tdx', 50); // sorts right after td/: never read for td's ranges
  const state = LocalState.load(path.join(root, '.marketsim', 'hydrate-state.json'));
  const view = new StatView(root);
  // Two ranges: from the folder's start, and after td/f01999.csv (a split point).
  const ahead = new ReadAhead(state, view, [['td/', 'td'], ['td/f01999.csv', 'td']], 1500);
  await ahead.run();
  expect(ahead.size).toBe(1500); // bounded: 1,000 of the first range, 500 of the second
  expect(ahead.take('td/f00999.csv')?.local?.size).toBe(10);
  expect(ahead.take('td/f00999.csv')).toBeUndefined(); // let go once taken
  expect(ahead.take('td/f01000.csv')).toBeUndefined(); // past one page of the first range
  expect(ahead.take('td/f02000.csv')?.entry).toMatchObject({ size: 10, etag: E });

  const lstat = jest.spyOn(fs, 'lstatSync');
  const lookup = jest.spyOn(state, 'lookup');
  try {
    const planner = new Planner({ prefix: 'stock/', localRoot: root, local: view, state, readAhead: ahead, include: [], exclude: [], delete: false });
    const page = (from: number, to: number): RemoteObject[] => a.slice(from, to).map((rel) => ({ key: `stock/${rel}`, size: 10, etag: E, lastModified: '' }));
    planner.add('td', page(0, 999));
    expect(lstat).not.toHaveBeenCalled();
    expect(lookup.mock.calls.map((c) => c[0].length)).toEqual([0]);
    // Past what was read ahead (f00999 was taken above, f01000-f01499 never read): looked up as before.
    planner.add('td', page(999, 1500));
    expect(lookup.mock.calls.map((c) => c[0].length)).toEqual([0, 501]);
    expect(planner.plan.unchanged.files).toBe(1500);
    expect(planner.plan.toFetch).toBe(0);
  } finally {
    lstat.mockRestore();
    lookup.mockRestore();
  }
});

test('read ahead stops when told, and holds nothing once cleared', async () => {
  const root = tempDir('read-ahead-stop');
  recorded(root, 'td', 2000);
  const state = LocalState.load(path.join(root, '.marketsim', 'hydrate-state.json'));
  const ahead = new ReadAhead(state, new StatView(root), [['td/', 'td']]);
  const run = ahead.run();
  ahead.stop();
  await run;
  expect(ahead.size).toBeLessThanOrEqual(256); // at most the slice under way
  ahead.clear();
  expect(ahead.size).toBe(0);
});
