import fs from 'node:fs';
import path from 'node:path';
import { JOURNAL_SUFFIX, LocalState } from '../../src/storage/local-state.js';
import { tempDir } from '../integration/helpers.js';

/** The snapshot's record lines, checked to be in S3's key order. */
function recordLines(file: string): string[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
  expect(header).toBe('{"version":2}');
  const keys = lines.map((l) => (JSON.parse(l) as string[])[0]!);
  for (let i = 1; i < keys.length; i++) expect(Buffer.compare(Buffer.from(keys[i - 1]!), Buffer.from(keys[i]!))).toBe(-1);
  return lines;
}

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
  // Loading merged the killed run's journal into the snapshot already.
  expect(fs.existsSync(`${file}${JOURNAL_SUFFIX}`)).toBe(false);
  expect(recordLines(file)).toHaveLength(1000);
  c.save();
  expect(fs.existsSync(`${file}${JOURNAL_SUFFIX}`)).toBe(false);
  expect(LocalState.load(file).get('d/new')).toEqual(e(5000));
});

test('a run keeps no record per file it writes: they go to the journal, and save copies them into the snapshot', () => {
  const file = path.join(tempDir('state-flat'), '.marketsim', 'hydrate-state.json');
  const a = new LocalState(file);
  for (let i = 0; i < 100; i++) a.set(`d/old${i}`, e(i));
  a.save();
  expect(() => a.set('d/x', e(1))).toThrow(/after save/);

  const b = LocalState.load(file);
  for (let i = 0; i < 5000; i++) {
    b.set(`d/new${i}`, e(i));
    if (i % 1000 === 999) b.flush();
  }
  b.set('d/old3', e(333));
  b.flush();
  expect(b.get('d/new10')).toBeUndefined(); // flushed: in the journal only, until save
  b.set('d/new11', e(11));
  expect(b.get('d/new11')).toEqual(e(11)); // not flushed yet
  b.delete('d/new12'); // a record made in this run, already flushed: removed in the snapshot
  b.delete('d/old4');
  b.set('d/new13', e(13));
  b.delete('d/new13');
  b.set('d/new13', e(1313)); // set again after its removal: kept
  b.save();
  expect(fs.existsSync(`${file}${JOURNAL_SUFFIX}`)).toBe(false);

  const c = LocalState.load(file);
  expect(recordLines(file)).toHaveLength(100 + 5000 - 2);
  expect(c.get('d/new0')).toEqual(e(0));
  expect(c.get('d/new4999')).toEqual(e(4999));
  expect(c.get('d/new12')).toBeUndefined();
  expect(c.get('d/new13')).toEqual(e(1313));
  expect(c.get('d/old3')).toEqual(e(333));
  expect(c.get('d/old4')).toBeUndefined();
  expect(c.get('d/old5')).toEqual(e(5));
  // d/new13 was flushed, then set again: the snapshot keeps the later only.
  expect(fs.readFileSync(file, 'utf8').match(/"d\/new13"/g)).toHaveLength(1);
});

test('after a killed run (torn last line) this run appends on a line of its own, and save keeps both runs', () => {
  const file = path.join(tempDir('state-torn'), '.marketsim', 'hydrate-state.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}${JOURNAL_SUFFIX}`, '["d/a",1,"e1",1000,"md5"]\n["d/torn",12');
  const s = LocalState.load(file);
  expect(s.get('d/a')).toEqual(e(1));
  s.set('d/b', e(2));
  s.flush();
  expect(LocalState.load(file).get('d/b')).toEqual(e(2));
  s.save();
  const t = LocalState.load(file);
  expect([t.get('d/a'), t.get('d/b'), t.get('d/torn')]).toEqual([e(1), e(2), undefined]);
});

test('a failed journal append keeps the changes for the next flush', () => {
  const file = path.join(tempDir('state-append-fails'), '.marketsim', 'hydrate-state.json');
  const s = new LocalState(file);
  s.set('d/a', e(1));
  fs.mkdirSync(`${file}${JOURNAL_SUFFIX}`, { recursive: true }); // in the way: the append fails
  expect(() => s.flush()).toThrow(/EISDIR/);
  expect(s.get('d/a')).toEqual(e(1));
  fs.rmSync(`${file}${JOURNAL_SUFFIX}`, { recursive: true });
  s.delete('d/b');
  s.flush();
  expect(fs.readFileSync(`${file}${JOURNAL_SUFFIX}`, 'utf8')).toBe('["d/a",1,"e1",1000,"md5"]\n["d/b"]\n');
  s.save();
  expect(LocalState.load(file).get('d/a')).toEqual(e(1));
});
