import { testWith } from '../support-tools.js';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, expect, test } from '@jest/globals';
import { BodyClient, UnacceptedAnswer, type BodySink } from '../../src/s3/body-client.js';

/** A raw TCP server whose answers are written byte for byte by the test (to split heads, frame bodies oddly, close early). */
type Answer = (sock: net.Socket, request: string, n: number) => void;
const servers: net.Server[] = [];

async function rawServer(answer: Answer, make: (l: (s: net.Socket) => void) => net.Server = (l) => net.createServer(l)): Promise<{ port: number; requests: string[]; connections: () => number }> {
  const requests: string[] = [];
  let connections = 0;
  const server = make((sock) => {
    connections++;
    let buf = '';
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      let end;
      while ((end = buf.indexOf('\r\n\r\n')) >= 0) {
        const req = buf.slice(0, end);
        buf = buf.slice(end + 4);
        requests.push(req);
        answer(sock, req, requests.length);
      }
    });
    sock.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as net.AddressInfo).port, requests, connections: () => connections };
}

afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

/** Collects the body; optionally pauses after every chunk and resumes a tick later (a slow disk). */
function collect(opts: { pause?: boolean } = {}): BodySink & { body: () => Buffer; status: () => number; headers: () => Record<string, string>; chunks: number } {
  const parts: Buffer[] = [];
  let status = 0;
  let headers: Record<string, string> = {};
  let resume = (): void => undefined;
  const sink = {
    chunks: 0,
    start(s: number, h: Record<string, string>, r: () => void) {
      status = s;
      headers = h;
      resume = r;
    },
    data(c: Buffer) {
      parts.push(Buffer.from(c)); // copy: the view is reused
      sink.chunks++;
      if (opts.pause) setTimeout(resume, 1);
      return !opts.pause;
    },
    body: () => Buffer.concat(parts),
    status: () => status,
    headers: () => headers,
  };
  return sink;
}

const client = (port: number, extra: Partial<ConstructorParameters<typeof BodyClient>[0]> = {}): BodyClient =>
  new BodyClient({ protocol: 'http:', hostname: '127.0.0.1', port, maxSockets: 4, timeoutMs: 5000, ...extra });

test('a length-framed body arrives whole, the head may come byte by byte, and the socket is reused', async () => {
  const payload = Buffer.alloc(300_000, 7);
  payload.write('end', payload.length - 3);
  const srv = await rawServer((sock) => {
    const head = `HTTP/1.1 200 OK\r\nContent-Length: ${payload.length}\r\nETag: "abc"\r\nX-Dup: a\r\nX-Dup: b\r\n\r\n`;
    for (const ch of head) sock.write(ch);
    sock.write(payload);
  });
  const c = client(srv.port);
  for (let i = 0; i < 3; i++) {
    const sink = collect();
    expect(await c.get('/b/k', { host: 'x', range: 'bytes=0-1' }, [200], sink)).toBe(200);
    expect(sink.body().equals(payload)).toBe(true);
    expect(sink.headers().etag).toBe('"abc"');
    expect(sink.headers()['x-dup']).toBe('a, b');
  }
  expect(srv.requests[0]).toContain('GET /b/k HTTP/1.1\r\nhost: x\r\nrange: bytes=0-1');
  expect(srv.connections()).toBe(1);
  c.close();
});

test('a sink that pauses gets every byte, in order, and the next request on the socket still runs', async () => {
  const payload = createHash('sha256').update('x').digest();
  const big = Buffer.concat(Array.from({ length: 40_000 }, () => payload)); // 1.28 MB
  const srv = await rawServer((sock) => sock.write(Buffer.concat([Buffer.from(`HTTP/1.1 206 Partial Content\r\nContent-Length: ${big.length}\r\n\r\n`), big])));
  const c = client(srv.port);
  const slow = collect({ pause: true });
  await c.get('/b/k', { host: 'x' }, [206], slow);
  expect(slow.body().equals(big)).toBe(true);
  expect(slow.chunks).toBeGreaterThan(5);
  const next = collect();
  await c.get('/b/k', { host: 'x' }, [206], next);
  expect(next.body().equals(big)).toBe(true);
  expect(srv.connections()).toBe(1);
  c.close();
});

