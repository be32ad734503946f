import http from 'node:http';
import https from 'node:https';
import type { S3Client } from '@aws-sdk/client-s3';
import type { StoreConfig } from './store.js';

/** The SDK pieces multipart uploads need, loaded on first use: hydrate and small-file persists never pay for them. */
export async function loadSdk() {
  const [{ S3Client }, { Upload }, { NodeHttpHandler }] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('@aws-sdk/lib-storage'),
    import('@smithy/node-http-handler'),
  ]);
  return { S3Client, Upload, NodeHttpHandler };
}

export type Sdk = Awaited<ReturnType<typeof loadSdk>>;

/**
 * The SDK client used for lib-storage multipart uploads. Checksums only when
 * required: R2 and s3rver mishandle the aws-chunked bodies the default mode sends for streams
 * (s3rver stores the framing as data), and we verify with Content-MD5 and ETags ourselves.
 */
export function sdkClient(sdk: Sdk, store: StoreConfig, sockets: number): S3Client {
  return new sdk.S3Client({
    endpoint: store.endpoint,
    region: store.region,
    forcePathStyle: true,
    credentials: { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey, sessionToken: store.sessionToken },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 6,
    requestHandler: new sdk.NodeHttpHandler({
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: sockets }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: sockets }),
      connectionTimeout: 15_000,
      requestTimeout: 120_000,
    }),
  });
}
