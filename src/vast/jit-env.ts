/** Vast allows 256 characters per environment entry (vast-api.md section 4); a JIT config is ~3.8 KB. */
export const ENV_ENTRY_MAX = 256;
export const JIT_CHUNK_PREFIX = 'MARKETSIM_JIT_';

/**
 * Splits the base64 JIT config into numbered variables (`MARKETSIM_JIT_00`, `_01`, ...) that each fit
 * one Vast env entry; the bootstrap joins them into ACTIONS_RUNNER_INPUT_JITCONFIG and unsets them.
 */
export function chunkJitConfig(config: string): Record<string, string> {
  const keyLen = `${JIT_CHUNK_PREFIX}00=`.length;
  const size = ENV_ENTRY_MAX - keyLen;
  const out: Record<string, string> = {};
  for (let i = 0, n = 0; i < config.length; i += size, n++) out[`${JIT_CHUNK_PREFIX}${String(n).padStart(2, '0')}`] = config.slice(i, i + size);
  out[`${JIT_CHUNK_PREFIX}COUNT`] = String(Object.keys(out).length);
  return out;
}

export function joinJitConfig(env: Record<string, string | undefined>): string {
  const count = Number(env[`${JIT_CHUNK_PREFIX}COUNT`] ?? 0);
  let s = '';
  for (let n = 0; n < count; n++) s += env[`${JIT_CHUNK_PREFIX}${String(n).padStart(2, '0')}`] ?? '';
  return s;
}
