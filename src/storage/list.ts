import { XMLParser } from 'fast-xml-parser';
import type { S3Http } from './s3-http.js';

export interface RemoteObject {
  key: string;
  size: number;
  /** Lower-case hex, without quotes; multipart ETags keep their `-N` suffix. */
  etag: string;
  lastModified: string;
}

// parseTagValue off: a key such as "0012" or "1e5" must stay a string.
const parser = new XMLParser({
  parseTagValue: false,
  ignoreAttributes: true,
  isArray: (name) => name === 'Contents',
  processEntities: true,
  htmlEntities: true,
});

export function normalizeEtag(etag: string | undefined): string {
  return (etag ?? '').replace(/^W\//, '').replace(/"/g, '').trim().toLowerCase();
}

interface ListPage {
  objects: RemoteObject[];
  nextToken?: string;
}

export function parseListPage(xml: string): ListPage {
  const doc = parser.parse(xml) as { ListBucketResult?: Record<string, unknown> };
  const r = doc.ListBucketResult;
  if (!r) throw new Error('ListObjectsV2 answer has no ListBucketResult');
  const contents = (r.Contents as Record<string, unknown>[] | undefined) ?? [];
  const objects = contents.map((c) => ({
    key: String(c.Key ?? ''),
    size: Number(c.Size ?? 0),
    etag: normalizeEtag(String(c.ETag ?? '')),
    lastModified: String(c.LastModified ?? ''),
  }));
  const truncated = String(r.IsTruncated ?? 'false') === 'true';
  const next = r.NextContinuationToken === undefined ? undefined : String(r.NextContinuationToken);
  if (truncated && !next) throw new Error('ListObjectsV2 answer is truncated but has no continuation token');
  return { objects, nextToken: truncated ? next : undefined };
}

/**
 * Every object under `prefix`, recursively (no delimiter: s3rver drops deep folders with one,
 * and a sync wants every key anyway). 1,000 keys per Class A request.
 */
export async function listAll(http: S3Http, prefix: string, maxKeys = 1000): Promise<RemoteObject[]> {
  const out: RemoteObject[] = [];
  let token: string | undefined;
  do {
    const query: Record<string, string> = { 'list-type': '2', prefix, 'max-keys': String(maxKeys) };
    if (token) query['continuation-token'] = token;
    const page = await http.call('GET', undefined, `list s3://${http.store.bucket}/${prefix}`, { query }, async (res) =>
      parseListPage(await res.body.text()),
    );
    out.push(...page.objects);
    token = page.nextToken;
  } while (token);
  return out;
}
