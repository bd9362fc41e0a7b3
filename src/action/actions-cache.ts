/**
 * `CacheBackend` over `@actions/cache` (cache service v2 on github.com: Twirp at
 * `ACTIONS_RESULTS_URL`, archives in signed blob URLs). The library already turns service errors
 * into warnings; anything else it throws is caught by the caller and noted in the log.
 */
import * as cache from '@actions/cache';
import type { CacheBackend } from './state-cache.js';

/** The Actions cache service, as configured by the runner's environment. */
export const actionsCache: CacheBackend = {
  available: () => cache.isFeatureAvailable(),
  restore: (path, key, restoreKeys) => cache.restoreCache([path], key, restoreKeys),
  save: async (path, key) => {
    await cache.saveCache([path], key);
  },
};
