/**
 * Where trust comes from: a trusted_root.json given by the user (`trustedRoot`, `--trusted-root`,
 * the `trusted-root` input; air-gapped runs, private Sigstore instances), else the Sigstore public
 * good instance's root through TUF, cached on disk so a cron run does not walk TUF every time
 * (the action keeps that cache in the Actions cache with the state file).
 */
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Sigstore, TrustedRoot } from './cosign.js';
import { VerificationFailedError } from './errors.js';

/** Default TUF cache directory: `$XDG_CACHE_HOME/oci-mirror/sigstore-tuf` (or `~/.cache/…`). */
export function defaultTufCachePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'oci-mirror', 'sigstore-tuf');
}

/** Read a trusted root file, or fetch (and cache) the public-good one through TUF. */
export async function loadTrustedRoot(
  sigstore: Sigstore,
  path: string | undefined,
  tufCachePath: string,
): Promise<TrustedRoot> {
  if (path !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, 'utf8'));
    } catch (err) {
      throw new VerificationFailedError(
        'trusted-root',
        `trusted root ${path} cannot be read: ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    try {
      return sigstore.specs.TrustedRoot.fromJSON(json);
    } catch (err) {
      throw new VerificationFailedError(
        'trusted-root',
        `trusted root ${path} is not a Sigstore trusted root`,
        {
          cause: err,
        },
      );
    }
  }
  const { getTrustedRoot } = await import('@sigstore/tuf');
  try {
    // forceCache: metadata cached and not yet expired is used without asking the TUF repository
    // (its expiry still bounds staleness); expired or missing metadata is refreshed as usual.
    return await getTrustedRoot({ cachePath: tufCachePath, retry: 2, timeout: 10_000, forceCache: true });
  } catch (err) {
    throw new VerificationFailedError(
      'trusted-root',
      `the Sigstore public-good trusted root could not be fetched through TUF (cache ${tufCachePath}): ${
        err instanceof Error ? err.message : String(err)
      }; for offline runs give a trusted_root.json with trustedRoot / --trusted-root`,
      { cause: err },
    );
  }
}
