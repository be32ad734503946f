import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DURABLE_WRITES } from '../emulators/s3-server.js';

const require = createRequire(import.meta.url);

test('with the preload, s3rver\'s store answers a streamed upload only after its file is whole', async () => {
  require(DURABLE_WRITES);
  const FilesystemStore = require('s3rver/lib/stores/filesystem.js') as new (dir: string) => {
    putObject(o: { bucket: string; key: string; content: Readable; metadata: Record<string, string> }): Promise<{ size: number }>;
    getResourcePath(bucket: string, key: string, type: string): string;
  };
  expect(FilesystemStore.prototype.putObject.name).toBe('durable');
  // A slow disk (writeback throttling on a loaded machine): every write lands 5 ms late.
  const fsx = require(require.resolve('fs-extra', { paths: [path.dirname(require.resolve('s3rver/package.json'))] })) as { createWriteStream: (...a: unknown[]) => fs.WriteStream };
  const inner = fsx.createWriteStream;
  fsx.createWriteStream = (...a: unknown[]) => {
    const ws = inner(...a);
    const write = ws._write.bind(ws);
    ws._write = (chunk, enc, cb) => void setTimeout(() => write(chunk, enc, cb), 5);
    return ws;
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-durable-'));
  const store = new FilesystemStore(dir);
  const size = 4 * 1024 * 1024;
  const results = await Promise.all(
    Array.from({ length: 20 }, async (_, i) => {
      const chunks = Array.from({ length: 64 }, () => Buffer.alloc(size / 64, i));
      const r = await store.putObject({ bucket: 'b', key: `k${i}`, content: Readable.from(chunks), metadata: {} });
      // The moment the store answers, the file must hold every byte.
      return [r.size, fs.statSync(store.getResourcePath('b', `k${i}`, 'object')).size];
    }),
  );
  for (const [answered, onDisk] of results) expect(onDisk).toBe(answered);
  fs.rmSync(dir, { recursive: true, force: true });
});
