import { InputReader, type Env } from '../../inputs/reader.js';
import type { Runtime } from '../../runtime/ports.js';
import { RegistryClient, type ImageCheck } from '../../registry/client.js';
import { compareVersions } from '../../registry/reference.js';

/**
 * After the push: the image must be pullable with the credentials the rented instance will get,
 * and a CUDA base must be new enough for the GPU (RTX 50-series: 12.8) before anything is rented.
 */
export async function registryCheckStep(rt: Runtime, env: Env): Promise<ImageCheck> {
  const r = new InputReader(env);
  const image = r.required('image', { env: ['MARKETSIM_CHECK_IMAGE'] });
  // The pull credential the instance gets (REGISTRY_PULL_*), never the push one (REGISTRY_USERNAME/PASSWORD).
  const username = r.string('username', { env: ['MARKETSIM_CHECK_USERNAME', 'REGISTRY_PULL_USERNAME'] });
  const password = r.string('password', { env: ['MARKETSIM_CHECK_PASSWORD', 'REGISTRY_PULL_PASSWORD'] });
  if (password) rt.mask(password);
  const minCuda = r.string('min-cuda', { env: ['MARKETSIM_CHECK_MIN_CUDA'], default: '12.8' }) ?? '12.8';
  if (!/^\d+(\.\d+)*$/.test(minCuda)) r.problem('min-cuda', `expected a version such as 12.8, got '${minCuda}'`);
  r.finish();
  const client = RegistryClient.forImage(image, username && password ? { username, password } : undefined);
  const res = await client.check();
  rt.setOutput('pullable', true);
  rt.setOutput('cuda-version', res.cudaVersion ?? '');
  rt.setOutput('digest', res.digest);
  const who = username ? `as ${username}` : 'anonymously';
  if (res.cudaVersion && compareVersions(res.cudaVersion, minCuda) < 0) {
    throw new Error(`${image} is built on CUDA ${res.cudaVersion}; RTX 50-series GPUs need CUDA ${minCuda} or newer. Rebuild on a newer base before renting.`);
  }
  if (!res.cudaVersion) rt.log.warn(`${image} does not say its CUDA version (no CUDA_VERSION in its environment); make sure it is ${minCuda} or newer`);
  rt.log.info(`${image} is pullable ${who}${res.platform ? ` (${res.platform})` : ''}${res.cudaVersion ? `, CUDA ${res.cudaVersion}` : ''}`);
  await rt.writeSummary({
    heading: 'build-push-image',
    lines: [`Pushed \`${image}\`; pullable ${who}.`],
    tables: [{ title: 'Image', header: ['digest', 'platform', 'CUDA'], rows: [[res.digest || '-', res.platform ?? '-', res.cudaVersion ?? 'unknown']] }],
  });
  return res;
}
