import { createHash } from 'node:crypto';
import { encodeRfc3986, SigV4Signer } from '../../src/s3/sigv4.js';
import { NodeSha256 } from '../emulators/node-sha256.js';
import { SignatureV4 } from '@smithy/signature-v4';
import { canonicalRequest, scopeVerdict, verifySignature, type KnownCredential, type WireRequest } from '../emulators/sigv4-verify.js';

// AWS's published SigV4 examples for S3 ("Examples: Signature Calculations in AWS Signature Version 4").
const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const known = (k: string): KnownCredential | undefined => (k === AKID ? { secretAccessKey: SECRET } : undefined);
const T0 = Date.UTC(2013, 4, 24);
const auth = (signed: string, sig: string): string => `AWS4-HMAC-SHA256 Credential=${AKID}/20130524/us-east-1/s3/aws4_request,SignedHeaders=${signed},Signature=${sig}`;

function getExample(over: Partial<WireRequest['headers']> = {}): WireRequest {
  return {
    method: 'GET',
    url: '/test.txt',
    headers: {
      host: 'examplebucket.s3.amazonaws.com',
      range: 'bytes=0-9',
      'x-amz-content-sha256': EMPTY,
      'x-amz-date': '20130524T000000Z',
      authorization: auth('host;range;x-amz-content-sha256;x-amz-date', 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'),
      ...over,
    },
    body: Buffer.alloc(0),
  };
}

test('AWS example: GET Object with a range passes, and its canonical request is the published one', () => {
  expect(verifySignature(getExample(), known, T0)).toMatchObject({ ok: true });
  expect(canonicalRequest(getExample(), ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'], EMPTY)).toBe(
    ['GET', '/test.txt', '', 'host:examplebucket.s3.amazonaws.com', 'range:bytes=0-9', 'x-amz-content-sha256:' + EMPTY, 'x-amz-date:20130524T000000Z', '', 'host;range;x-amz-content-sha256;x-amz-date', EMPTY].join('\n'),
  );
});

test('AWS example: PUT Object with a body and a storage class passes', () => {
  const body = Buffer.from('Welcome to Amazon S3.');
  const req: WireRequest = {
    method: 'PUT',
    url: '/test$file.text',
    headers: {
      host: 'examplebucket.s3.amazonaws.com',
      date: 'Fri, 24 May 2013 00:00:00 GMT',
      'x-amz-date': '20130524T000000Z',
      'x-amz-storage-class': 'REDUCED_REDUNDANCY',
      'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      authorization: auth('date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class', '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd'),
    },
    body,
  };
  expect(verifySignature(req, known, T0)).toMatchObject({ ok: true });
  expect(verifySignature({ ...req, body: Buffer.from('Welcome to Amazon S3!') }, known, T0)).toMatchObject({ ok: false, code: 'XAmzContentSHA256Mismatch' });
});

test('AWS example: GET Bucket (list) with a query passes; query order does not matter, its content does', () => {
  const req: WireRequest = {
    method: 'GET',
    url: '/?max-keys=2&prefix=J',
    headers: {
      host: 'examplebucket.s3.amazonaws.com',
      'x-amz-content-sha256': EMPTY,
      'x-amz-date': '20130524T000000Z',
      authorization: auth('host;x-amz-content-sha256;x-amz-date', '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'),
    },
    body: Buffer.alloc(0),
  };
  expect(verifySignature(req, known, T0)).toMatchObject({ ok: true });
  expect(verifySignature({ ...req, url: '/?prefix=J&max-keys=2' }, known, T0)).toMatchObject({ ok: true });
  expect(verifySignature({ ...req, url: '/?max-keys=3&prefix=J' }, known, T0)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
});

test('what differs from what was signed is refused: a header, the secret, an unsigned x-amz header, Content-MD5', () => {
  expect(verifySignature(getExample({ range: 'bytes=0-10' }), known, T0)).toMatchObject({ ok: false, code: 'SignatureDoesNotMatch' });
  expect(verifySignature(getExample(), (k) => (k === AKID ? { secretAccessKey: 'wrong' } : undefined), T0)).toMatchObject({ code: 'SignatureDoesNotMatch' });
  expect(verifySignature(getExample({ 'x-amz-meta-x': '1' }), known, T0)).toMatchObject({ ok: false, code: 'AccessDenied' });
  expect(verifySignature(getExample(), () => undefined, T0)).toMatchObject({ code: 'InvalidAccessKeyId' });
  expect(verifySignature({ ...getExample({ 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' }) }, known, T0)).toMatchObject({ code: 'BadDigest' });
});

test('temporary credentials: the token must be sent and signed, and not be expired', async () => {
  const token = 'FwoGZXIvYXdzE'.repeat(40);
  const cred: KnownCredential = { secretAccessKey: SECRET, sessionToken: token, expiresAt: Date.now() + 60_000 };
  const signer = new SignatureV4({ service: 's3', region: 'auto', credentials: { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: token }, sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
  const signed = await signer.sign({ method: 'GET', protocol: 'http:', hostname: '127.0.0.1:9', path: '/models/stock/a%20b.csv', query: {}, headers: { host: '127.0.0.1:9', 'x-amz-content-sha256': EMPTY } });
  const req: WireRequest = { method: 'GET', url: '/models/stock/a%20b.csv', headers: lower(signed.headers), body: Buffer.alloc(0) };
  expect(req.headers['x-amz-security-token']).toBe(token);
  expect(verifySignature(req, () => cred)).toMatchObject({ ok: true });
  const { ['x-amz-security-token']: _dropped, ...noToken } = req.headers;
  expect(verifySignature({ ...req, headers: noToken }, () => cred)).toMatchObject({ ok: false, code: 'AccessDenied' });
  // Expired a minute ago: `Date.now() - 1` read after the verifier's own clock could equal it (a flaky test under load).
  expect(verifySignature(req, () => ({ ...cred, expiresAt: Date.now() - 60_000 }))).toMatchObject({ code: 'ExpiredToken' });
  expect(verifySignature(req, () => ({ secretAccessKey: SECRET }))).toMatchObject({ code: 'InvalidToken' });
});

test('scope: bucket, read-only, prefixes (objects and listings)', () => {
  const ro: KnownCredential = { secretAccessKey: 'x', scope: { bucket: 'models', permission: 'object-read-only', prefixes: ['stock/trainingdata/'] } };
  const r = (method: string, url: string): WireRequest => ({ method, url, headers: {}, body: Buffer.alloc(0) });
  expect(scopeVerdict(r('GET', '/models/stock/trainingdata/a.csv'), ro).ok).toBe(true);
  expect(scopeVerdict(r('GET', '/models?list-type=2&prefix=stock%2Ftrainingdata%2F'), ro).ok).toBe(true);
  expect(scopeVerdict(r('GET', '/models?list-type=2&prefix=stock%2F'), ro)).toMatchObject({ ok: false, code: 'AccessDenied' });
  expect(scopeVerdict(r('PUT', '/models/stock/trainingdata/a.csv'), ro)).toMatchObject({ ok: false, code: 'AccessDenied' });
  expect(scopeVerdict(r('GET', '/other/stock/trainingdata/a.csv'), ro).ok).toBe(false);
  expect(scopeVerdict(r('GET', '/models/stock/hyperparams/h.json'), ro).ok).toBe(false);
});

function lower(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}


test('our signer signs exactly as the SDK\'s does (same headers, same signature), with and without a session token', async () => {
  const now = new Date('2026-11-30T10:00:00Z');
  const cases: { method: string; path: string; query: Record<string, string>; headers: Record<string, string> }[] = [
    { method: 'GET', path: '/models/stock/a%20b%2Bc%28d%29.csv', query: {}, headers: { range: 'bytes=0-9', 'if-match': '"abc"', 'x-amz-content-sha256': EMPTY } },
    { method: 'GET', path: '/models', query: { 'list-type': '2', prefix: 'stock/train data/', 'start-after': 'stock/x*y' }, headers: { 'x-amz-content-sha256': EMPTY } },
    { method: 'PUT', path: '/models/stock/logs/run.log', query: {}, headers: { 'content-md5': 'XUFAKrxLKna5cZ2REBfFkg==', 'content-length': '5', 'content-type': 'text/plain; charset=utf-8', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } },
  ];
  for (const token of [undefined, 'FwoGZXIvYXdzEXAMPLETOKEN']) {
    const creds = { accessKeyId: AKID, secretAccessKey: SECRET, ...(token ? { sessionToken: token } : {}) };
    const sdk = new SignatureV4({ service: 's3', region: 'auto', credentials: creds, sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
    const ours = new SigV4Signer(creds, 'auto');
    for (const c of cases) {
      const a = await sdk.sign({ ...c, protocol: 'https:', hostname: 'acct.r2.cloudflarestorage.com', headers: { host: 'acct.r2.cloudflarestorage.com', ...c.headers } }, { signingDate: now });
      const b = ours.sign({ ...c, host: 'acct.r2.cloudflarestorage.com' }, now);
      expect(lower(b)).toEqual(lower(a.headers as Record<string, string>));
      // And the independent verifier accepts it.
      // The query as our client sends it (RFC 3986, %20 for a space).
      const qs = Object.entries(c.query).map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&');
      const url = qs ? `${c.path}?${qs}` : c.path;
      expect(verifySignature({ method: c.method, url, headers: lower(b), body: c.method === 'PUT' ? Buffer.from('hello') : Buffer.alloc(0) }, () => ({ secretAccessKey: SECRET, ...(token ? { sessionToken: token } : {}) }), now.getTime())).toMatchObject({ ok: true });
    }
  }
});
