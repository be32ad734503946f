import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for S3 requests, header form. Small on purpose: the SDK's signer pulled
 * ~400 KB of @smithy code into every run, a no-op included (~25 ms of start). Every request the
 * tests send is checked by an independent verifier (test/emulators/sigv4-verify.ts, itself checked
 * against AWS's published examples), and a unit test compares this signer with the SDK's.
 */
export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignInput {
  method: string;
  /** host[:port], as sent in the Host header. */
  host: string;
  /** The path exactly as sent: already URI-encoded per segment (S3 signs it as is). */
  path: string;
  query: Record<string, string>;
  /** Lower-case names; must include x-amz-content-sha256. */
  headers: Record<string, string>;
}

/** RFC 3986 encoding, as SigV4 canonicalises query strings. */
export function encodeRfc3986(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Headers a proxy may change on the way: never signed (the SDK's list). */
const UNSIGNABLE = new Set(['authorization', 'cache-control', 'connection', 'expect', 'from', 'keep-alive', 'max-forwards', 'pragma', 'referer', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'x-amzn-trace-id']);

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export class SigV4Signer {
  private keyDate = '';
  private key: Buffer = Buffer.alloc(0);

  constructor(
    private readonly creds: SigV4Credentials,
    private readonly region: string,
    private readonly service = 's3',
  ) {}

  /** The signing key of one day, derived once per day rather than per request. */
  private signingKey(date: string): Buffer {
    if (date !== this.keyDate) {
      this.key = hmac(hmac(hmac(hmac(`AWS4${this.creds.secretAccessKey}`, date), this.region), this.service), 'aws4_request');
      this.keyDate = date;
    }
    return this.key;
  }

  /** The headers to send: the given ones plus host, x-amz-date, the session token and Authorization. */
  sign(req: SignInput, now = new Date()): Record<string, string> {
    const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, '');
    const date = amzDate.slice(0, 8);
    const headers: Record<string, string> = { ...req.headers, host: req.host, 'x-amz-date': amzDate };
    // A session token is a header like any x-amz-*: added before signing, so it is signed.
    if (this.creds.sessionToken) headers['x-amz-security-token'] = this.creds.sessionToken;
    const names = Object.keys(headers)
      .map((n) => n.toLowerCase())
      .filter((n) => !UNSIGNABLE.has(n))
      .sort();
    const lower: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
    const canonicalHeaders = names.map((n) => `${n}:${String(lower[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
    const canonicalQuery = Object.keys(req.query)
      .sort()
      .map((k) => `${encodeRfc3986(k)}=${encodeRfc3986(req.query[k] ?? '')}`)
      .join('&');
    const signedHeaders = names.join(';');
    const canonical = [req.method, req.path, canonicalQuery, canonicalHeaders, signedHeaders, lower['x-amz-content-sha256'] ?? 'UNSIGNED-PAYLOAD'].join('\n');
    const scope = `${date}/${this.region}/${this.service}/aws4_request`;
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${createHash('sha256').update(canonical).digest('hex')}`;
    const signature = createHmac('sha256', this.signingKey(date)).update(toSign).digest('hex');
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${this.creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    return headers;
  }
}
