import { describeWith, testWith } from '../support-tools.js';
import { NODE24 } from './node24.js';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../integration/helpers.js';

testWith('the demo test', ['python3'])('npm run demo: s3rver, sample data, hydrate -> example simulator -> persist, all verified', async () => {
  const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(NODE24, ['demo/demo.mjs'], { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}) } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (c) => resolve({ code: c, out }));
  });
  expect(out).toMatch(/Downloaded 10 files/);
  expect(out).toMatch(/portfolio of 6: return [+-]\d+\.\d+%/);
  expect(out).toContain('Verified by listing: yes');
  expect(out).toContain('s3://models/stock/marketsimulator/logs/demo/results.json');
  expect(out).not.toContain('demo-secret');
  expect(out).not.toMatch(/Warning/);
  expect(code).toBe(0);
});

describeWith('the example simulator tests', ['python3'])('example simulator', () => {
  const run = (root: string, args: string[] = []) =>
    spawnSync('python3', ['-m', 'marketsimulator.runner', ...args], { env: { PATH: process.env.PATH, PYTHONPATH: path.resolve('.'), LOCAL_ROOT: root }, encoding: 'utf8' });

  test('no price data: exit 2 with a message; a bad config is refused', () => {
    const root = tempDir('sim-empty');
    const r = run(root);
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/no price data in/);
    fs.mkdirSync(path.join(root, 'trainingdata'));
    fs.writeFileSync(path.join(root, 'trainingdata/X.csv'), 'date,open,high,low,close,volume\n2024-01-01,1,1,1,1,1\n2024-01-02,1,1,1,2,1\n');
    fs.writeFileSync(path.join(root, 'bad.json'), '{"fast": 30, "slow": 10}');
    const bad = run(root, ['--config', path.join(root, 'bad.json')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/fast \(30\) must be below slow \(10\)/);
  });

  test('writes results.json and equity.csv into LOCAL_LOG_DIR', () => {
    const root = tempDir('sim-ok');
    fs.mkdirSync(path.join(root, 'trainingdata'));
    const rows = ['date,open,high,low,close,volume'];
    for (let i = 0; i < 120; i++) rows.push(`d${i},1,1,1,${(100 + 10 * Math.sin(i / 8)).toFixed(2)},1`);
    fs.writeFileSync(path.join(root, 'trainingdata/T.csv'), `${rows.join('\n')}\n`);
    const r = run(root);
    expect(r.status).toBe(0);
    const results = JSON.parse(fs.readFileSync(path.join(root, 'marketsimulator/run_logs/results.json'), 'utf8')) as { tickers: Record<string, { days: number; trades: number }> };
    expect(results.tickers.T?.days).toBe(120);
    expect(results.tickers.T?.trades).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(root, 'marketsimulator/run_logs/equity.csv'), 'utf8').split('\n')[0]).toBe('day,equity');
  });
});
