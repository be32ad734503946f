import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { KnownCredential } from './sigv4-verify.js';
import { LocalApiServer } from './local-server.js';

export interface MintRequest {
  bucket?: unknown;
  parentAccessKeyId?: unknown;
  permission?: unknown;
  ttlSeconds?: unknown;
  prefixes?: unknown;
  objects?: unknown;
}

const PERMISSIONS = ['object-read-only', 'object-read-write', 'admin-read-only', 'admin-read-write'];

/**
 * Cloudflare's R2 temporary-credentials endpoint (r2-temp-credentials.md) on 127.0.0.1, in the v4
 * envelope: `POST /client/v4/accounts/{account}/r2/temp-access-credentials` with a Bearer API token.
 * Minted credentials are registered in `credentials` (shared with the S3 proxy, which then enforces
 * their bucket, permission, prefixes and expiry). Errors: 403 code 10000 for a bad token, 404 for an
 * unknown account, 400 with the field's name for a bad body or an unknown parent key.
 */
export class CloudflareEmulator extends LocalApiServer {
  readonly minted: (MintRequest & { accessKeyId: string })[] = [];
  private readonly faults: { status: number; times: number }[] = [];

  constructor(
    readonly apiToken: string,
    readonly accountId: string,
    /** Parent access key id -> its secret (the temporary credentials sign like it). */
    readonly parents: Map<string, string>,
    readonly buckets: Set<string>,
    readonly credentials: Map<string, KnownCredential>,
  ) {
    super();
  }

  get apiUrl(): string {
    return `${this.url}/client/v4`;
  }

  inject(status: number, times = 1): void {
    this.faults.push({ status, times });
  }

  private reply(res: http.ServerResponse, status: number, result: unknown, errors: { code: number; message: string }[] = []): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ success: errors.length === 0, errors, messages: [], result }));
  }

  protected handle = (req: http.IncomingMessage, res: http.ServerResponse, body: string): void => {
    const fault = this.faults.find((f) => f.times > 0);
    if (fault) {
      fault.times--;
      return this.reply(res, fault.status, null, [{ code: 10013, message: `injected ${fault.status}` }]);
    }
    const m = /^\/client\/v4\/accounts\/([^/]+)\/r2\/temp-access-credentials$/.exec((req.url ?? '').split('?')[0]!);
    if (!m || req.method !== 'POST') return this.reply(res, 404, null, [{ code: 7003, message: 'Could not route to ' + req.url }]);
    if (req.headers.authorization !== `Bearer ${this.apiToken}`) return this.reply(res, 403, null, [{ code: 10000, message: 'Authentication error' }]);
    if (m[1] !== this.accountId) return this.reply(res, 404, null, [{ code: 10000, message: 'account not found' }]);
    let b: MintRequest;
    try {
      b = JSON.parse(body) as MintRequest;
    } catch {
      return this.reply(res, 400, null, [{ code: 10001, message: 'request body is not JSON' }]);
    }
    const bad = (message: string): void => this.reply(res, 400, null, [{ code: 10001, message }]);
    for (const f of ['bucket', 'parentAccessKeyId', 'permission', 'ttlSeconds'] as const) if (b[f] === undefined) return bad(`${f} is required`);
    if (typeof b.bucket !== 'string' || !this.buckets.has(b.bucket)) return bad(`bucket ${String(b.bucket)} does not exist`);
    if (typeof b.permission !== 'string' || !PERMISSIONS.includes(b.permission)) return bad(`permission must be one of ${PERMISSIONS.join(', ')}`);
    if (typeof b.ttlSeconds !== 'number' || !Number.isInteger(b.ttlSeconds) || b.ttlSeconds < 1 || b.ttlSeconds > 604_800) return bad('ttlSeconds must be 1 to 604800');
    if (b.prefixes !== undefined && (!Array.isArray(b.prefixes) || b.prefixes.some((p) => typeof p !== 'string'))) return bad('prefixes must be a list of strings');
    const parentSecret = typeof b.parentAccessKeyId === 'string' ? this.parents.get(b.parentAccessKeyId) : undefined;
    if (!parentSecret) return bad('parentAccessKeyId is not an R2 token of this account');
    const accessKeyId = randomBytes(16).toString('hex');
    const secretAccessKey = randomBytes(32).toString('hex');
    // Longer than one Vast env entry, as a real JWT-style session token is.
    const sessionToken = `eyJ${randomBytes(300).toString('base64url')}`;
    this.credentials.set(accessKeyId, {
      secretAccessKey,
      sessionToken,
      expiresAt: Date.now() + b.ttlSeconds * 1000,
      scope: { bucket: b.bucket, permission: b.permission as 'object-read-only' | 'object-read-write', prefixes: b.prefixes as string[] | undefined },
    });
    this.minted.push({ ...b, accessKeyId });
    this.reply(res, 200, { accessKeyId, secretAccessKey, sessionToken });
  };
}
