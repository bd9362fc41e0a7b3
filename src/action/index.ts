/**
 * Entry point of the action (`dist/index.js`, both its `main` and its `post` step): says that it
 * started, then loads the rest. The runner shows nothing until the first line, and loading the
 * action's modules takes a while on a cold runner; everything else (main.js and, on demand, the
 * engine, the cache client, helm tooling, octokit) comes in as separate chunks of the bundle.
 *
 * The `post` step (action.yml `post-if: always()`) runs this file again: the main step's first act
 * is to record `oci_mirror_phase=main` in the step state (`GITHUB_STATE`), which the runner hands
 * to the post step as `STATE_oci_mirror_phase`; the post step then only saves the state file to
 * the Actions cache if the main step was stopped before it could (post.ts).
 */
import { appendFileSync } from 'node:fs';
import { VERSION } from '../version.js';

if (process.env.STATE_oci_mirror_phase === 'main') {
  process.stdout.write(`oci-mirror ${VERSION}: post step\n`);
  await import('./post.js');
} else {
  // Before anything else: a post step must never mistake itself for the main step.
  const file = process.env.GITHUB_STATE;
  if (file) {
    const eof = `ghadelimiter_${process.pid}_${Date.now().toString(36)}`;
    appendFileSync(file, `oci_mirror_phase<<${eof}\nmain\n${eof}\n`);
  }
  process.stdout.write(`oci-mirror ${VERSION}: starting\n`);
  await import('./main.js');
}
