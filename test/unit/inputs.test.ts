import { ConfigurationError } from '../../src/errors.js';
import { InputReader, splitList } from '../../src/inputs/reader.js';
import { readHydrateConfig, readPersistConfig } from '../../src/inputs/storage-inputs.js';

const base = { 'INPUT_ACCESS-KEY-ID': 'AKID', 'INPUT_SECRET-ACCESS-KEY': 'shh', INPUT_ENDPOINT: 'http://127.0.0.1:9000' };

function hydrateCfg(env: Record<string, string | undefined>, masked: string[] = []) {
  const r = new InputReader(env);
  const cfg = readHydrateConfig(r, env, (s) => masked.push(s));
  r.finish();
  return cfg;
}

describe('InputReader', () => {
  test('input wins over the variable, the variable over the default', () => {
    const env = { INPUT_BUCKET: 'from-input', R2_BUCKET: 'from-var' };
    expect(new InputReader(env).string('bucket', { env: ['R2_BUCKET'], default: 'd' })).toBe('from-input');
    expect(new InputReader({ R2_BUCKET: 'from-var' }).string('bucket', { env: ['R2_BUCKET'], default: 'd' })).toBe('from-var');
    expect(new InputReader({ INPUT_BUCKET: '  ' }).string('bucket', { env: ['R2_BUCKET'], default: 'd' })).toBe('d');
  });

  test('booleans are YAML 1.2 core only; anything else is an error naming the input', () => {
    expect(new InputReader({ INPUT_DELETE: 'True' }).bool('delete', { default: false })).toBe(true);
    const r = new InputReader({ INPUT_DELETE: 'yes' });
    r.bool('delete', { default: false });
    expect(() => r.finish()).toThrow(/delete: expected true or false, got 'yes'/);
  });

  test('integers are strict and range-checked, never silently defaulted', () => {
    for (const bad of ['0', '-3', '12abc', '1.5', '2000']) {
      const r = new InputReader({ INPUT_CONCURRENCY: bad });
      r.int('concurrency', { default: 8, min: 1, max: 1024 });
      expect(() => r.finish()).toThrow(/concurrency: expected a whole number from 1 to 1024/);
    }
    expect(new InputReader({ INPUT_CONCURRENCY: '64' }).int('concurrency', { default: 8, min: 1, max: 1024 })).toBe(64);
  });

  test('lists split on newlines and commas but not inside glob braces', () => {
    expect(splitList('a, b\nc')).toEqual(['a', 'b', 'c']);
    expect(splitList('**/*.{csv,json}, x')).toEqual(['**/*.{csv,json}', 'x']);
    expect(splitList('\n , \n')).toEqual([]);
  });

  test('every problem is reported in one error', () => {
    const r = new InputReader({ INPUT_CONCURRENCY: '0', INPUT_DELETE: 'maybe' });
    r.int('concurrency', { default: 8, min: 1, max: 1024 });
    r.bool('delete', { default: false });
    r.required('api-key', { env: ['VAST_API_KEY'] });
    let err: unknown;
    try {
      r.finish();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigurationError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/concurrency/);
    expect(msg).toMatch(/delete/);
    expect(msg).toMatch(/api-key: required \(or variable VAST_API_KEY\)/);
  });
});

