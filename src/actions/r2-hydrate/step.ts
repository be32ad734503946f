import path from 'node:path';
import { errorMessage } from '../../errors.js';
import { InputReader, type Env } from '../../inputs/reader.js';
import { readHydrateConfig } from '../../inputs/storage-inputs.js';
import type { Runtime } from '../../runtime/ports.js';
import { hydrate, type HydrateResult } from '../../storage/hydrate.js';
import { statePath } from '../../storage/local-state.js';
import { checkLocalRoot } from '../../storage/local-root.js';
import { hydrateSummary } from '../../storage/report.js';

export const HYDRATE_OUTPUTS = ['files-downloaded', 'files-skipped', 'files-deleted', 'bytes-downloaded', 'manifest-hash', 'cache-hit'] as const;

export function readHydrateInputs(env: Env, mask: (s: string) => void) {
  const r = new InputReader(env);
  const cfg = readHydrateConfig(r, env, mask);
  const cache = r.bool('cache', { default: false });
  return { r, cfg, cache };
}

/** r2-hydrate: inputs → hydrate engine (with the optional Actions cache) → outputs and summary. */
export async function hydrateStep(rt: Runtime, env: Env): Promise<HydrateResult> {
  const { r, cfg, cache } = readHydrateInputs(env, (s) => rt.mask(s));
  r.finish();
  // Before any request: one line naming local-root, never one error per object.
  checkLocalRoot(cfg.localRoot);
  const source = `s3://${cfg.store.bucket}/${cfg.prefix}`;
  rt.log.info(`Hydrating ${cfg.dirs.join(', ')} from ${source} into ${cfg.localRoot}${cfg.dryRun ? ' (dry run)' : ''}`);
  const useCache = cache && !cfg.dryRun;
  if (useCache && !rt.cache) rt.log.warn('cache: the GitHub Actions cache is not available here; hydrating from the bucket only');
  const cachePaths = [...cfg.dirs.map((d) => path.join(cfg.localRoot, d)), statePath(cfg.localRoot)];
  const cacheKey = (hash: string): string => `marketsim-hydrate-${hash}`;
  let cacheHit = false;
  const result = await hydrate(cfg, rt.log, rt.progress('hydrate'), {
    afterListing:
      useCache && rt.cache
        ? async (hash) => {
            try {
              cacheHit = (await rt.cache!.restore(cachePaths, cacheKey(hash))) !== undefined;
              rt.log.info(cacheHit ? `Restored the Actions cache ${cacheKey(hash)}` : `No Actions cache for ${cacheKey(hash)}`);
            } catch (e) {
              rt.log.warn(`cache: restore failed (${errorMessage(e)}); hydrating from the bucket`);
            }
          }
        : undefined,
  });
  rt.setOutput('files-downloaded', result.downloaded);
  rt.setOutput('files-skipped', result.skipped);
  rt.setOutput('files-deleted', result.deleted);
  rt.setOutput('bytes-downloaded', result.bytesDownloaded);
  rt.setOutput('manifest-hash', result.manifestHash);
  rt.setOutput('cache-hit', cacheHit);
  await rt.writeSummary(hydrateSummary(result, source, useCache ? cacheHit : undefined));
  if (result.failures.length) {
    const list = result.failures.slice(0, 10).map((f) => `${f.key}: ${f.message}`).join('; ');
    throw new Error(`${result.failures.length} objects could not be downloaded and verified: ${list}`);
  }
  if (useCache && rt.cache && !cacheHit) {
    try {
      await rt.cache.save(cachePaths, cacheKey(result.manifestHash));
      rt.log.info(`Saved the Actions cache ${cacheKey(result.manifestHash)}`);
    } catch (e) {
      rt.log.warn(`cache: save failed (${errorMessage(e)}); the data is in place regardless`);
    }
  }
  return result;
}
