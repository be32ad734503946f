import { ListedPaths } from '../../src/storage/listed-paths.js';

test('listed paths: every added path is found across growth steps, others are not; sealed after the first question', () => {
  const s = new ListedPaths();
  expect(s.has('td/a')).toBe(false);
  const t = new ListedPaths();
  for (let i = 0; i < 150_000; i += 2) t.add(`td/f${i}.csv`);
  t.add('td/é/😀');
  for (let i = 0; i < 150_000; i += 1000) {
    expect(t.has(`td/f${i}.csv`)).toBe(true);
    expect(t.has(`td/f${i + 1}.csv`)).toBe(false);
  }
  expect(t.has('td/f149998.csv')).toBe(true);
  expect(t.has('td/é/😀')).toBe(true);
  expect(t.has('td/é')).toBe(false);
  expect(() => t.add('td/late')).toThrow(/sealed/);
});
