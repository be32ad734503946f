import http from 'node:http';
import type net from 'node:net';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

/** A JSON API emulator's HTTP server on 127.0.0.1: reads each request body whole, then hands it over. */
export abstract class LocalApiServer {
  private server?: http.Server;
  port = 0;

  protected abstract handle: Handler;

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => this.handle(req, res, body));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server!.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
