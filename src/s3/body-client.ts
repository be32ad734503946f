import net from 'node:net';
import type tls from 'node:tls';

/**
 * Where an answer's body goes. `data` gets a view of the socket's read buffer, valid only during
 * the call (the buffer is reused for the next read): hash it or copy it before returning. Return
 * false to stop reading until `resume` (given to `start`) is called.
 */
export interface BodySink {
  start(status: number, headers: Record<string, string>, resume: () => void): void;
  data(chunk: Buffer): boolean;
  /**
   * Memory the next bytes of a length-framed body may be read into, so they need no copy: `data`
   * then gets a view of (the start of) it. Asked after every read while the body lasts; what it
   * returns must stay unused by anything else until the next `data` or the end of the exchange.
   */
  room?(): Uint8Array | undefined;
}

/** The least room worth a read of its own: below it the next read goes to the socket's buffer and is copied. */
const MIN_ROOM = 16 * 1024;

/** An answer whose status the caller did not accept: its body, read whole (error documents are small). */
export class UnacceptedAnswer {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly text: string,
  ) {}
}

/** Socket read size, and so the largest chunk `data` ever receives. */
export const READ_BUFFER = 64 * 1024;
const MAX_HEAD = 64 * 1024;
const MAX_ERROR_BODY = 256 * 1024;

type Framing = { kind: 'length'; left: number } | { kind: 'chunked' } | { kind: 'close' } | { kind: 'none' };

function socketError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** One request on one socket: the response parser (head, then a length-framed, chunked or close-delimited body). */
class Exchange {
  private head: Buffer | undefined;
  private framing: Framing = { kind: 'none' };
  private status = 0;
  private headers: Record<string, string> = {};
  private accepted = false;
  private errorBody: Buffer[] = [];
  private errorBytes = 0;
  private chunkLeft = -1; // chunked: bytes left in the current chunk; -1 = reading a size line
  private line = ''; // chunked: partial size/trailer line
  private trailer = false;
  done = false;
  reusable = true;

  constructor(
    private readonly accept: readonly number[],
    private readonly sink: BodySink,
    private readonly resume: () => void,
    /** Called once: with the error, or with the status of an accepted answer, or with an UnacceptedAnswer. */
    private readonly finish: (err: unknown, answer?: number | UnacceptedAnswer) => void,
  ) {}

  /** Feeds bytes from the socket; returns false to pause the socket. */
  feed(input: Buffer): boolean {
    let buf = input;
    if (!this.accepted && this.framing.kind === 'none' && !this.done) {
      const rest = this.readHead(buf);
      if (rest === undefined) return true;
      buf = rest;
    }
    return this.body(buf);
  }

  /** Where the next read should land: the sink's room while a length-framed body is read, else the socket's buffer. */
  room(): Uint8Array | undefined {
    const f = this.framing;
    if (!this.accepted || this.done || f.kind !== 'length' || f.left === 0 || !this.sink.room) return undefined;
    const r = this.sink.room();
    if (!r || r.length < Math.min(MIN_ROOM, f.left)) return undefined;
    // Never past the body: bytes after it belong to no one.
    return r.length > f.left ? r.subarray(0, f.left) : r;
  }

  /** Ends a close-delimited body when the server closes. True when that completes the answer. */
  closed(): boolean {
    if (this.framing.kind !== 'close' || this.done) return false;
    this.complete();
    return true;
  }

