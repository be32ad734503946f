/** Where the objects live and how to sign requests to it. */
export interface StoreConfig {
  /** Origin of the S3 API, e.g. https://<account>.r2.cloudflarestorage.com (path-style requests). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary (scoped, expiring) credentials: sent, and signed, as X-Amz-Security-Token on every request. */
  sessionToken?: string;
}

export function storeUri(store: StoreConfig, key: string): string {
  return `s3://${store.bucket}/${key}`;
}
