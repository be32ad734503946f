import http from 'node:http';
import net from 'node:net';
import { scopeVerdict, verifySignature, type KnownCredential, type Verdict } from './sigv4-verify.js';

export interface ProxiedRequest {
  method: string;
  /** Path without the query string, decoded: /bucket/key. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  /** When the request arrived (Date.now()). */
  at: number;
}

export type Fault =
  /** Answer with this status and an S3-style (or plain) body, without asking the server. */
  | { kind: 'status'; status: number; body?: string }
  /** Forward, then cut the connection after half of the answer body. */
  | { kind: 'reset-mid-body' }
  /** Close the connection without answering. */
  | { kind: 'drop' }
  /** Forward, but flip one byte of the answer body (a silently corrupting middlebox). */
  | { kind: 'corrupt' }
  /** Forward after a pause. */
  | { kind: 'delay'; ms: number };

interface Rule {
  match: (r: ProxiedRequest) => boolean;
  fault: Fault;
  times: number;
}

/** An object that exists only in the proxy: listed and served, never stored in s3rver. */
export interface VirtualObject {
  key: string;
  body: Buffer;
  etag: string;
}

/**
 * A small HTTP proxy in front of s3rver for fault injection: scheduled 5xx/429, connection resets
 * mid-body, drops, corruption, delays; virtual objects (hostile keys s3rver must never store,
 * since it writes outside its folder for `..`); ETag rewriting to imitate R2's multipart ETags.
 */
export class FaultProxy {
  private server?: http.Server;
  private readonly rules: Rule[] = [];
  readonly log: ProxiedRequest[] = [];
  readonly virtual = new Map<string, VirtualObject>();
  /** Rewrites the ETag (and part-1 length for ?partNumber=1) of one key, as R2 answers for multipart objects. */
  readonly etagRewrite = new Map<string, { etag: string; partSize: number }>();
  onRequest?: (r: ProxiedRequest) => void | Promise<void>;
  port = 0;
  /**
   * As strict as R2: when set, every request must be signed (SigV4 over exactly what is sent, checked
   * independently of our signer), carry a matching Content-MD5 and session token where due, and stay
   * inside its credential's scope; otherwise it is answered like R2 (403/400 with an S3 error) and
   * recorded in `rejected`. Accepted requests reach s3rver re-labelled with its own key.
   */
  credentials?: Map<string, KnownCredential>;
  readonly rejected: (Verdict & { method: string; url: string })[] = [];
  upstreamKey = 'S3RVER';

  constructor(private readonly target: string) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  inject(match: (r: ProxiedRequest) => boolean, fault: Fault, times = 1): void {
    this.rules.push({ match, fault, times });
  }

  clearFaults(): void {
    this.rules.length = 0;
  }

