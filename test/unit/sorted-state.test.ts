import fs from 'node:fs';
import path from 'node:path';
import { compareKeys } from '../../src/s3/key-order.js';
import { JOURNAL_SUFFIX, LocalState, type StateEntry } from '../../src/storage/local-state.js';
import { seekLine } from '../../src/storage/sorted-lines.js';
import { tempDir } from '../integration/helpers.js';

/** A small deterministic generator: the same keys every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

const ALPHABET = ['a', 'b', 'Z', '0', '-', '/', '.', 'é', 'ß', '\u00ff', '\ue000', '\uffee', '😀', '🂡', '"', '\\'];
function key(r: () => number, len = 1 + Math.floor(r() * 6)): string {
  let s = '';
  for (let i = 0; i < len; i++) s += ALPHABET[Math.floor(r() * ALPHABET.length)];
  return s;
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

test('compareKeys orders as the UTF-8 bytes do (S3 listing order), surrogates after U+E000-U+FFFF', () => {
  const r = rng(7);
  for (let i = 0; i < 20_000; i++) {
    const a = key(r);
    const b = r() < 0.2 ? a + key(r, 1) : key(r);
    expect([a, b, sign(compareKeys(a, b))]).toEqual([a, b, sign(Buffer.compare(Buffer.from(a), Buffer.from(b)))]);
  }
  // Where JavaScript's own < disagrees.
  expect('😀' < '\uffee').toBe(true);
  expect(compareKeys('😀', '\uffee')).toBeGreaterThan(0);
});

test('random runs of sets, removals, flushes, kills and saves read back as a plain map (journal sorted in pieces of 37)', () => {
  const file = path.join(tempDir('sorted-state'), '.marketsim', 'hydrate-state.json');
  const r = rng(11);
  const model = new Map<string, StateEntry>();
  const pool = Array.from({ length: 400 }, () => `d/${key(r)}`);
  for (let run = 0; run < 12; run++) {
    const s = LocalState.load(file, 37);
    // What the previous runs left (a killed run's flushed lines included) is there.
    const probe = pool.filter(() => r() < 0.5);
    expect(s.lookup(probe)).toEqual(probe.map((k) => model.get(k)));
    const changes = 50 + Math.floor(r() * 150);
    const flushed = new Map(model);
    for (let i = 0; i < changes; i++) {
      const k = pool[Math.floor(r() * pool.length)]!;
      if (r() < 0.25) {
        s.delete(k);
        model.delete(k);
      } else {
        const v: StateEntry = { size: i, etag: `e${run}-${i}`, mtimeMs: run * 1000 + i, method: 'md5' };
        s.set(k, v);
        model.set(k, v);
      }
      if (r() < 0.05) {
        s.flush();
        for (const [kk] of flushed) if (!model.has(kk)) flushed.delete(kk);
        for (const [kk, vv] of model) flushed.set(kk, vv);
      }
    }
    if (run % 3 === 2) {
      // Killed: only what was flushed survives, and a torn line after it.
      fs.appendFileSync(`${file}${JOURNAL_SUFFIX}`, '["d/torn",1');
      model.clear();
      for (const [k, v] of flushed) model.set(k, v);
    } else s.save();
  }
  const last = LocalState.load(file, 37);
  expect(last.lookup(pool)).toEqual(pool.map((k) => model.get(k)));
  const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(1);
  expect(lines).toHaveLength(model.size);
  const keys = lines.map((l) => (JSON.parse(l) as string[])[0]!);
  expect(keys).toEqual([...model.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
  expect(fs.readdirSync(path.dirname(file))).toEqual(['hydrate-state.json']); // no run files left behind
});

test('a listing page looks up only its slice of a large snapshot', () => {
  const file = path.join(tempDir('sorted-state-big'), '.marketsim', 'hydrate-state.json');
  const s = new LocalState(file);
  const rel = (i: number) => `ticks/tick-${String(i).padStart(6, '0')}.csv`;
  for (let i = 0; i < 50_000; i++) s.set(rel(i), { size: i, etag: 'e'.repeat(32), mtimeMs: 1_700_000_000_000 + i, method: 'crc32' });
  s.save();
  const size = fs.statSync(file).size;
  expect(size).toBeGreaterThan(4_000_000);
  const t = LocalState.load(file);
  const page = Array.from({ length: 1000 }, (_, i) => rel(31_000 + i));
  const got = t.lookup(page);
  expect(got.every((g, i) => g?.size === 31_000 + i)).toBe(true);
  // ~1,000 records of ~80 bytes, plus the search and a read ahead: not the file.
  expect(t.bytesRead).toBeLessThan(300_000);
  expect(t.lookup(['ticks/none', 'zzz', rel(49_999), rel(0)])).toEqual([undefined, undefined, expect.objectContaining({ size: 49_999 }), expect.objectContaining({ size: 0 })]);
});

test('seekLine never passes a line below its target, whatever the line lengths', () => {
  const file = path.join(tempDir('seek-line'), 'lines');
  const r = rng(3);
  const keys = Array.from({ length: 3000 }, (_, i) => `k${String(i).padStart(5, '0')}`);
  // Some lines longer than one probe read (8 KiB).
  const lines = keys.map((k) => JSON.stringify([k, r() < 0.02 ? 'x'.repeat(20_000) : 'y']));
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += Buffer.byteLength(l) + 1;
  }
  const fd = fs.openSync(file, 'r');
  try {
    for (let i = 0; i < 300; i++) {
      const target = r() < 0.5 ? keys[Math.floor(r() * keys.length)]! : `k${String(Math.floor(r() * 3100)).padStart(5, '0')}a`;
      const pos = seekLine(fd, 0, at, target);
      const idx = starts.indexOf(pos);
      expect(idx).not.toBe(-1); // a line start
      expect(keys.slice(0, idx).every((k) => k < target)).toBe(true);
    }
  } finally {
    fs.closeSync(fd);
  }
});

test('a version 1 state is rewritten sorted, once; a foreign file is replaced at save', () => {
  const file = path.join(tempDir('state-v1'), '.marketsim', 'hydrate-state.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ version: 1, files: { 'd/b': [2, 'e2', 2000, 'md5'], 'd/a': [1, 'e1', 1000, 'crc32'], 'd/bad': [1] } }));
  const s = LocalState.load(file);
  expect(s.lookup(['d/a', 'd/b', 'd/bad'])).toEqual([
    { size: 1, etag: 'e1', mtimeMs: 1000, method: 'crc32' },
    { size: 2, etag: 'e2', mtimeMs: 2000, method: 'md5' },
    undefined,
  ]);
  expect(fs.readFileSync(file, 'utf8')).toBe('{"version":2}\n["d/a",1,"e1",1000,"crc32"]\n["d/b",2,"e2",2000,"md5"]\n');

  fs.writeFileSync(file, 'not a state file\n["d/a",1,"e1",1000,"md5"]\n');
  const f = LocalState.load(file);
  expect(f.get('d/a')).toBeUndefined();
  f.set('d/c', { size: 3, etag: 'e3', mtimeMs: 3, method: 'md5' });
  f.save();
  expect(fs.readFileSync(file, 'utf8')).toBe('{"version":2}\n["d/c",3,"e3",3,"md5"]\n');
});
