/**
 * Writing the tagged manifest, the one write a user sees. A failed write must never leave other
 * bytes under the tag than the source's or what was there before the run: the registry may accept
 * altered bytes (distribution does not validate every field) and answer with their digest, or
 * apply a PUT whose answer is lost. So a PUT answered with another digest is repeated (same
 * bytes), and when the write finally fails the tag is looked at and, if it holds something else,
 * put back to the manifest planning saw there, or the stored manifest is deleted when the tag is new.
 */
import type { RegistryClient } from '../oci/client.js';
import { OciError, StoredDigestMismatchError } from '../oci/errors.js';
import type { RawManifest } from '../oci/manifest.js';
import { formatReference, type Reference } from '../oci/reference.js';
import { onSide, TagWriteError } from './errors.js';

export interface TagWriteOptions {
  /** The digest the tag held when the run planned it (overwrite), undefined for a new tag. */
  previous?: string | undefined;
  /** PUTs of the same bytes when the registry answers with another digest (default 3). */
  attempts?: number;
  /** Client for the repair (not bound to the job's deadline, so a timed-out job still cleans up). */
  repairClient?: RegistryClient;
  log: (message: string) => void;
}

/** PUT `manifest` under `target`'s tag; on failure undo any wrong write (see module doc). */
export async function writeTag(
  client: RegistryClient,
  target: Reference & { tag: string },
  manifest: RawManifest,
  options: TagWriteOptions,
): Promise<{ digest: string; subject?: string }> {
  const attempts = Math.max(1, options.attempts ?? 3);
  let failure: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await onSide('destination', () =>
        client.putManifest(target, manifest.bytes, manifest.mediaType),
      );
    } catch (err) {
      failure = err;
      if (!(err instanceof StoredDigestMismatchError)) break;
      options.log(
        `${formatReference(target)}: the registry stored ${err.stored} instead of ${manifest.digest}; putting the same bytes again (${attempt}/${attempts})`,
      );
    }
  }
  const outcome = await settleTag(options.repairClient ?? client, target, manifest, options);
  if (outcome === 'ours') {
    // The PUT took effect and only its answer was lost: the tag is right.
    options.log(
      `${formatReference(target)}: the failed PUT had taken effect; the tag holds ${manifest.digest}`,
    );
    return { digest: manifest.digest };
  }
  if (outcome === undefined) throw failure;
  throw new TagWriteError(
    formatReference(target),
    failure instanceof Error ? failure : new Error(String(failure)),
    outcome,
  );
}

/**
 * Look at the tag after a failed write: `'ours'` when it holds the intended manifest, undefined
 * when it holds what it held before (nothing to say), else a sentence saying what was done.
 */
async function settleTag(
  client: RegistryClient,
  target: Reference & { tag: string },
  manifest: RawManifest,
  options: TagWriteOptions,
): Promise<'ours' | string | undefined> {
  const tagRef = formatReference(target);
  const repo = { registry: target.registry, repository: target.repository };
  let held: string | undefined;
  try {
    held = (await client.headManifest(target))?.digest;
  } catch (err) {
    return `could not check what ${tagRef} holds now: ${(err as Error).message}`;
  }
  if (held === manifest.digest) return 'ours';
  if (held === options.previous) return undefined;
  if (held === undefined) return undefined;
  try {
    if (options.previous !== undefined) {
      const before = await client.getManifest({ ...repo, digest: options.previous });
      await client.putManifest({ ...repo, tag: target.tag }, before.bytes, before.mediaType);
      const now = (await client.headManifest(target))?.digest;
      if (now !== options.previous) throw new OciError(`the tag holds ${now ?? 'nothing'} after the restore`);
      options.log(`${tagRef}: restored the previous manifest ${options.previous} after a failed write`);
      return `the tag was restored to its previous manifest ${options.previous}`;
    }
    await client.deleteManifest({ ...repo, digest: held });
    const now = (await client.headManifest(target))?.digest;
    if (now !== undefined) throw new OciError(`the tag still holds ${now} after the delete`);
    options.log(`${tagRef}: deleted the wrong manifest ${held} the failed write left under the new tag`);
    return `the manifest the registry stored (${held}) was deleted, so the tag does not exist`;
  } catch (err) {
    return `the tag holds ${held}, which is not the source's manifest, and undoing that failed: ${(err as Error).message}`;
  }
}
