import fs from 'node:fs';
import path from 'node:path';
import { GPU_CSV_HEADER, startGpuSampler } from '../../src/telemetry/gpu.js';
import { tempDir } from '../integration/helpers.js';

const FAKE = path.resolve('test/fixtures');

/** Waits (up to 10 s, a loaded CI machine) until gpu.csv satisfies `enough`. */
async function until(dir: string, enough: (lines: string[]) => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (Date.now() < end) {
    const file = path.join(dir, 'gpu.csv');
    if (fs.existsSync(file) && enough(fs.readFileSync(file, 'utf8').trim().split('\n').slice(1))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('with nvidia-smi: samples go to gpu.csv; mean/peak utilisation and peak memory are summarised', async () => {
  const dir = tempDir('gpu');
  const env = { ...process.env, PATH: `${FAKE}:${process.env.PATH}`, FAKE_GPU_LINES: '0, 90, 20000, 32607, 400.0, 70, 575.57\\n1, 70, 25000, 32607, 380.0, 66, 575.57' };
  const s = startGpuSampler(dir, { env, intervalS: 1 });
  await until(dir, (lines) => lines.length >= 4);
  const g = (await s.stop())!;
  expect(g.gpus).toBe(2);
  expect(g.samples).toBeGreaterThanOrEqual(4);
  expect(g.utilMean).toBe(80);
  expect(g.utilPeak).toBe(90);
  expect(g.memPeakMib).toBe(25000);
  expect(g.driverVersion).toBe('575.57');
  expect(g.mostlyIdle).toBe(false);
  const csv = fs.readFileSync(path.join(dir, 'gpu.csv'), 'utf8').trim().split('\n');
  expect(csv[0]).toBe(GPU_CSV_HEADER);
  expect(csv[1]).toMatch(/^\d{4}-\d\d-\d\dT[^,]+,0,90,20000,32607,400,70$/);
});

test('a GPU that sits idle most of the run is flagged', async () => {
  const dir = tempDir('gpu-idle');
  const s = startGpuSampler(dir, { env: { ...process.env, PATH: `${FAKE}:${process.env.PATH}`, FAKE_GPU_LINES: '0, 1, 500, 32607, 60.0, 35, 575.57', FAKE_GPU_INTERVAL: '0.3' }, intervalS: 1 });
  // Three distinct seconds of samples, however slow the machine.
  await until(dir, (lines) => new Set(lines.map((l) => l.slice(0, 19))).size >= 4);
  const g = (await s.stop())!;
  expect(g.idleShare).toBe(1);
  expect(g.mostlyIdle).toBe(true);
});

test('no nvidia-smi (the demo, a laptop): no sampler, no file, no error', async () => {
  const dir = tempDir('gpu-none');
  const s = startGpuSampler(dir, { env: { PATH: '/nonexistent' } });
  expect(await s.stop()).toBeUndefined();
  expect(fs.existsSync(path.join(dir, 'gpu.csv'))).toBe(false);
});
