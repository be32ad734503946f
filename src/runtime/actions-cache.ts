import * as cache from '@actions/cache';
import type { CachePort } from './ports.js';

/** @actions/cache behind the CachePort: only the hydrate entries bundle it. */
export function actionsCache(): CachePort {
  return {
    restore: async (paths, key) => cache.restoreCache(paths, key),
    save: async (paths, key) => {
      await cache.saveCache(paths, key);
    },
  };
}