  count(pred: (r: ProxiedRequest) => boolean): number {
    return this.log.filter(pred).length;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server!.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private takeFault(r: ProxiedRequest): Fault | undefined {
    const rule = this.rules.find((x) => x.times > 0 && x.match(r));
    if (!rule) return undefined;
    rule.times--;
    return rule.fault;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const r: ProxiedRequest = { method: req.method ?? 'GET', path: decodeURIComponent(url.pathname), query: url.searchParams, headers: req.headers, at: Date.now() };
    this.log.push(r);
    await this.onRequest?.(r);
    const fault = this.takeFault(r);
    if (fault?.kind === 'status') {
      req.resume();
      res.writeHead(fault.status, { 'content-type': fault.body?.startsWith('<') ? 'application/xml' : 'text/plain' });
      res.end(fault.body ?? `<?xml version="1.0"?><Error><Code>InternalError</Code><Message>injected ${fault.status}</Message></Error>`);
      return;
    }
    if (fault?.kind === 'drop') {
      req.resume();
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') await new Promise((s) => setTimeout(s, fault.ms));

    let headers = req.headers;
    let body: Buffer | undefined;
    if (this.credentials) {
      const chunks: Buffer[] = [];
      try {
        for await (const c of req) chunks.push(c as Buffer);
      } catch {
        return; // the client went away mid-request (a killed process)
      }
      body = Buffer.concat(chunks);
      const wire = { method: r.method, url: req.url ?? '/', headers: req.headers, body };
      let verdict = verifySignature(wire, (k) => this.credentials!.get(k));
      if (verdict.ok) verdict = scopeVerdict(wire, this.credentials.get(verdict.accessKeyId!)!);
      if (!verdict.ok) {
        this.rejected.push({ ...verdict, method: r.method, url: req.url ?? '/' });
        res.writeHead(verdict.status, { 'content-type': 'application/xml' });
        res.end(r.method === 'HEAD' ? undefined : `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${verdict.code}</Code><Message>${verdict.message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Message></Error>`);
        return;
      }
      // s3rver knows one key and checks no signature: hand it its own key id, without the token.
      const { 'x-amz-security-token': _token, ...rest } = req.headers;
      headers = { ...rest, authorization: (rest.authorization ?? '').replace(/Credential=[^/]+\//, `Credential=${this.upstreamKey}/`) };
    }

    const virtual = this.virtualFor(r);
    if (virtual) return this.serveVirtual(virtual, req, res);

    const upstream = http.request(
      `${this.target}${req.url}`,
      { method: req.method, headers },
      (up) => void this.relay(r, up, res, fault),
    );
    upstream.on('error', () => res.destroy());
    if (body) upstream.end(body);
    else req.pipe(upstream);
  }

  private virtualFor(r: ProxiedRequest): VirtualObject | undefined {
    for (const v of this.virtual.values()) {
      const slash = r.path.indexOf('/', 1);
      if (slash > 0 && r.path.slice(slash + 1) === v.key && (r.method === 'GET' || r.method === 'HEAD')) return v;
    }
    return undefined;
  }

  private serveVirtual(v: VirtualObject, req: http.IncomingMessage, res: http.ServerResponse): void {
    req.resume();
    res.writeHead(200, { etag: `"${v.etag}"`, 'content-length': v.body.length, 'last-modified': new Date().toUTCString() });
    res.end(req.method === 'HEAD' ? undefined : v.body);
  }

  private async relay(r: ProxiedRequest, up: http.IncomingMessage, res: http.ServerResponse, fault: Fault | undefined): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of up) chunks.push(c as Buffer);
    let body = Buffer.concat(chunks);
    const headers = { ...up.headers };
    const isList = r.method === 'GET' && r.query.get('list-type') === '2';
    if (isList) body = Buffer.from(this.rewriteListing(body.toString(), r.query.get('prefix') ?? ''));
    const key = r.path.slice(r.path.indexOf('/', 1) + 1);
    const rewrite = this.etagRewrite.get(key);
    if (rewrite && !isList && up.statusCode && up.statusCode < 300) {
      headers.etag = `"${rewrite.etag}"`;
      if (r.query.get('partNumber') === '1') headers['content-length'] = String(rewrite.partSize);
    }
    if (fault?.kind === 'corrupt' && body.length > 0) {
      const i = Math.floor(body.length / 2);
      body.writeUInt8(body.readUInt8(i) ^ 0xff, i);
    }
    headers['content-length'] = r.method === 'HEAD' ? headers['content-length'] : String(body.length);
    res.writeHead(up.statusCode ?? 502, headers);
    if (fault?.kind === 'reset-mid-body' && body.length > 1) {
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    }
    res.end(r.method === 'HEAD' ? undefined : body);
  }

  private rewriteListing(xml: string, prefix: string): string {
    let out = xml;
    for (const v of this.virtual.values()) {
      if (!v.key.startsWith(prefix)) continue;
      const esc = v.key.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const entry = `<Contents><Key>${esc}</Key><LastModified>2026-11-29T10:00:00.000Z</LastModified><ETag>&quot;${v.etag}&quot;</ETag><Size>${v.body.length}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
      out = out.replace('</ListBucketResult>', `${entry}</ListBucketResult>`);
    }
    for (const [key, rw] of this.etagRewrite) {
      const esc = key.replace(/&/g, '&amp;');
      out = out.replace(new RegExp(`(<Key>${esc.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</Key>.*?<ETag>)[^<]*(</ETag>)`), `$1&quot;${rw.etag}&quot;$2`);
    }
    return out;
  }
}