test('error answers come back whole (chunked, or ended by close) as UnacceptedAnswer; 100-continue is skipped', async () => {
  const xml = '<?xml version="1.0"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>';
  const srv = await rawServer((sock, _req, n) => {
    if (n === 1) {
      sock.write('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n');
      sock.write(`${(20).toString(16)}\r\n${xml.slice(0, 20)}\r\n`);
      sock.write(`${(xml.length - 20).toString(16)};ext=1\r\n${xml.slice(20)}\r\n0\r\nX-Trailer: t\r\n\r\n`);
    } else {
      sock.end('HTTP/1.1 429 Too Many Requests\r\nContent-Type: text/plain\r\n\r\nslow down, plain text');
    }
  });
  const c = client(srv.port);
  const a = await c.get('/b/k', { host: 'x' }, [200], collect());
  expect(a).toBeInstanceOf(UnacceptedAnswer);
  expect((a as UnacceptedAnswer).status).toBe(503);
  expect((a as UnacceptedAnswer).text).toBe(xml);
  const b = await c.get('/b/k', { host: 'x' }, [200], collect());
  expect((b as UnacceptedAnswer).status).toBe(429);
  expect((b as UnacceptedAnswer).text).toBe('slow down, plain text');
  c.close();
});

test('a body cut short, a silent server and a refused connection are transient errors; the socket of a Connection: close answer is not reused', async () => {
  const srv = await rawServer((sock, _req, n) => {
    if (n === 1) {
      sock.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly-part');
      setTimeout(() => sock.destroy(), 20);
    } else if (n === 2) return; // never answers
    else if (n === 3) sock.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
    else sock.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  });
  const c = client(srv.port, { timeoutMs: 300 });
  await expect(c.get('/', { host: 'x' }, [200], collect())).rejects.toMatchObject({ code: 'ECONNRESET' });
  await expect(c.get('/', { host: 'x' }, [200], collect())).rejects.toMatchObject({ code: 'ETIMEDOUT' });
  const closing = collect();
  await c.get('/', { host: 'x' }, [200], closing); // Connection: close: not put back
  expect(closing.body().toString()).toBe('ok');
  const after = collect();
  await c.get('/', { host: 'x' }, [200], after);
  expect(after.body().toString()).toBe('ok');
  expect(srv.connections()).toBe(4);
  c.close();
  const refused = client(1, {});
  await expect(refused.get('/', { host: 'x' }, [200], collect())).rejects.toMatchObject({ code: 'ECONNREFUSED' });
});

test('a kept-alive socket the server closed as it was reused is replaced at once; a fresh socket that fails is an error', async () => {
  const srv = await rawServer((sock, _req, n) => {
    if (n === 2) sock.destroy(); // closed as the request arrived: nothing answered
    else sock.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok');
  });
  const c = client(srv.port);
  for (let i = 0; i < 2; i++) {
    const s = collect();
    expect(await c.get('/', { host: 'x' }, [200], s)).toBe(200);
    expect(s.body().toString()).toBe('ok');
  }
  expect(srv.requests.length).toBe(3);
  expect(srv.connections()).toBe(2);
  c.close();

  const never = await rawServer((sock) => sock.destroy());
  const d = client(never.port);
  await expect(d.get('/', { host: 'x' }, [200], collect())).rejects.toMatchObject({ code: 'ECONNRESET' });
  expect(never.requests.length).toBe(1);
  d.close();
});