describe('storage inputs', () => {
  test('defaults follow the old script: bucket models, prefix stock/, five folders', () => {
    const cfg = hydrateCfg({ ...base, GITHUB_WORKSPACE: '/gh/ws' });
    expect(cfg.store.bucket).toBe('models');
    expect(cfg.prefix).toBe('stock/');
    expect(cfg.dirs).toEqual(['trainingdata', 'trainingdatadaily', 'trainingdatahourly', 'compiled_models', 'hyperparams']);
    expect(cfg.localRoot).toBe('/gh/ws');
    expect(cfg.store.region).toBe('auto');
  });

  test('environment names users already have still work', () => {
    const cfg = hydrateCfg({
      R2_ENDPOINT: 'https://acc.r2.cloudflarestorage.com/',
      R2_BUCKET: 'data',
      R2_ACCESS_KEY_ID: 'k',
      R2_SECRET_ACCESS_KEY: 's',
      EXTRA_PULL_DIRS: 'extra1, extra2/',
      LOCAL_ROOT: '/data',
    });
    expect(cfg.store.endpoint).toBe('https://acc.r2.cloudflarestorage.com');
    expect(cfg.store.bucket).toBe('data');
    expect(cfg.dirs.slice(-2)).toEqual(['extra1', 'extra2']);
    expect(cfg.localRoot).toBe('/data');
  });

  test('account id and jurisdiction build the R2 endpoint', () => {
    const id = '0123456789abcdef0123456789abcdef';
    expect(hydrateCfg({ ...base, INPUT_ENDPOINT: '', R2_ACCOUNT_ID: id }).store.endpoint).toBe(`https://${id}.r2.cloudflarestorage.com`);
    expect(hydrateCfg({ ...base, INPUT_ENDPOINT: '', R2_ACCOUNT_ID: id, INPUT_JURISDICTION: 'eu' }).store.endpoint).toBe(`https://${id}.eu.r2.cloudflarestorage.com`);
    expect(() => hydrateCfg({ ...base, INPUT_ENDPOINT: '', R2_ACCOUNT_ID: id, INPUT_JURISDICTION: 'mars' })).toThrow(/jurisdiction: expected one of eu, fedramp, us/);
  });

  test('secrets are masked as soon as they are read, even when other inputs are bad', () => {
    const masked: string[] = [];
    expect(() => hydrateCfg({ ...base, INPUT_CONCURRENCY: '0' }, masked)).toThrow(/concurrency/);
    expect(masked).toEqual(expect.arrayContaining(['shh', 'AKID']));
  });

  test('bad inputs name the input and what was expected', () => {
    expect(() => hydrateCfg({ ...base, INPUT_DIRS: 'trainingdata,../etc' })).toThrow(/dirs: '\.\.\/etc'/);
    expect(() => hydrateCfg({ ...base, 'INPUT_EXTRA-DIRS': '/abs' })).toThrow(/extra-dirs: '\/abs' is absolute/);
    expect(() => hydrateCfg({ ...base, INPUT_BUCKET: 'Bad_Bucket' })).toThrow(/bucket: 'Bad_Bucket' is not a valid bucket name/);
    expect(() => hydrateCfg({ ...base, INPUT_ENDPOINT: 'ftp://x' })).toThrow(/endpoint: expected an http\(s\) URL/);
    expect(() => hydrateCfg({ INPUT_ENDPOINT: 'http://x' })).toThrow(/access-key-id: required[\s\S]*secret-access-key: required/);
    expect(() => hydrateCfg({ 'INPUT_ACCESS-KEY-ID': 'a', 'INPUT_SECRET-ACCESS-KEY': 'b' })).toThrow(/endpoint: required/);
  });

  test('persist target and experiment ids', () => {
    const env = { ...base, 'INPUT_LOCAL-ROOT': '/ws', GITHUB_RUN_ID: '987' };
    const r = new InputReader(env);
    const cfg = readPersistConfig(r, env, () => undefined);
    r.finish();
    expect(cfg.logDir).toBe('/ws/marketsimulator/run_logs');
    expect(cfg.experimentId).toMatch(/^marketsim-\d{8}-\d{6}-987$/);
    expect(cfg.targetPrefix).toBe(`stock/marketsimulator/logs/${cfg.experimentId}/`);
    for (const bad of ['a/b', '..', 'has space', 'x..y', '-lead']) {
      const rr = new InputReader({ ...env, EXPERIMENT_ID: bad });
      readPersistConfig(rr, env, () => undefined);
      expect(() => rr.finish()).toThrow(/experiment-id/);
    }
  });
});
