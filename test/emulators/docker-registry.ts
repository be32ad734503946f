import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './s3-server.js';

export interface LocalRegistry {
  host: string;
  push(repo: string, tag: string, opts?: { cuda?: string; index?: boolean }): Promise<string>;
  stop(): Promise<void>;
}

/** The Debian package `docker-registry` (distribution 2.8) on 127.0.0.1, optionally behind htpasswd. */
export async function startRegistry(auth?: { username: string; password: string }): Promise<LocalRegistry> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marketsim-registry-'));
  const port = await freePort();
  let authCfg = '';
  if (auth) {
    fs.writeFileSync(path.join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', auth.username, auth.password]));
    authCfg = `auth:\n  htpasswd:\n    realm: marketsim-test\n    path: ${path.join(dir, 'htpasswd')}\n`;
  }
  fs.writeFileSync(
    path.join(dir, 'config.yml'),
    `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(dir, 'data')}\nhttp:\n  addr: 127.0.0.1:${port}\n${authCfg}`,
  );
  const child: ChildProcess = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
  const host = `127.0.0.1:${port}`;
  const headers = (extra: Record<string, string> = {}): Record<string, string> =>
    auth ? { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`, ...extra } : extra;
  for (let i = 0; ; i++) {
    try {
      await fetch(`http://${host}/v2/`);
      break;
    } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const blob = async (repo: string, body: Buffer): Promise<{ digest: string; size: number }> => {
    const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
    const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers: headers() });
    const loc = new URL(start.headers.get('location')!, `http://${host}`);
    loc.searchParams.set('digest', digest);
    const put = await fetch(loc, { method: 'PUT', headers: headers({ 'content-type': 'application/octet-stream' }), body });
    if (put.status !== 201) throw new Error(`blob upload answered ${put.status}`);
    return { digest, size: body.length };
  };
  const manifest = async (repo: string, ref: string, type: string, doc: unknown): Promise<string> => {
    const body = Buffer.from(JSON.stringify(doc));
    const res = await fetch(`http://${host}/v2/${repo}/manifests/${ref}`, { method: 'PUT', headers: headers({ 'content-type': type }), body });
    if (res.status !== 201) throw new Error(`manifest put answered ${res.status}: ${await res.text()}`);
    return `sha256:${createHash('sha256').update(body).digest('hex')}`;
  };
  return {
    host,
    push: async (repo, tag, opts = {}) => {
      const env = ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', ...(opts.cuda ? [`CUDA_VERSION=${opts.cuda}`] : [])];
      const config = await blob(repo, Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', config: { Env: env, Cmd: ['python3', '-m', 'marketsimulator.runner'] }, rootfs: { type: 'layers', diff_ids: [] } })));
      const layer = await blob(repo, Buffer.from('not really a tarball, but a blob'));
      const m = {
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
        config: { mediaType: 'application/vnd.docker.container.image.v1+json', ...config },
        layers: [{ mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip', ...layer }],
      };
      const digest = await manifest(repo, opts.index ? 'amd64-only' : tag, m.mediaType, m);
      if (!opts.index) return digest;
      const size = Buffer.byteLength(JSON.stringify(m));
      const list = {
        schemaVersion: 2,
        mediaType: 'application/vnd.docker.distribution.manifest.list.v2+json',
        manifests: [{ mediaType: m.mediaType, digest, size, platform: { architecture: 'amd64', os: 'linux' } }],
      };
      return manifest(repo, tag, list.mediaType, list);
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
