import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger, ProgressSink, TransferProgress } from '../../src/runtime/ports.js';
import type { HydrateConfig } from '../../src/storage/config.js';
import type { StoreConfig } from '../../src/s3/store.js';
import { FaultProxy } from '../emulators/fault-proxy.js';
import { startS3, type S3Server } from '../emulators/s3-server.js';

export function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `marketsim-${label}-`));
}

export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  info = (m: string): void => void this.lines.push(`info ${m}`);
  warn = (m: string): void => void this.lines.push(`warn ${m}`);
  error = (m: string): void => void this.lines.push(`error ${m}`);
  debug = (m: string): void => void this.lines.push(`debug ${m}`);
  matching(re: RegExp): string[] {
    return this.lines.filter((l) => re.test(l));
  }
}

export class RecordingProgress implements ProgressSink {
  readonly updates: TransferProgress[] = [];
  last?: TransferProgress;
  update = (p: TransferProgress): void => void this.updates.push(p);
  done = (p: TransferProgress): void => {
    this.last = p;
  };
}

/** The secret of the test key: s3rver ignores it, the proxy in front of s3rver checks every signature with it. */
export const TEST_SECRET = 'test-secret-checked-by-the-proxy';

export function store(endpoint: string, bucket = 'models'): StoreConfig {
  return { endpoint, bucket, region: 'auto', accessKeyId: 'S3RVER', secretAccessKey: TEST_SECRET };
}

export function hydrateConfig(endpoint: string, localRoot: string, over: Partial<HydrateConfig> = {}): HydrateConfig {
  return {
    store: store(endpoint),
    prefix: 'stock/',
    dirs: ['trainingdata', 'hyperparams'],
    localRoot,
    concurrency: 8,
    delete: false,
    dryRun: false,
    include: [],
    exclude: [],
    ...over,
  };
}

/** Deterministic pseudo-random bytes, so failures reproduce. */
export function bytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let block = createHash('sha256').update(String(seed)).digest();
  for (let off = 0; off < n; off += block.length) {
    block.copy(out, off);
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

export function random(n: number): Buffer {
  return randomBytes(n);
}

/** Every regular file under `root` (relative path -> sha256), skipping our state folder. */
export function treeDigest(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (dir: string, rel: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${ent.name}` : ent.name;
      if (r === '.marketsim') continue;
      if (ent.isDirectory()) visit(path.join(dir, ent.name), r);
      else if (ent.isFile()) out[r] = createHash('sha256').update(fs.readFileSync(path.join(dir, ent.name))).digest('hex');
    }
  };
  visit(root, '');
  return out;
}

export function digestOf(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

export function partialFiles(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, ent.name);
      if (ent.isDirectory()) visit(p);
      else if (ent.name.endsWith('.marketsim-partial')) out.push(p);
    }
  };
  visit(root);
  return out;
}

/**
 * For the whole test file: s3rver with the bucket `models`, and a FaultProxy in front of it.
 * Before each test the proxy's faults, request hook and log are cleared. Read `s3` and `proxy`
 * inside hooks and tests (they are set by the first beforeAll).
 */
export function s3BehindProxy(): { readonly s3: S3Server; readonly proxy: FaultProxy } {
  const fx = {} as { s3: S3Server; proxy: FaultProxy };
  beforeAll(async () => {
    fx.s3 = await startS3();
    await fx.s3.createBucket('models');
    fx.proxy = new FaultProxy(fx.s3.endpoint);
    fx.proxy.credentials = new Map([['S3RVER', { secretAccessKey: TEST_SECRET }]]);
    await fx.proxy.start();
  });
  afterAll(async () => {
    await fx.proxy?.stop();
    await fx.s3?.stop();
  });
  beforeEach(() => {
    fx.proxy.clearFaults();
    fx.proxy.onRequest = undefined;
    fx.proxy.log.length = 0;
    fx.proxy.rejected.length = 0;
  });
  return fx;
}
