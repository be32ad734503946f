/** Vast allows 256 characters per environment entry (vast-api.md section 4); a JIT config is ~3.8 KB. */
export const ENV_ENTRY_MAX = 256;
export const JIT_CHUNK_PREFIX = 'MARKETSIM_JIT_';

/**
 * Splits a long value into numbered variables (`<prefix>00`, `<prefix>01`, ... and `<prefix>COUNT`)
 * that each fit one Vast env entry; the bootstrap joins them and unsets them.
 */
export function chunkEnv(prefix: string, value: string): Record<string, string> {
  const size = ENV_ENTRY_MAX - `${prefix}00=`.length;
  const out: Record<string, string> = {};
  let n = 0;
  for (let i = 0; i < value.length; i += size, n++) out[`${prefix}${String(n).padStart(2, '0')}`] = value.slice(i, i + size);
  out[`${prefix}COUNT`] = String(n);
  return out;
}

/** The inverse of chunkEnv, as the bootstrap does it. */
export function joinEnv(prefix: string, env: Record<string, string | undefined>): string {
  const count = Number(env[`${prefix}COUNT`] ?? 0);
  let s = '';
  for (let n = 0; n < count; n++) s += env[`${prefix}${String(n).padStart(2, '0')}`] ?? '';
  return s;
}

/** The base64 JIT config as `MARKETSIM_JIT_NN`; the bootstrap joins it into ACTIONS_RUNNER_INPUT_JITCONFIG. */
export function chunkJitConfig(config: string): Record<string, string> {
  return chunkEnv(JIT_CHUNK_PREFIX, config);
}

export function joinJitConfig(env: Record<string, string | undefined>): string {
  return joinEnv(JIT_CHUNK_PREFIX, env);
}
