/**
 * The action's post step (`post-if: always()`): when the main step was stopped before it saved the
 * state file to the Actions cache — GitHub's job time limit, a cancellation — save the state directory as
 * the main step last wrote it (it is rewritten atomically as tags complete), so the next run resumes
 * where this one stopped instead of re-checking everything. Nothing to do when the main step saved
 * it, or ran without the cache. Never fails the job.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as core from '@actions/core';
import { redact } from '../secrets.js';

async function post(): Promise<void> {
  const dir = core.getState('oci_mirror_state_dir');
  const key = core.getState('oci_mirror_state_key');
  if (dir === '' || key === '') return core.info('cache: not used by this step; nothing to save');
  if (core.getState('oci_mirror_state_saved') === 'true')
    return core.info('cache: the state was saved by the step; nothing to do');
  if (!existsSync(join(dir, 'state.json')))
    return core.info('cache: the step wrote no state before it stopped');
  const { actionsCache } = await import('./actions-cache.js');
  // The whole directory, as the step restores and saves it: the state file and the TUF cache.
  await actionsCache.save(dir, key);
  core.info(`cache: saved the state the step wrote before it stopped (${key}); the next run resumes from it`);
}

post().catch((err: unknown) => {
  core.warning(
    `cache: could not save the state: ${redact(err instanceof Error ? err.message : String(err))}`,
  );
});
