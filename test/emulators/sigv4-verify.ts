import { createHash, createHmac } from 'node:crypto';

/**
 * An S3 request checker written from AWS's SigV4 specification, independently of the signer the
 * product uses (@smithy/signature-v4): a request passes only if the signature covers exactly what
 * was sent. Checked against AWS's published S3 examples in test/unit/sigv4-verify.test.ts.
 */

export type Permission = 'object-read-only' | 'object-read-write';

/** A credential the test server knows: a long-lived key, or a temporary one with a scope. */
export interface KnownCredential {
  secretAccessKey: string;
  /** Temporary credentials: the token must be sent as X-Amz-Security-Token, and signed. */
  sessionToken?: string;
  /** Epoch ms after which the credential is refused (ExpiredToken). */
  expiresAt?: number;
  scope?: { bucket: string; permission: Permission; prefixes?: string[] };
}

export interface WireRequest {
  method: string;
  /** The request target exactly as sent: path and raw query. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface Verdict {
  ok: boolean;
  status: number;
  code: string;
  message: string;
  accessKeyId?: string;
}

const pass = (accessKeyId: string): Verdict => ({ ok: true, status: 200, code: 'OK', message: '', accessKeyId });
const fail = (status: number, code: string, message: string): Verdict => ({ ok: false, status, code, message });

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** RFC 3986 unreserved characters stay; every other byte is %XX (upper case), as SigV4 requires. */
export function uriEncode(s: string, keepSlash: boolean): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-._~]/.test(c) || (keepSlash && c === '/')) out += c;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function decode(s: string): string {
  return decodeURIComponent(s);
}

function headerValue(h: WireRequest['headers'], name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v.join(',') : v;
}

/** The canonical request as S3 computes it: the path decoded, then encoded once per segment. */
export function canonicalRequest(req: WireRequest, signedHeaders: string[], payloadHash: string): string {
  const q = req.url.indexOf('?');
  const rawPath = q < 0 ? req.url : req.url.slice(0, q);
  const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
  const canonicalUri = uriEncode(decode(rawPath), true);
  const pairs = rawQuery
    ? rawQuery.split('&').map((p) => {
        const eq = p.indexOf('=');
        const k = eq < 0 ? p : p.slice(0, eq);
        const v = eq < 0 ? '' : p.slice(eq + 1);
        return [uriEncode(decode(k), false), uriEncode(decode(v), false)] as const;
      })
    : [];
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  const canonicalQuery = pairs.map(([k, v]) => `${k}=${v}`).join('&');
  const canonicalHeaders = signedHeaders.map((n) => `${n}:${(headerValue(req.headers, n) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  return [req.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
}

export function signature(secret: string, date: string, region: string, service: string, stringToSign: string): string {
  const kDate = hmac(`AWS4${secret}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  const kSigning = hmac(kService, 'aws4_request');
  return createHmac('sha256', kSigning).update(stringToSign).digest('hex');
}

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/** Checks signature, payload hash, Content-MD5, session token, expiry; not the scope (see `scopeVerdict`). */
export function verifySignature(req: WireRequest, known: (accessKeyId: string) => KnownCredential | undefined, now = Date.now()): Verdict {
  const auth = headerValue(req.headers, 'authorization');
  if (!auth) return fail(403, 'AccessDenied', 'anonymous requests are refused');
  const m = AUTH.exec(auth);
  if (!m) return fail(400, 'AuthorizationHeaderMalformed', `cannot parse the Authorization header`);
  const [, akid, date, region, service, signedList, sig] = m as unknown as string[];
  const cred = known(akid!);
  if (!cred) return fail(403, 'InvalidAccessKeyId', `unknown access key id ${akid}`);
  const signed = signedList!.split(';');
  const sortedOk = signed.every((h, i) => i === 0 || signed[i - 1]! < h);
  if (!sortedOk) return fail(403, 'SignatureDoesNotMatch', 'SignedHeaders are not sorted');
  for (const name of Object.keys(req.headers)) {
    if (name.startsWith('x-amz-') && !signed.includes(name)) return fail(403, 'AccessDenied', `header ${name} is sent but not signed`);
  }
  for (const must of ['host', 'x-amz-date', 'x-amz-content-sha256']) if (!signed.includes(must)) return fail(403, 'AccessDenied', `${must} must be signed`);
  const amzDate = headerValue(req.headers, 'x-amz-date') ?? '';
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || amzDate.slice(0, 8) !== date) return fail(403, 'SignatureDoesNotMatch', 'x-amz-date does not match the credential scope date');
  if (service !== 's3') return fail(403, 'SignatureDoesNotMatch', `service ${service} is not s3`);
  const payload = headerValue(req.headers, 'x-amz-content-sha256') ?? '';
  if (payload.startsWith('STREAMING-')) return fail(501, 'NotImplemented', `x-amz-content-sha256 ${payload} (aws-chunked) is not supported`);
  if (payload !== 'UNSIGNED-PAYLOAD' && payload !== sha256(req.body)) return fail(400, 'XAmzContentSHA256Mismatch', 'the body does not match x-amz-content-sha256');
  const md5 = headerValue(req.headers, 'content-md5');
  if (md5 !== undefined && md5 !== createHash('md5').update(req.body).digest('base64')) return fail(400, 'BadDigest', 'the body does not match Content-MD5');
  const token = headerValue(req.headers, 'x-amz-security-token');
  if (cred.sessionToken !== undefined) {
    if (token === undefined) return fail(403, 'AccessDenied', 'temporary credentials need X-Amz-Security-Token');
    if (token !== cred.sessionToken) return fail(400, 'InvalidToken', 'the session token does not belong to this key');
  } else if (token !== undefined) return fail(400, 'InvalidToken', 'a session token sent with a long-lived key');
  if (cred.expiresAt !== undefined && now > cred.expiresAt) return fail(400, 'ExpiredToken', 'the temporary credentials have expired');
  const canonical = canonicalRequest(req, signed, payload);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonical)].join('\n');
  if (signature(cred.secretAccessKey, date!, region!, service!, toSign) !== sig) {
    return fail(403, 'SignatureDoesNotMatch', 'the request signature we calculated does not match the signature you provided');
  }
  return pass(akid!);
}

/** What a scoped (temporary) credential may do: its bucket, read-only or read-write, its prefixes. */
export function scopeVerdict(req: WireRequest, cred: KnownCredential): Verdict {
  if (!cred.scope) return pass('');
  const q = req.url.indexOf('?');
  const path = decode(q < 0 ? req.url : req.url.slice(0, q));
  const query = new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1));
  const slash = path.indexOf('/', 1);
  const bucket = slash < 0 ? path.slice(1) : path.slice(1, slash);
  const key = slash < 0 ? '' : path.slice(slash + 1);
  const deny = (why: string): Verdict => fail(403, 'AccessDenied', `Access Denied (${why})`);
  if (bucket !== cred.scope.bucket) return deny(`this credential is for bucket ${cred.scope.bucket}`);
  const read = req.method === 'GET' || req.method === 'HEAD';
  if (!read && cred.scope.permission === 'object-read-only') return deny('read-only credential');
  const prefixes = cred.scope.prefixes;
  if (prefixes?.length) {
    const target = key || (query.get('prefix') ?? '');
    if (!prefixes.some((p) => target.startsWith(p))) return deny(`'${target}' is outside the credential's prefixes`);
  }
  return pass('');
}