  private readHead(buf: Buffer): Buffer | undefined {
    const all = this.head ? Buffer.concat([this.head, buf]) : buf;
    const end = all.indexOf('\r\n\r\n');
    if (end < 0) {
      if (all.length > MAX_HEAD) throw socketError('response head too large', 'ECONNRESET');
      this.head = Buffer.from(all); // a copy: `buf` is the reused read buffer
      return undefined;
    }
    this.head = undefined;
    const lines = all.toString('latin1', 0, end).split('\r\n');
    const m = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? '');
    if (!m) throw socketError(`malformed status line: ${(lines[0] ?? '').slice(0, 80)}`, 'ECONNRESET');
    const status = Number(m[2]);
    // No prototype: a header named like an Object method must not find one.
    const headers = Object.create(null) as Record<string, string>;
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i] ?? '';
      const c = l.indexOf(':');
      if (c <= 0) continue;
      const name = l.slice(0, c).trim().toLowerCase();
      const value = l.slice(c + 1).trim();
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    const rest = all.subarray(end + 4);
    if (status >= 100 && status < 200) return this.readHead(Buffer.from(rest)); // interim answer: the real one follows
    this.status = status;
    this.headers = headers;
    if (m[1] === '0' || /\bclose\b/i.test(headers.connection ?? '')) this.reusable = false;
    if (status === 204 || status === 304) this.framing = { kind: 'length', left: 0 };
    else if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) this.framing = { kind: 'chunked' };
    else if (headers['content-length'] !== undefined && /^\d+$/.test(headers['content-length'])) this.framing = { kind: 'length', left: Number(headers['content-length']) };
    else {
      this.framing = { kind: 'close' };
      this.reusable = false;
    }
    this.accepted = this.accept.includes(status);
    if (this.accepted) this.sink.start(status, headers, this.resume);
    return rest;
  }

  private body(buf: Buffer): boolean {
    const f = this.framing;
    let more = true;
    if (f.kind === 'length') {
      if (buf.length > f.left) {
        this.reusable = false; // bytes past the body: the connection is out of step
        buf = buf.subarray(0, f.left);
      }
      f.left -= buf.length;
      if (buf.length > 0) more = this.deliver(buf);
      if (f.left === 0) this.complete();
    } else if (f.kind === 'close') {
      if (buf.length > 0) more = this.deliver(buf);
    } else if (f.kind === 'chunked') {
      more = this.chunked(buf);
    }
    // Once the answer is complete the socket keeps reading: a paused idle socket would stall its next request.
    return more || this.done;
  }

  private chunked(buf: Buffer): boolean {
    let more = true;
    let off = 0;
    while (off < buf.length && !this.done) {
      if (this.chunkLeft > 0) {
        const take = Math.min(this.chunkLeft, buf.length - off);
        more = this.deliver(buf.subarray(off, off + take)) && more;
        this.chunkLeft -= take;
        off += take;
        if (this.chunkLeft === 0) this.chunkLeft = -2; // the CRLF after the data
        continue;
      }
      const nl = buf.indexOf(10, off);
      if (nl < 0) {
        this.line += buf.toString('latin1', off);
        if (this.line.length > 4096) throw socketError('malformed chunked body', 'ECONNRESET');
        break;
      }
      const line = (this.line + buf.toString('latin1', off, nl)).replace(/\r$/, '');
      this.line = '';
      off = nl + 1;
      if (this.chunkLeft === -2) {
        this.chunkLeft = -1;
        continue;
      }
      if (this.trailer) {
        if (line === '') this.complete();
        continue;
      }
      const size = parseInt(line, 16);
      if (!Number.isFinite(size) || size < 0) throw socketError('malformed chunked body', 'ECONNRESET');
      if (size === 0) this.trailer = true;
      else this.chunkLeft = size;
    }
    if (off < buf.length && this.done) this.reusable = false;
    return more;
  }

  private deliver(chunk: Buffer): boolean {
    if (this.accepted) return this.sink.data(chunk);
    if (this.errorBytes < MAX_ERROR_BODY) {
      this.errorBody.push(Buffer.from(chunk));
      this.errorBytes += chunk.length;
    }
    return true;
  }

  private complete(): void {
    this.done = true;
    if (this.accepted) this.finish(undefined, this.status);
    else this.finish(undefined, new UnacceptedAnswer(this.status, this.headers, Buffer.concat(this.errorBody).toString('utf8')));
  }
}

/** A keep-alive connection with its own read buffer, reused across requests. */
interface Conn {
  socket: net.Socket;
  /** Requests sent on this socket so far. */
  uses: number;
  /** Whether the current request got any byte back. */
  answered: boolean;
  exchange?: Exchange;
  /** Ends the current request with an error (socket closed, timed out, errored). */
  fail?: (err: Error) => void;
}

export interface BodyClientOptions {
  protocol: 'http:' | 'https:';
  hostname: string;
  port: number;
  maxSockets: number;
  timeoutMs: number;
  /** Extra trusted certificates for https (the system store and NODE_EXTRA_CA_CERTS apply anyway). */
  ca?: string | Buffer;
}

/**
 * A lean HTTP/1.1 client for object bodies, the bulk of every hydrate. Each socket reads into one
 * buffer of its own that is reused (net/tls `onread`), and body bytes go straight to the sink:
 * no Buffer per read, no stream objects, no promise per chunk. Against node:http on s3rver, 1 GiB
 * of ranged GETs hashed: 1.5 s client CPU instead of 2.5 s, and peak RSS 58 MB instead of 90-110 MB
 * (node:http allocates 64 KiB per read, which also drives most of the garbage collection). A sink
 * with `room` has the body read straight into its memory (the file writer's buffer, a small
 * object's whole-body buffer): copying each read from the socket's buffer cost ~0.12 s of this
 * thread per 477 MB (profiled). Listing, HEAD and uploads stay on node:http.
 */
