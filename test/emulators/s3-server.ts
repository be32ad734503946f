import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';

export const S3RVER_KEY = 'S3RVER';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface S3Server {
  endpoint: string;
  port: number;
  dataDir: string;
  /** The s3rver process (the bench reads its CPU time). */
  pid: number;
  client: S3Client;
  createBucket(name: string): Promise<void>;
  put(bucket: string, key: string, body: Buffer | string, metadata?: Record<string, string>): Promise<void>;
  putMultipart(bucket: string, key: string, body: Buffer, partSize: number): Promise<void>;
  stop(): Promise<void>;
}

const S3RVER_BIN = path.resolve('node_modules/s3rver/bin/s3rver.js');
/** Makes s3rver answer an upload only once its file is written, as S3 and R2 do (see the file). */
export const DURABLE_WRITES = path.resolve('test/emulators/s3rver-durable-writes.cjs');

/**
 * A real S3-compatible server (s3rver) on 127.0.0.1, one per test file. It needs the legacy
 * OpenSSL provider: it encrypts continuation tokens with DES (see local-test-servers.md).
 */
export async function startS3(): Promise<S3Server> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-s3rver-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--openssl-legacy-provider', '--require', DURABLE_WRITES, S3RVER_BIN, '-d', dataDir, '-a', '127.0.0.1', '-p', String(port), '--silent', '--no-vhost-buckets'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('s3rver did not start in 15 s')), 15_000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('listening')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`s3rver exited with ${code}`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({
    endpoint,
    region: 'auto',
    forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_KEY, secretAccessKey: S3RVER_KEY },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    port,
    dataDir,
    pid: child.pid ?? 0,
    client,
    createBucket: async (name) => {
      await client.send(new CreateBucketCommand({ Bucket: name }));
    },
    put: async (bucket, key, body, metadata) => {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: typeof body === 'string' ? Buffer.from(body) : body, Metadata: metadata }));
    },
    putMultipart: async (bucket, key, body, partSize) => {
      await new Upload({ client, params: { Bucket: bucket, Key: key, Body: body }, partSize, queueSize: 4 }).done();
    },
    stop: async () => {
      client.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