test('a sink that throws ends the request with its error and drops the socket', async () => {
  const srv = await rawServer((sock) => sock.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello'));
  const c = client(srv.port);
  const boom: BodySink = {
    start: () => undefined,
    data: () => {
      throw new Error('disk full');
    },
  };
  await expect(c.get('/', { host: 'x' }, [200], boom)).rejects.toThrow('disk full');
  const ok = collect();
  await c.get('/', { host: 'x' }, [200], ok);
  expect(ok.body().toString()).toBe('hello');
  expect(srv.connections()).toBe(2);
  c.close();
});

test('waiters beyond maxSockets get a socket as soon as one is free', async () => {
  const srv = await rawServer((sock) => setTimeout(() => sock.write('HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nz'), 10));
  const c = client(srv.port, { maxSockets: 2 });
  const sinks = Array.from({ length: 9 }, () => collect());
  await Promise.all(sinks.map((s) => c.get('/', { host: 'x' }, [200], s)));
  expect(sinks.every((s) => s.body().toString() === 'z')).toBe(true);
  expect(srv.connections()).toBe(2);
  c.close();
});

/** A sink that offers `size` bytes of room for the body (plus 64 bytes marked 0xAB past it), as a whole-read small download does; `inPlace` counts the bytes read straight into it. */
function intoRoom(size: number): BodySink & { body: () => Buffer; inPlace: number; slack: () => Buffer } {
  const mem = Buffer.alloc(size + 64, 0xab);
  let got = 0;
  const sink = {
    inPlace: 0,
    start: () => undefined,
    data(c: Buffer) {
      if (c.buffer === mem.buffer && c.byteOffset === mem.byteOffset + got) sink.inPlace += c.length;
      else c.copy(mem, got);
      got += c.length;
      return true;
    },
    // More room than the body: the client must still never read past the body's end into it.
    room: () => mem.subarray(got),
    body: () => mem.subarray(0, got),
    slack: () => mem.subarray(size),
  };
  return sink;
}

test('a sink with room gets the body read straight into it, never a byte past the body; without room the socket buffer is used', async () => {
  const payload = Buffer.from(Array.from({ length: 900_000 }, (_, i) => (i * 13) % 241));
  // Junk after the body in the same write: a server out of step. It must land in the socket's buffer, not the sink's room.
  const srv = await rawServer((sock, _req, n) => sock.write(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${payload.length}\r\n\r\n`), payload, n === 1 ? Buffer.alloc(50, 0x11) : Buffer.alloc(0)])));
  const c = client(srv.port);
  const sink = intoRoom(payload.length);
  expect(await c.get('/b/k', { host: 'x' }, [200], sink)).toBe(200);
  expect(sink.body().equals(payload)).toBe(true);
  // All but what came with the head (read into the socket's buffer, then copied).
  expect(sink.inPlace).toBeGreaterThan(payload.length / 2);
  expect(sink.slack().equals(Buffer.alloc(64, 0xab))).toBe(true);
  // The junk reached the socket once it was idle: it is dropped, and the next request goes on a new one.
  await new Promise((r) => setTimeout(r, 50));
  const next = collect();
  await c.get('/b/k', { host: 'x' }, [200], next);
  expect(next.body().equals(payload)).toBe(true);
  expect(srv.connections()).toBe(2);
  c.close();
});

testWith('the TLS body-client test', ['openssl'])('https: the body arrives through TLS into the reused read buffer, or into a sink\'s room', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${dir}/k.pem`, '-out', `${dir}/c.pem`, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  const cert = fs.readFileSync(`${dir}/c.pem`);
  const payload = Buffer.alloc(500_000, 3);
  const srv = await rawServer(
    (sock) => sock.write(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${payload.length}\r\n\r\n`), payload])),
    (l) => tls.createServer({ key: fs.readFileSync(`${dir}/k.pem`), cert }, l),
  );
  // Trust the test certificate for this client only.
  const c = new BodyClient({ protocol: 'https:', hostname: '127.0.0.1', port: srv.port, maxSockets: 2, timeoutMs: 5000, ca: cert });
  const sink = collect({ pause: true });
  expect(await c.get('/', { host: 'localhost' }, [200], sink)).toBe(200);
  expect(sink.body().equals(payload)).toBe(true);
  // TLS decrypts straight into a sink's room as well.
  const roomy = intoRoom(payload.length);
  expect(await c.get('/', { host: 'localhost' }, [200], roomy)).toBe(200);
  expect(roomy.body().equals(payload)).toBe(true);
  expect(roomy.inPlace).toBeGreaterThan(payload.length / 2);
  c.close();
  const untrusting = new BodyClient({ protocol: 'https:', hostname: '127.0.0.1', port: srv.port, maxSockets: 2, timeoutMs: 5000 });
  await expect(untrusting.get('/', { host: 'localhost' }, [200], collect())).rejects.toThrow(/self.signed|certificate/i);
  untrusting.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