export class BodyClient {
  private readonly idle: Conn[] = [];
  private readonly waiting: ((c: Conn) => void)[] = [];
  private open = 0;
  private closed = false;

  constructor(private readonly opts: BodyClientOptions) {}

  /**
   * Sends `GET path` with `headers` and streams the body of an accepted status to `sink`.
   * Resolves with the status, or with UnacceptedAnswer for any other status.
   */
  async get(path: string, headers: Record<string, string>, accept: readonly number[], sink: BodySink): Promise<number | UnacceptedAnswer> {
    for (;;) {
      const conn = await this.acquire();
      const reused = conn.uses++ > 0;
      try {
        return await this.exchange(conn, path, headers, accept, sink);
      } catch (e) {
        // A kept-alive socket the server closed as we reused it: not one byte of an answer came
        // back, so the request was not served. A GET can go again, on another socket, at once.
        if (reused && !conn.answered) continue;
        throw e;
      }
    }
  }

  private exchange(conn: Conn, path: string, headers: Record<string, string>, accept: readonly number[], sink: BodySink): Promise<number | UnacceptedAnswer> {
    conn.answered = false;
    return new Promise<number | UnacceptedAnswer>((resolve, reject) => {
      const settle = (err: unknown, answer?: number | UnacceptedAnswer): void => {
        const ex = conn.exchange;
        conn.exchange = undefined;
        conn.fail = undefined;
        if (err !== undefined) {
          conn.socket.destroy();
          reject(err);
          return;
        }
        if (ex?.reusable && !conn.socket.destroyed) {
          conn.socket.resume();
          this.release(conn);
        } else conn.socket.destroy();
        resolve(answer!);
      };
      conn.exchange = new Exchange(accept, sink, () => conn.socket.resume(), settle);
      conn.fail = (err) => settle(err);
      let head = `GET ${path} HTTP/1.1\r\n`;
      for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
      conn.socket.write(`${head}\r\n`, 'latin1');
    });
  }

  close(): void {
    this.closed = true;
    for (const c of this.idle.splice(0)) c.socket.destroy();
  }

  private async acquire(): Promise<Conn> {
    for (;;) {
      const c = this.idle.pop();
      if (!c) break;
      if (!c.socket.destroyed && c.socket.readyState === 'open') return c;
    }
    if (this.open < this.opts.maxSockets) return this.connect();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(conn: Conn): void {
    const next = this.waiting.shift();
    if (next) next(conn);
    else if (this.closed) conn.socket.destroy();
    else this.idle.push(conn);
  }

  private connect(): Conn {
    const buffer = Buffer.allocUnsafe(READ_BUFFER);
    const conn: Conn = { socket: undefined as unknown as net.Socket, uses: 0, answered: false };
    const onread = {
      // Asked for before every read: a body's next bytes go straight into its sink's memory when it has room.
      buffer: (): Uint8Array => conn.exchange?.room() ?? buffer,
      callback: (n: number, buf: Uint8Array): boolean => {
        const ex = conn.exchange;
        if (!ex) {
          conn.socket.destroy(); // bytes nobody asked for: the connection is out of step
          return false;
        }
        conn.answered = true;
        try {
          return ex.feed(Buffer.from(buf.buffer, buf.byteOffset, n));
        } catch (e) {
          conn.fail?.(e as Error);
          return false;
        }
      },
    };
    const { hostname, port } = this.opts;
    conn.socket =
      this.opts.protocol === 'https:'
        ? // tls.connect takes onread too (Node 14.19+/15+), though @types/node does not say so.
          process.getBuiltinModule('node:tls').connect({ host: hostname, port, servername: net.isIP(hostname) ? undefined : hostname, ALPNProtocols: ['http/1.1'], ...(this.opts.ca ? { ca: this.opts.ca } : {}), onread } as tls.ConnectionOptions)
        : net.connect({ host: hostname, port, onread });
    this.open++;
    conn.socket.setNoDelay(true);
    conn.socket.setTimeout(this.opts.timeoutMs, () => {
      conn.socket.destroy(socketError(`no data from ${hostname}:${port} for ${this.opts.timeoutMs} ms`, 'ETIMEDOUT'));
    });
    conn.socket.on('error', (e) => conn.fail?.(e));
    conn.socket.on('close', () => {
      this.open--;
      const i = this.idle.indexOf(conn);
      if (i >= 0) this.idle.splice(i, 1);
      if (!conn.exchange?.closed()) conn.fail?.(socketError(`connection to ${hostname}:${port} closed before the answer ended`, 'ECONNRESET'));
      // A waiter may now open a socket of its own.
      const next = this.closed ? undefined : this.waiting.shift();
      if (next) next(this.connect());
    });
    return conn;
  }
}
