/**
 * Where the `helm` binary comes from: `HELM_BIN`, else the first `helm` on `PATH`. The action can
 * extend `resolveHelm` with a tool-cache download by passing `fallback` (tried last).
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { HelmNotFoundError } from './errors.js';

export interface ResolveHelmOptions {
  env?: NodeJS.ProcessEnv;
  /** Tried when neither HELM_BIN nor PATH has helm (e.g. a pinned, checksum-verified download). */
  fallback?: () => Promise<string | undefined>;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The path of a runnable helm binary, or `HelmNotFoundError` saying where we looked. */
export async function resolveHelm(options: ResolveHelmOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const explicit = env.HELM_BIN;
  if (explicit !== undefined && explicit !== '') {
    if (!executable(explicit)) throw new HelmNotFoundError(`HELM_BIN=${explicit} is not an executable file`);
    return explicit;
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'helm');
    if (executable(candidate)) return candidate;
  }
  const fetched = await options.fallback?.();
  if (fetched !== undefined) return fetched;
  throw new HelmNotFoundError(
    'helm not found: install helm (https://helm.sh/docs/intro/install/) or set HELM_BIN to its path; it is needed to render charts for image discovery',
  );
}

/** The helm version string (`v4.1.4`), for logs. */
export function helmVersion(bin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, ['version', '--template', '{{.Version}}'], { timeout: 30_000 }, (err, stdout) =>
      err
        ? reject(new HelmNotFoundError(`${bin} version: ${err.message}`, { cause: err }))
        : resolve(stdout.trim()),
    );
  });
}
