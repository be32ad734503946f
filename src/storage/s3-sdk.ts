import http from 'node:http';
import https from 'node:https';
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { StoreConfig } from './config.js';

/**
 * The SDK client used for uploads (PutObject, lib-storage multipart). Checksums only when
 * required: R2 and s3rver mishandle the aws-chunked bodies the default mode sends for streams
 * (s3rver stores the framing as data), and we verify with Content-MD5 and ETags ourselves.
 */
export function sdkClient(store: StoreConfig, sockets: number): S3Client {
  return new S3Client({
    endpoint: store.endpoint,
    region: store.region,
    forcePathStyle: true,
    credentials: { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 6,
    requestHandler: new NodeHttpHandler({
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: sockets }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: sockets }),
      connectionTimeout: 15_000,
      requestTimeout: 120_000,
    }),
  });
}
