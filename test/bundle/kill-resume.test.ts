import { NODE24 } from './node24.js';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bytes, digestOf, partialFiles, s3BehindProxy, tempDir, TEST_SECRET, treeDigest } from '../integration/helpers.js';
import { whenTrue } from './run-bundle.js';

const fx = s3BehindProxy();
const expected: Record<string, string> = {};

beforeAll(async () => {
  for (let i = 0; i < 120; i++) {
    const b = bytes(2000 + i * 13, i);
    await fx.s3.put('models', `stock/trainingdata/f${i}.csv`, b);
    expected[`trainingdata/f${i}.csv`] = digestOf(b);
  }
  const big = bytes(3 * 1024 * 1024, 999);
  await fx.s3.put('models', 'stock/trainingdata/big.bin', big);
  expected['trainingdata/big.bin'] = digestOf(big);
});

function hydrateCli(root: string): ReturnType<typeof spawn> {
  return spawn(NODE24, [path.resolve('dist/cli/index.js'), 'hydrate', '--dirs', 'trainingdata', '--concurrency', '4'], {
    env: { PATH: process.env.PATH, R2_ENDPOINT: fx.proxy.endpoint, R2_ACCESS_KEY_ID: 'S3RVER', R2_SECRET_ACCESS_KEY: TEST_SECRET, LOCAL_ROOT: root },
    stdio: 'ignore',
  });
}

test('kill -9 half-way: only complete, verified files under real names; the re-run completes and cleans up', async () => {
  const root = tempDir('kill');
  // Slow every object GET so the kill lands mid-transfer; the big file's body stalls half-way.
  fx.proxy.inject((r) => r.method === 'GET' && !r.query.has('list-type'), { kind: 'delay', ms: 40 }, 1000);
  const child = hydrateCli(root);
  const dir = path.join(root, 'trainingdata');
  const completeFiles = (): number => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.endsWith('.marketsim-partial')).length : 0);
  await new Promise<void>((resolve) =>
    whenTrue(() => completeFiles() >= 30, 5, () => {
      child.kill('SIGKILL');
      resolve();
    }),
  );
  await new Promise((r) => child.on('close', r));
  const afterKill = treeDigest(root);
  const complete = Object.keys(afterKill).filter((k) => !k.endsWith('.marketsim-partial'));
  expect(complete.length).toBeGreaterThanOrEqual(30);
  expect(complete.length).toBeLessThan(121);
  for (const rel of complete) expect(afterKill[rel]).toBe(expected[rel]);
  // The marker tells the re-run to sweep for temporary files (there is no walk without delete).
  expect(fs.existsSync(path.join(root, '.marketsim', 'hydrate-downloading'))).toBe(true);

  fx.proxy.clearFaults();
  const rerun = hydrateCli(root);
  const code = await new Promise((r) => rerun.on('close', r));
  expect(code).toBe(0);
  expect(treeDigest(root)).toEqual(expected);
  expect(partialFiles(root)).toEqual([]);
  expect(fs.existsSync(path.join(root, '.marketsim', 'hydrate-downloading'))).toBe(false);
});
