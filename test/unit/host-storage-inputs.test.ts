import { readHostStorage } from '../../src/inputs/host-storage-inputs.js';
import { InputReader, type Env } from '../../src/inputs/reader.js';
import { readStore } from '../../src/inputs/storage-inputs.js';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const base: Env = { CLOUDFLARE_API_TOKEN: 'cf-token', R2_ACCOUNT_ID: ACCOUNT, R2_ACCESS_KEY_ID: 'parent-id', R2_SECRET_ACCESS_KEY: 'parent-secret', EXPERIMENT_ID: 'exp-1' };

function host(env: Env) {
  const r = new InputReader(env);
  const cfg = readHostStorage(r, () => undefined, 3600);
  return { cfg, finish: () => r.finish() };
}

test('the host reaches a jurisdiction\'s buckets at the same endpoint the hosted side uses', () => {
  for (const j of [undefined, 'eu', 'fedramp', 'us']) {
    const env = { ...base, ...(j ? { R2_JURISDICTION: j } : {}) };
    const { cfg, finish } = host(env);
    finish();
    const r = new InputReader(env);
    expect(cfg!.endpoint).toBe(readStore(r, () => undefined).endpoint);
    expect(cfg!.endpoint).toBe(`https://${ACCOUNT}${j ? `.${j}` : ''}.r2.cloudflarestorage.com`);
  }
});

test('host storage inputs are checked as hydrate and persist check theirs', () => {
  const { finish } = host({ ...base, R2_JURISDICTION: 'mars', EXTRA_PULL_DIRS: '../etc', EXPERIMENT_ID: 'a/../b' });
  expect(finish).toThrow(/r2-jurisdiction: expected one of eu, fedramp, us, got 'mars'/);
  expect(finish).toThrow(/extra-dirs: '\.\.\/etc' has an empty, '\.' or '\.\.' segment/);
  expect(finish).toThrow(/experiment-id: 'a\/\.\.\/b' may hold only letters/);
  const { cfg } = host({ ...base, EXTRA_PULL_DIRS: 'trainingdata/,more/' });
  expect(cfg!.dataDirs.filter((d) => d === 'trainingdata')).toHaveLength(1);
  expect(cfg!.dataDirs).toContain('more');
});
