import { describeWith } from '../support-tools.js';
import http from 'node:http';
import type net from 'node:net';
import { registryCheckStep } from '../../src/actions/registry-check/step.js';
import { parseChallenge, RegistryClient } from '../../src/registry/client.js';
import { compareVersions, parseImageRef } from '../../src/registry/reference.js';
import type { Runtime } from '../../src/runtime/ports.js';
import { startRegistry, type LocalRegistry } from '../emulators/docker-registry.js';
import { RecordingLogger } from './helpers.js';

function rt() {
  const outputs: Record<string, string> = {};
  const masked: string[] = [];
  const log = new RecordingLogger();
  const runtime: Runtime = {
    log,
    mask: (s) => void masked.push(s),
    setOutput: (n, v) => void (outputs[n] = String(v)),
    saveState: () => undefined,
    getState: () => '',
    writeSummary: async () => undefined,
    progress: () => ({ update: () => undefined, done: () => undefined }),
  };
  return { runtime, outputs, masked, log };
}

describeWith('registry tests', ['docker-registry'])('an open registry', () => {
  let reg: LocalRegistry;
  beforeAll(async () => {
    reg = await startRegistry();
  });
  afterAll(async () => {
    await reg.stop();
  });

  test('a CUDA 12.8 image: pullable anonymously, CUDA read from the image config, by tag and by digest', async () => {
    const digest = await reg.push('acme/sim', 'sim-1', { cuda: '12.8.1' });
    const { runtime, outputs } = rt();
    await registryCheckStep(runtime, { MARKETSIM_CHECK_IMAGE: `${reg.host}/acme/sim@${digest}` });
    expect(outputs).toEqual({ pullable: 'true', 'cuda-version': '12.8.1', digest });
    const byTag = await RegistryClient.forImage(`${reg.host}/acme/sim:sim-1`).check();
    expect(byTag.platform).toBe('linux/amd64');
  });

  test('a CUDA 12.4 image is refused for RTX 50-series before anything is rented', async () => {
    await reg.push('acme/old', 'v1', { cuda: '12.4.1' });
    await expect(registryCheckStep(rt().runtime, { MARKETSIM_CHECK_IMAGE: `${reg.host}/acme/old:v1` })).rejects.toThrow(/built on CUDA 12\.4\.1; RTX 50-series GPUs need CUDA 12\.8/);
  });

  test('a manifest list resolves to its linux/amd64 image; an image without CUDA_VERSION warns; a missing tag says so', async () => {
    await reg.push('acme/multi', 'latest', { index: true });
    const { runtime, outputs, log } = rt();
    await registryCheckStep(runtime, { MARKETSIM_CHECK_IMAGE: `${reg.host}/acme/multi` });
    expect(outputs['cuda-version']).toBe('');
    expect(log.matching(/warn .* does not say its CUDA version/)).toHaveLength(1);
    await expect(RegistryClient.forImage(`${reg.host}/acme/multi:nope`).check()).rejects.toThrow(/acme\/multi:nope was not found \(404\)/);
  });
});

describeWith('registry auth tests', ['docker-registry', 'htpasswd'])('a registry behind htpasswd (Basic challenge)', () => {
  let reg: LocalRegistry;
  beforeAll(async () => {
    reg = await startRegistry({ username: 'bot', password: 'pull-secret-42' });
  });
  afterAll(async () => {
    await reg.stop();
  });

  test('pullable only with the credentials the instance will get; the password is masked', async () => {
    await reg.push('acme/private', 'v1', { cuda: '12.9.0' });
    const image = `${reg.host}/acme/private:v1`;
    await expect(RegistryClient.forImage(image).check()).rejects.toThrow(/needs credentials \(image-username \/ image-password\)/);
    await expect(RegistryClient.forImage(image, { username: 'bot', password: 'wrong' }).check()).rejects.toThrow(/cannot be pulled with the given credentials \(bot\): 401/);
    const { runtime, outputs, masked } = rt();
    // The push credential is never what the check uses: with only it, the check fails as the instance would.
    await expect(registryCheckStep(rt().runtime, { MARKETSIM_CHECK_IMAGE: image, REGISTRY_USERNAME: 'bot', REGISTRY_PASSWORD: 'pull-secret-42' })).rejects.toThrow(/needs credentials/);
    await registryCheckStep(runtime, { MARKETSIM_CHECK_IMAGE: image, REGISTRY_PULL_USERNAME: 'bot', REGISTRY_PULL_PASSWORD: 'pull-secret-42' });
    expect(outputs['cuda-version']).toBe('12.9.0');
    expect(masked).toContain('pull-secret-42');
  });
});

test('the Bearer token flow (GHCR, Docker Hub): token from the realm with the scope, then the manifest', async () => {
  const seen: string[] = [];
  const config = Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', config: { Env: ['CUDA_VERSION=12.8.0'] } }));
  const srv = http.createServer((req, res): void => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(`${url.pathname} ${req.headers.authorization ?? '-'}`);
    if (url.pathname === '/token') {
      const ok = url.searchParams.get('scope') === 'repository:acme/sim:pull' && url.searchParams.get('service') === 'test-registry';
      res.writeHead(ok ? 200 : 400, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify(ok ? { token: 'tok-123' } : {}));
    }
    if (req.headers.authorization !== 'Bearer tok-123') {
      const port = (srv.address() as net.AddressInfo).port;
      res.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="test-registry",scope="repository:acme/sim:pull"` });
      return void res.end();
    }
    if (url.pathname === '/v2/acme/sim/manifests/v1') {
      res.writeHead(200, { 'content-type': 'application/vnd.docker.distribution.manifest.v2+json', 'docker-content-digest': 'sha256:abc' });
      return void res.end(JSON.stringify({ schemaVersion: 2, config: { digest: 'sha256:cfg' }, layers: [] }));
    }
    if (url.pathname === '/v2/acme/sim/blobs/sha256:cfg') {
      res.writeHead(200);
      return void res.end(config);
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  try {
    const port = (srv.address() as net.AddressInfo).port;
    const r = await RegistryClient.forImage(`127.0.0.1:${port}/acme/sim:v1`).check();
    expect(r).toEqual({ digest: 'sha256:abc', cudaVersion: '12.8.0', platform: 'linux/amd64' });
    expect(seen[0]).toBe('/v2/acme/sim/manifests/v1 -');
    expect(seen[1]).toMatch(/^\/token -/);
  } finally {
    srv.close();
  }
});

test('image references and versions', () => {
  expect(parseImageRef('ghcr.io/acme/sim:sim-20261129-101500')).toEqual({ host: 'ghcr.io', repository: 'acme/sim', reference: 'sim-20261129-101500' });
  expect(parseImageRef('ubuntu')).toEqual({ host: 'registry-1.docker.io', repository: 'library/ubuntu', reference: 'latest' });
  expect(parseImageRef('docker.io/acme/sim@sha256:00ff')).toEqual({ host: 'registry-1.docker.io', repository: 'acme/sim', reference: 'sha256:00ff' });
  expect(parseImageRef('127.0.0.1:5000/sim:1').host).toBe('127.0.0.1:5000');
  expect(() => parseImageRef('Bad Image')).toThrow(/not a valid image reference/);
  expect(compareVersions('12.10', '12.8')).toBeGreaterThan(0);
  expect(compareVersions('12.8.1', '12.8')).toBeGreaterThan(0);
  expect(compareVersions('12.4.1', '12.8')).toBeLessThan(0);
  expect(parseChallenge('Basic realm="x"')).toEqual({ scheme: 'basic', params: { realm: 'x' } });
});
