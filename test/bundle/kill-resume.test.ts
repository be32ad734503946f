import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FaultProxy } from '../emulators/fault-proxy.js';
import { startS3, type S3Server } from '../emulators/s3-server.js';
import { bytes, digestOf, partialFiles, tempDir, treeDigest } from '../integration/helpers.js';

let s3: S3Server;
let proxy: FaultProxy;
const expected: Record<string, string> = {};

beforeAll(async () => {
  s3 = await startS3();
  await s3.createBucket('models');
  for (let i = 0; i < 120; i++) {
    const b = bytes(2000 + i * 13, i);
    await s3.put('models', `stock/trainingdata/f${i}.csv`, b);
    expected[`trainingdata/f${i}.csv`] = digestOf(b);
  }
  const big = bytes(3 * 1024 * 1024, 999);
  await s3.put('models', 'stock/trainingdata/big.bin', big);
  expected['trainingdata/big.bin'] = digestOf(big);
  proxy = new FaultProxy(s3.endpoint);
  await proxy.start();
});

afterAll(async () => {
  await proxy.stop();
  await s3.stop();
});

function hydrateCli(root: string): ReturnType<typeof spawn> {
  return spawn(process.execPath, [path.resolve('dist/cli/index.js'), 'hydrate', '--dirs', 'trainingdata', '--concurrency', '4'], {
    env: { PATH: process.env.PATH, R2_ENDPOINT: proxy.endpoint, R2_ACCESS_KEY_ID: 'S3RVER', R2_SECRET_ACCESS_KEY: 'x', LOCAL_ROOT: root },
    stdio: 'ignore',
  });
}

test('kill -9 half-way: only complete, verified files under real names; the re-run completes and cleans up', async () => {
  const root = tempDir('kill');
  // Slow every object GET so the kill lands mid-transfer; the big file's body stalls half-way.
  proxy.inject((r) => r.method === 'GET' && !r.query.has('list-type'), { kind: 'delay', ms: 40 }, 1000);
  const child = hydrateCli(root);
  const dir = path.join(root, 'trainingdata');
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      const n = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.endsWith('.marketsim-partial')).length : 0;
      if (n >= 30) {
        clearInterval(poll);
        child.kill('SIGKILL');
        resolve();
      }
    }, 5);
  });
  await new Promise((r) => child.on('close', r));
  const afterKill = treeDigest(root);
  const complete = Object.keys(afterKill).filter((k) => !k.endsWith('.marketsim-partial'));
  expect(complete.length).toBeGreaterThanOrEqual(30);
  expect(complete.length).toBeLessThan(121);
  for (const rel of complete) expect(afterKill[rel]).toBe(expected[rel]);

  proxy.clearFaults();
  const rerun = hydrateCli(root);
  const code = await new Promise((r) => rerun.on('close', r));
  expect(code).toBe(0);
  expect(treeDigest(root)).toEqual(expected);
  expect(partialFiles(root)).toEqual([]);
});
