import fs from 'node:fs';
import path from 'node:path';
import { JOURNAL_SUFFIX, LocalState } from '../../src/storage/local-state.js';
import { tempDir } from '../integration/helpers.js';

const e = (n: number) => ({ size: n, etag: `e${n}`, mtimeMs: n * 1000, method: 'md5' as const });

test('flush appends only what changed; a killed run (torn last line) loses nothing it flushed; save compacts and drops the journal', () => {
  const file = path.join(tempDir('state'), '.marketsim', 'hydrate-state.json');
  const a = new LocalState(file);
  for (let i = 0; i < 1000; i++) a.set(`d/f${i}`, e(i));
  a.save();
  const snapshot = fs.statSync(file).size;

  const b = LocalState.load(file);
  b.set('d/new', e(5000));
  b.delete('d/f1');
  b.flush();
  const journal = fs.readFileSync(`${file}${JOURNAL_SUFFIX}`, 'utf8');
  expect(journal.trim().split('\n')).toEqual(['["d/new",5000,"e5000",5000000,"md5"]', '["d/f1"]']);
  expect(fs.statSync(file).size).toBe(snapshot); // the snapshot was not rewritten
  b.set('d/f2', e(7));
  b.flush();
  fs.appendFileSync(`${file}${JOURNAL_SUFFIX}`, '["d/torn",12'); // killed mid-append

  const c = LocalState.load(file);
  expect(c.get('d/new')).toEqual(e(5000));
  expect(c.get('d/f1')).toBeUndefined();
  expect(c.get('d/f2')).toEqual(e(7));
  expect(c.get('d/torn')).toBeUndefined();
  expect(c.size).toBe(1000);
  c.save();
  expect(fs.existsSync(`${file}${JOURNAL_SUFFIX}`)).toBe(false);
  expect(LocalState.load(file).get('d/new')).toEqual(e(5000));
});
