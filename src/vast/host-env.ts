import { ENV_ENTRY_MAX } from './jit-env.js';

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
  const blob = Buffer.from(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''), 'utf8').toString('base64');
  const size = ENV_ENTRY_MAX - `${HOST_ENV_PREFIX}00=`.length;
  const out: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < blob.length; i += size, n++) out[`${HOST_ENV_PREFIX}${String(n).padStart(2, '0')}`] = blob.slice(i, i + size);
  out[`${HOST_ENV_PREFIX}COUNT`] = String(n);
  return out;
}

/** The inverse, as the bootstrap does it (tests). */
export function unchunkHostEnv(env: Record<string, string | undefined>): Record<string, string> {
  const count = Number(env[`${HOST_ENV_PREFIX}COUNT`] ?? 0);
  let blob = '';
  for (let n = 0; n < count; n++) blob += env[`${HOST_ENV_PREFIX}${String(n).padStart(2, '0')}`] ?? '';
  const out: Record<string, string> = {};
  for (const line of Buffer.from(blob, 'base64').toString('utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0 && HOST_ENV_NAME.test(line.slice(0, eq))) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}
