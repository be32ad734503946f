import { chunkEnv, joinEnv } from './jit-env.js';

export const HOST_ENV_PREFIX = 'MARKETSIM_ENV_';

/** Only these names may be set on the host through the delivered blob (the bootstrap enforces the same). */
export const HOST_ENV_NAME = /^R2_[A-Z0-9_]+$/;

/**
 * Packs variables for the rented host into numbered env entries (`MARKETSIM_ENV_00`, ...; Vast allows
 * 256 characters per entry) holding base64 of `NAME=value` lines. The bootstrap joins and decodes them,
 * exports the R2_* names into the runner's environment only (the GPU job's actions read them as
 * fallbacks), and unsets the pieces. Values are secrets: the caller masks them, whole and in pieces.
 */
export function chunkHostEnv(vars: Record<string, string>): Record<string, string> {
  for (const [k, v] of Object.entries(vars)) {
    if (!HOST_ENV_NAME.test(k)) throw new Error(`host variable ${k} is not an R2_* name`);
    if (/[\r\n]/.test(v)) throw new Error(`host variable ${k} holds a line break`);
  }
  return chunkEnv(HOST_ENV_PREFIX, Buffer.from(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''), 'utf8').toString('base64'));
}

/** The inverse, as the bootstrap does it (tests). */
export function unchunkHostEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of Buffer.from(joinEnv(HOST_ENV_PREFIX, env), 'base64').toString('utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && HOST_ENV_NAME.test(line.slice(0, eq))) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
