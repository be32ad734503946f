import { parseListPage, normalizeEtag } from '../../src/s3/list.js';
import { parseS3ErrorBody, s3ErrorFrom, isRetryableStatus } from '../../src/s3/s3-errors.js';
import { encodeKeyPath, socketHost } from '../../src/s3/s3-http.js';
import { isTransient, TransientError } from '../../src/net/retry.js';

describe('ListObjectsV2 parsing', () => {
  test('keys stay strings, entities are decoded, ETags normalised', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>tok==</NextContinuationToken>
      <Contents><Key>0012</Key><Size>5</Size><ETag>&quot;ABCDEF0123456789ABCDEF0123456789&quot;</ETag><LastModified>2026-11-29T10:00:00.616Z</LastModified></Contents>
      <Contents><Key>a &amp; b &lt;c&gt; &quot;d&quot;.csv</Key><Size>0</Size><ETag>"d41d8cd98f00b204e9800998ecf8427e-2"</ETag><LastModified>x</LastModified></Contents>
    </ListBucketResult>`;
    const page = parseListPage(xml);
    expect(page.nextToken).toBe('tok==');
    expect(page.objects[0]).toEqual({ key: '0012', size: 5, etag: 'abcdef0123456789abcdef0123456789', lastModified: '2026-11-29T10:00:00.616Z' });
    expect(page.objects[1]?.key).toBe('a & b <c> "d".csv');
    expect(page.objects[1]?.etag).toBe('d41d8cd98f00b204e9800998ecf8427e-2');
  });

  test('a single Contents element still makes a list; an empty listing is empty', () => {
    expect(parseListPage('<ListBucketResult><Contents><Key>k</Key><Size>1</Size><ETag>e</ETag></Contents></ListBucketResult>').objects).toHaveLength(1);
    expect(parseListPage('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>').objects).toEqual([]);
  });

  test('a truncated page without a token is an error, not a silent stop', () => {
    expect(() => parseListPage('<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>')).toThrow(/continuation token/);
  });

  test('weak and quoted ETags', () => {
    expect(normalizeEtag('W/"ABC"')).toBe('abc');
  });
});

describe('S3 errors', () => {
  test('code and message come from the XML body; HEAD answers get a code from the status', () => {
    expect(parseS3ErrorBody('<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>')).toEqual({
      code: 'NoSuchBucket',
      message: 'The specified bucket does not exist',
    });
    const e = s3ErrorFrom(403, '', 'head s3://b/k', 'k');
    expect(e.code).toBe('AccessDenied');
    expect(e.message).toMatch(/head s3:\/\/b\/k failed with 403 AccessDenied/);
  });

  test('R2 throttling text bodies and 5xx are retryable, 4xx are not', () => {
    for (const s of [429, 500, 502, 503, 504]) expect(isRetryableStatus(s)).toBe(true);
    for (const s of [400, 403, 404, 412, 501]) expect(isRetryableStatus(s)).toBe(false);
    expect(isTransient(new TransientError('x'))).toBe(true);
    expect(isTransient(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { cause: { code: 'ETIMEDOUT' } }))).toBe(true);
    expect(isTransient(new Error('plain'))).toBe(false);
  });
});

describe('key encoding for SigV4 paths', () => {
  test('each segment is RFC 3986 encoded; slashes stay', () => {
    expect(encodeKeyPath("a b/c+d/e'(f)*!.csv")).toBe('a%20b/c%2Bd/e%27%28f%29%2A%21.csv');
    expect(encodeKeyPath('ünï/€')).toBe('%C3%BCn%C3%AF/%E2%82%AC');
  });
});

describe('XML text decoding', () => {
  test('named and numeric references', async () => {
    const { decodeXmlText } = await import('../../src/s3/list.js');
    expect(decodeXmlText('a&amp;b&#38;c&#x26;d&apos;&quot;&lt;&gt;&unknown;')).toBe('a&b&c&d\'"<>&unknown;');
  });

  test('a key that looks like markup survives', () => {
    const page = parseListPage('<ListBucketResult><Contents><Key>&lt;Contents&gt;x</Key><Size>1</Size><ETag>e</ETag></Contents></ListBucketResult>');
    expect(page.objects.map((o) => o.key)).toEqual(['<Contents>x']);
  });
});

test('the socket host of an endpoint: IPv6 literals lose their brackets, names and IPv4 stay as they are', () => {
  expect(socketHost(new URL('https://[::1]:9000/path'))).toBe('::1');
  expect(socketHost(new URL('http://[2001:db8::5]'))).toBe('2001:db8::5');
  expect(socketHost(new URL('https://acct.r2.cloudflarestorage.com'))).toBe('acct.r2.cloudflarestorage.com');
  expect(socketHost(new URL('http://127.0.0.1:4600'))).toBe('127.0.0.1');
});
