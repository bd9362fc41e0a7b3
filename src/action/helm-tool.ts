/**
 * helm for runners that lack it: a pinned release from get.helm.sh, fetched with
 * `@actions/tool-cache`, its tarball's sha256 checked against a pinned value BEFORE anything is
 * extracted, then kept in the runner's tool cache. Plugged into `resolveHelm()` as its `fallback`,
 * so `HELM_BIN` and a helm on `PATH` still come first.
 *
 * The checksums are the ones helm publishes next to each tarball (`<tarball>.sha256sum`, also
 * listed in the release notes). A version without a known checksum is refused (fail closed).
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';

/** The helm release the action downloads unless told otherwise (`helm-version`). */
export const PINNED_HELM_VERSION = 'v3.19.0';

/** sha256 of `helm-<version>-linux-<arch>.tar.gz`, as published on get.helm.sh. */
export const PINNED_HELM_SHA256: Readonly<Record<string, Readonly<Record<HelmArch, string>>>> = {
  'v3.19.0': {
    amd64: 'a7f81ce08007091b86d8bd696eb4d86b8d0f2e1b9f6c714be62f82f96a594496',
    arm64: '440cf7add0aee27ebc93fada965523c1dc2e0ab340d4348da2215737fc0d76ad',
  },
};

/** Where helm releases are downloaded from. */
export const HELM_DOWNLOAD_BASE = 'https://get.helm.sh';

/**
 * TEST ONLY: replaces `HELM_DOWNLOAD_BASE` so the tests can serve a tarball from a local server.
 * The checksum is verified all the same. Not an input, not documented for users.
 */
export const TEST_BASE_URL_ENV = 'OCI_MIRROR_TEST_HELM_BASE_URL';

export type HelmArch = 'amd64' | 'arm64';

/** helm could not be provided: unsupported platform, unknown checksum, download or checksum failure. */
export class HelmInstallError extends Error {
  override readonly name = 'HelmInstallError';
}

export interface InstallHelmOptions {
  /** Release to fetch (default `PINNED_HELM_VERSION`). */
  version?: string | undefined;
  /** Expected sha256 of the tarball (default: the pinned one for `version`). */
  sha256?: string | undefined;
  /** Default: from `process.platform` / `process.arch`. */
  platform?: NodeJS.Platform;
  arch?: NodeJS.Architecture;
  /** Default `HELM_DOWNLOAD_BASE` (tests: `OCI_MIRROR_TEST_HELM_BASE_URL`). */
  baseUrl?: string;
  log?: (message: string) => void;
}

function helmArch(platform: NodeJS.Platform, arch: NodeJS.Architecture): HelmArch {
  if (platform === 'linux' && arch === 'x64') return 'amd64';
  if (platform === 'linux' && arch === 'arm64') return 'arm64';
  throw new HelmInstallError(
    `helm: no pinned download for ${platform}/${arch} (linux amd64 and arm64 only); install helm on the runner or set HELM_BIN`,
  );
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The path of a helm binary from the tool cache, downloading and verifying the release first when
 * it is not cached yet. Throws `HelmInstallError`; on a checksum mismatch nothing is extracted and
 * the download is deleted.
 */
export async function installHelm(options: InstallHelmOptions = {}): Promise<string> {
  const log = options.log ?? (() => undefined);
  const version = options.version ?? PINNED_HELM_VERSION;
  const arch = helmArch(options.platform ?? process.platform, options.arch ?? process.arch);
  const expected = (options.sha256 ?? PINNED_HELM_SHA256[version]?.[arch])?.toLowerCase();
  if (expected === undefined)
    throw new HelmInstallError(
      `helm: no known sha256 for helm ${version} linux-${arch}; set helm-sha256 to the checksum get.helm.sh publishes for it (refusing to run an unverified download)`,
    );
  const toolVersion = version.replace(/^v/, '');
  const cached = tc.find('helm', toolVersion, arch);
  if (cached !== '' && existsSync(join(cached, 'helm'))) {
    log(`helm: using ${version} from the tool cache (${cached})`);
    return join(cached, 'helm');
  }
  const base = (options.baseUrl ?? HELM_DOWNLOAD_BASE).replace(/\/+$/, '');
  const url = `${base}/helm-${version}-linux-${arch}.tar.gz`;
  log(`helm: not on PATH; downloading ${url}`);
  let tarball: string;
  try {
    tarball = await tc.downloadTool(url);
  } catch (err) {
    throw new HelmInstallError(`helm: could not download ${url}: ${(err as Error).message}`, { cause: err });
  }
  const actual = await sha256Of(tarball);
  if (actual !== expected) {
    await rm(tarball, { force: true });
    throw new HelmInstallError(
      `helm: ${url} has sha256 ${actual}, expected ${expected}; not extracted, not used`,
    );
  }
  let dir: string;
  try {
    dir = await tc.extractTar(tarball);
  } finally {
    await rm(tarball, { force: true });
  }
  const unpacked = join(dir, `linux-${arch}`);
  if (!existsSync(join(unpacked, 'helm')))
    throw new HelmInstallError(`helm: ${url} holds no linux-${arch}/helm`);
  const kept = await tc.cacheDir(unpacked, 'helm', toolVersion, arch);
  await rm(dir, { recursive: true, force: true });
  log(`helm: ${version} verified (sha256 ${expected}) and cached in ${kept}`);
  return join(kept, 'helm');
}
