import type { CachePort } from './ports.js';

/**
 * @actions/cache behind the CachePort, loaded only when `cache: true` asks for it: it is most of
 * the hydrate bundle (Azure storage client) and would slow every start for a feature that is off by default.
 */
export function actionsCache(): CachePort {
  return {
    restore: async (paths, key) => (await import('@actions/cache')).restoreCache(paths, key),
    save: async (paths, key) => {
      await (await import('@actions/cache')).saveCache(paths, key);
    },
  };
}
