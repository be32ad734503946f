/** An image reference split the way a registry API needs it. */
export interface ImageRef {
  /** Host[:port] of the registry API (docker.io becomes registry-1.docker.io). */
  host: string;
  repository: string;
  /** Tag or sha256 digest. */
  reference: string;
}

/** `ghcr.io/acme/sim:tag`, `acme/sim@sha256:...`, `ubuntu`, `127.0.0.1:5000/sim:1` -> parts. */
export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let host = 'registry-1.docker.io';
  const first = rest.split('/')[0] ?? '';
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    host = first === 'docker.io' ? 'registry-1.docker.io' : first;
    rest = rest.slice(first.length + 1);
  }
  let reference = 'latest';
  const at = rest.indexOf('@');
  if (at !== -1) {
    reference = rest.slice(at + 1);
    rest = rest.slice(0, at);
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon !== -1) {
      reference = rest.slice(colon + 1);
      rest = rest.slice(0, colon);
    }
  }
  if (host === 'registry-1.docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/.test(rest)) throw new Error(`'${image}' is not a valid image reference`);
  return { host, repository: rest, reference };
}

/** CUDA version strings compared numerically: 12.10 > 12.8. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
