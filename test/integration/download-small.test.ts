import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { DEFAULT_TUNING, downloadObject, type DownloadContext } from '../../src/storage/download.js';
import { BufferPool } from '../../src/storage/file-writer.js';
import { SmallFileWriter } from '../../src/storage/small-writer.js';
import { S3Http } from '../../src/s3/s3-http.js';
import { CRC_META_NAME, crcHex } from '../../src/s3/crc.js';
import { bytes, s3BehindProxy, store, tempDir } from './helpers.js';

const fx = s3BehindProxy();

/** Records which way each small file went. */
class CountingWriter extends SmallFileWriter {
  writes = 0;
  constructor(private readonly backlog = 0) {
    super();
  }
  override get pending(): number {
    return this.backlog;
  }
  override write(tmp: string, dest: string, body: Uint8Array): Promise<number> {
    this.writes++;
    return super.write(tmp, dest, body);
  }
}

async function fetchSmall(writer: CountingWriter): Promise<{ root: string; body: Buffer }> {
  const body = bytes(30_000, 11);
  await fx.s3.put('models', 'stock/w/one.csv', body, { [CRC_META_NAME]: crcHex(zlib.crc32(body)) });
  const http = new S3Http(store(fx.proxy.endpoint), { connections: 4 });
  const root = tempDir('dl-small');
  const ctx: DownloadContext = {
    http,
    requests: pLimit(4),
    tuning: DEFAULT_TUNING,
    buffers: new BufferPool(DEFAULT_TUNING.writeBuffer, 8),
    smallWriter: writer,
    onBytes: () => undefined,
    onRetry: () => undefined,
  };
  try {
    const got = await downloadObject(ctx, { key: 'stock/w/one.csv', rel: 'w/one.csv', dir: 'w', size: body.length, etag: createHash('md5').update(body).digest('hex') }, path.join(root, 'one.csv'));
    expect(got.method).toBe('crc32');
    expect(got.mtimeMs).toBe(fs.statSync(path.join(root, 'one.csv')).mtimeMs);
  } finally {
    await http.close();
    await writer.close();
  }
  return { root, body };
}

test('small files go to the writer thread, and to the thread pool while the writer has a backlog (a slow file system)', async () => {
  const idle = new CountingWriter(0);
  const a = await fetchSmall(idle);
  expect(idle.writes).toBe(1);
  expect(fs.readFileSync(path.join(a.root, 'one.csv')).equals(a.body)).toBe(true);

  const busy = new CountingWriter(32);
  const b = await fetchSmall(busy);
  expect(busy.writes).toBe(0);
  expect(fs.readFileSync(path.join(b.root, 'one.csv')).equals(b.body)).toBe(true);
  expect(fs.readdirSync(b.root)).toEqual(['one.csv']);
});
