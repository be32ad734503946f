import { parseImageRef, type ImageRef } from './reference.js';

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export class RegistryError extends Error {
  override name = 'RegistryError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Credentials {
  username: string;
  password: string;
}

interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** `Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:x:pull"` -> parts. */
export function parseChallenge(header: string): Challenge {
  const space = header.indexOf(' ');
  const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
  const params: Record<string, string> = {};
  for (const m of header.slice(space + 1).matchAll(/([a-zA-Z_]+)="([^"]*)"/g)) params[m[1]!.toLowerCase()] = m[2]!;
  return { scheme, params };
}

export interface ImageCheck {
  digest: string;
  /** From the image config's environment (CUDA base images set CUDA_VERSION). */
  cudaVersion?: string;
  platform?: string;
}

/**
 * Reads an image through the registry v2 API with the challenge flow GHCR and Docker Hub use:
 * try anonymously; on 401 follow `WWW-Authenticate` (Basic: send credentials; Bearer: get a token
 * from the realm, with Basic credentials when given). Proves the image is pullable with exactly the
 * credentials the instance will get.
 */
export class RegistryClient {
  private auth?: string;
  private readonly base: string;

  constructor(
    readonly ref: ImageRef,
    private readonly creds?: Credentials,
    /** http for a registry on this machine (tests), https everywhere else. */
    scheme = /^(127\.0\.0\.1|localhost)(:|$)/.test(ref.host) ? 'http' : 'https',
  ) {
    this.base = `${scheme}://${ref.host}/v2/${ref.repository}`;
  }

  static forImage(image: string, creds?: Credentials): RegistryClient {
    return new RegistryClient(parseImageRef(image), creds);
  }

  private basic(): string | undefined {
    return this.creds ? `Basic ${Buffer.from(`${this.creds.username}:${this.creds.password}`).toString('base64')}` : undefined;
  }

  private async authenticate(header: string): Promise<void> {
    const c = parseChallenge(header);
    if (c.scheme === 'basic') {
      if (!this.creds) throw new RegistryError(401, `the registry ${this.ref.host} needs credentials (image-username / image-password)`);
      this.auth = this.basic();
      return;
    }
    if (c.scheme !== 'bearer' || !c.params.realm) throw new RegistryError(401, `unsupported registry challenge: ${header}`);
    const url = new URL(c.params.realm);
    if (c.params.service) url.searchParams.set('service', c.params.service);
    url.searchParams.set('scope', c.params.scope ?? `repository:${this.ref.repository}:pull`);
    const basic = this.basic();
    const res = await fetch(url, { headers: basic ? { authorization: basic } : {}, signal: AbortSignal.timeout(30_000) });
    if (!res.ok) throw new RegistryError(res.status, `the token service of ${this.ref.host} refused ${basic ? 'these credentials' : 'anonymous access'} (${res.status})`);
    const body = (await res.json()) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new RegistryError(401, `the token service of ${this.ref.host} answered no token`);
    this.auth = `Bearer ${token}`;
  }

  async get(path: string, accept?: string): Promise<Response> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const headers: Record<string, string> = {};
      if (accept) headers.accept = accept;
      if (this.auth) headers.authorization = this.auth;
      const res = await fetch(`${this.base}${path}`, { headers, redirect: 'follow', signal: AbortSignal.timeout(60_000) });
      if (res.status === 401 && attempt === 0) {
        await this.authenticate(res.headers.get('www-authenticate') ?? '');
        continue;
      }
      if (res.ok) return res;
      const who = this.creds ? `with the given credentials (${this.creds.username})` : 'anonymously';
      if (res.status === 401 || res.status === 403) throw new RegistryError(res.status, `${this.ref.host}/${this.ref.repository} cannot be pulled ${who}: ${res.status}`);
      if (res.status === 404) throw new RegistryError(404, `${this.ref.host}/${this.ref.repository}:${this.ref.reference} was not found (404)`);
      throw new RegistryError(res.status, `${this.ref.host} answered ${res.status} for ${path}`);
    }
    throw new RegistryError(401, `${this.ref.host} kept asking for authentication`);
  }

  /** Manifest (resolving an index to linux/amd64), then the config blob: digest, platform, CUDA version. */
  async check(): Promise<ImageCheck> {
    let res = await this.get(`/manifests/${this.ref.reference}`, MANIFEST_TYPES);
    const digest = res.headers.get('docker-content-digest') ?? '';
    let manifest = (await res.json()) as { manifests?: { digest: string; platform?: { os?: string; architecture?: string } }[]; config?: { digest: string } };
    let platform: string | undefined;
    if (manifest.manifests) {
      const pick = manifest.manifests.find((m) => m.platform?.os === 'linux' && m.platform.architecture === 'amd64');
      if (!pick) throw new RegistryError(404, `${this.ref.repository}:${this.ref.reference} has no linux/amd64 image (Vast hosts are x86-64)`);
      platform = 'linux/amd64';
      res = await this.get(`/manifests/${pick.digest}`, MANIFEST_TYPES);
      manifest = (await res.json()) as typeof manifest;
    }
    if (!manifest.config?.digest) throw new RegistryError(500, `${this.ref.repository}:${this.ref.reference}: the manifest names no config`);
    const config = (await (await this.get(`/blobs/${manifest.config.digest}`)).json()) as { os?: string; architecture?: string; config?: { Env?: string[] } };
    const cuda = (config.config?.Env ?? []).find((e) => e.startsWith('CUDA_VERSION='))?.slice('CUDA_VERSION='.length);
    return { digest, cudaVersion: cuda, platform: platform ?? (config.os && config.architecture ? `${config.os}/${config.architecture}` : undefined) };
  }
}
