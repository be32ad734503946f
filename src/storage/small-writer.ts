import type { MessagePort, Worker } from 'node:worker_threads';

/**
 * Writes whole small files on a worker thread: create the temporary file, write, fstat, close,
 * rename, all synchronous there. On the JavaScript thread the same five steps were five thread-pool
 * round trips per file, each a cross-thread wake-up, and four pool threads creating files in one
 * folder spin on its lock in the kernel. Inline code (node builtins only), so every bundle carries
 * it; the hash worker serves the same requests (see WriterHost).
 */
export const WRITE_SMALL = `(fs, { id, tmp, dest, body }) => {
  let fd;
  let created = false;
  try {
    fd = fs.openSync(tmp, 'wx', 0o644);
    created = true;
    for (let off = 0; off < body.length; ) {
      const n = fs.writeSync(fd, body, off, body.length - off, off);
      if (n <= 0) throw new Error('write made no progress');
      off += n;
    }
    const mtimeMs = fs.fstatSync(fd).mtimeMs;
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, dest);
    return { id, mtimeMs };
  } catch (e) {
    if (fd !== undefined) try { fs.closeSync(fd); } catch {}
    if (created) try { fs.unlinkSync(tmp); } catch {}
    return { id, error: String((e && e.message) || e), code: e && e.code };
  }
}`;

const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const writeSmall = ${WRITE_SMALL};
parentPort.on('message', (m) => parentPort.postMessage(writeSmall(fs, m)));
`;

/**
 * A port to a thread already running that serves WRITE_SMALL requests (the hash worker), or
 * undefined: then the writer starts a thread of its own. Each thread costs ~12 MB of RSS and
 * ~40 ms of CPU to start (Node 24, measured).
 */
export type WriterHost = () => MessagePort | undefined;

/** node:worker_threads, loaded when the first thread starts (~1.3 ms of start a no-op run does not pay). */
export const workerThreads = (): typeof import('node:worker_threads') => process.getBuiltinModule('node:worker_threads');

interface Reply {
  id: number;
  mtimeMs?: number;
  error?: string;
  code?: string;
}

export class SmallFileWriter {
  private worker?: Worker | MessagePort;
  private readonly waiting = new Map<number, { resolve: (mtimeMs: number) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(private readonly host?: WriterHost) {}

  /** Writes handed over and not finished yet. */
  get pending(): number {
    return this.waiting.size;
  }

  private start(): Worker | MessagePort {
    const onReply = (m: Reply): void => {
      const p = this.waiting.get(m.id);
      if (!p) return;
      this.waiting.delete(m.id);
      if (m.error === undefined) p.resolve(m.mtimeMs ?? 0);
      else p.reject(Object.assign(new Error(m.error), m.code ? { code: m.code } : {}));
    };
    const port = this.host?.();
    if (port) {
      port.on('message', onReply);
      // The host thread ended (it failed, or its pool was closed).
      port.on('close', () => this.failAll(new Error('file writer thread ended')));
      return port;
    }
    const w = new (workerThreads().Worker)(WORKER_CODE, { eval: true });
    w.on('message', onReply);
    w.on('error', (e) => this.failAll(e));
    w.on('exit', (code) => this.failAll(new Error(`file writer exited with code ${code}`)));
    return w;
  }

  private failAll(e: Error): void {
    this.worker = undefined;
    for (const p of this.waiting.values()) p.reject(e);
    this.waiting.clear();
  }

  /**
   * `body` into a new file `tmp`, renamed to `dest` once closed. A view of a SharedArrayBuffer (the
   * pooled buffers) reaches the worker without a copy; the caller must not touch it until this
   * settles. Resolves with the file's mtime; on failure nothing it wrote is left at `tmp`.
   */
  write(tmp: string, dest: string, body: Uint8Array): Promise<number> {
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker!.postMessage({ id, tmp, dest, body });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w && 'terminate' in w) await w.terminate();
    else w?.close();
  }
}
