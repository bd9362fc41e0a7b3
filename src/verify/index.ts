/**
 * Verify that an image digest carries a cosign signature that satisfies a policy: find the
 * signatures (cosign v3 bundles among the digest's referrers — API or fallback tag — else the
 * legacy `sha256-<hex>.sig` tag), try each until one passes every check, and say in plain words
 * which check refused otherwise. Results are remembered per run and, through `VerificationCache`,
 * across runs (keyed by digest + policy hash; `minAge` is re-judged against the remembered time).
 */
import type { RegistryClient } from '../oci/client.js';
import { digestHex, matchesDigest } from '../oci/digest.js';
import { NotFoundError } from '../oci/errors.js';
import { type Descriptor, parseManifest } from '../oci/manifest.js';
import type { Repository } from '../oci/reference.js';
import {
  type Checked,
  loadSigstore,
  type TrustContext,
  trustContext,
  type Verification,
  verifyBundle,
  verifyLegacyLayer,
} from './cosign.js';
import { VerificationFailedError } from './errors.js';
import type { VerifyPolicy } from './policy.js';
import { defaultTufCachePath, loadTrustedRoot } from './trust.js';

export type { Verification } from './cosign.js';
export { VerificationFailedError, type VerifyCheck } from './errors.js';
export { policyOf, type VerifyPolicy } from './policy.js';

const BUNDLE_PREFIX = 'application/vnd.dev.sigstore.bundle';
const SIMPLE_SIGNING = 'application/vnd.dev.cosign.simplesigning.v1+json';
/** Signature blobs are small; refuse anything larger than this. */
const MAX_SIGNATURE_BLOB = 4 * 1024 * 1024;

/** Remembered verifications (the state file implements it). */
export interface VerificationCache {
  get(key: string): Verification | undefined;
  set(key: string, verification: Verification): void;
}

/** The result for one digest: verified, or verified but younger than `minAge`. */
export type VerifyOutcome =
  | { status: 'verified'; verification: Verification; cached: boolean }
  | { status: 'too-new'; verification: Verification; ageMs: number; cached: boolean };

export interface ImageVerifierOptions {
  /** Overrides every policy's trusted root (CLI `--trusted-root`, action `trusted-root`). */
  trustedRoot?: string;
  /** TUF cache directory for the public-good root. */
  tufCachePath?: string;
  cache?: VerificationCache;
  now?: () => number;
  log?: (message: string) => void;
}

export class ImageVerifier {
  readonly #client: RegistryClient;
  readonly #options: ImageVerifierOptions;
  readonly #trust = new Map<string, Promise<TrustContext>>();
  readonly #runs = new Map<string, Promise<{ checked: Checked; cached: boolean }>>();

  constructor(client: RegistryClient, options: ImageVerifierOptions = {}) {
    this.#client = client;
    this.#options = options;
  }

  /** Verify `repo@digest` against `policy`. Throws `VerificationFailedError` on refusal. */
  async verify(repo: Repository, digest: string, policy: VerifyPolicy): Promise<VerifyOutcome> {
    const key = `${digest}|${policy.hash}`;
    let run = this.#runs.get(key);
    if (!run) {
      run = this.#run(repo, digest, policy, key);
      this.#runs.set(key, run);
    }
    const { checked, cached } = await run;
    const now = (this.#options.now ?? Date.now)();
    const at = checked.verification.signedAt ? Date.parse(checked.verification.signedAt) : undefined;
    const age = at === undefined ? undefined : now - at;
    if (age !== undefined && age < policy.minAgeMs)
      return { status: 'too-new', verification: checked.verification, ageMs: age, cached };
    return { status: 'verified', verification: checked.verification, cached };
  }

  async #run(
    repo: Repository,
    digest: string,
    policy: VerifyPolicy,
    key: string,
  ): Promise<{ checked: Checked; cached: boolean }> {
    const remembered = this.#options.cache?.get(key);
    if (remembered && remembered.digest === digest)
      return { checked: { verification: remembered }, cached: true };
    const ctx = await this.#context(policy);
    const checked = await this.#discoverAndCheck(ctx, repo, digest);
    this.#options.cache?.set(key, checked.verification);
    return { checked, cached: false };
  }

  #context(policy: VerifyPolicy): Promise<TrustContext> {
    const root = this.#options.trustedRoot ?? policy.trustedRoot;
    const key = `${root ?? ''}|${policy.hash}`;
    let ctx = this.#trust.get(key);
    if (!ctx) {
      ctx = (async () => {
        const sigstore = await loadSigstore();
        const trusted = await loadTrustedRoot(
          sigstore,
          root,
          this.#options.tufCachePath ?? defaultTufCachePath(),
        );
        return trustContext(sigstore, trusted, policy);
      })();
      this.#trust.set(key, ctx);
    }
    return ctx;
  }

  async #discoverAndCheck(ctx: TrustContext, repo: Repository, digest: string): Promise<Checked> {
    const now = (this.#options.now ?? Date.now)();
    const errors: VerificationFailedError[] = [];
    const attempt = (fn: () => Checked): Checked | undefined => {
      try {
        return fn();
      } catch (err) {
        if (!(err instanceof VerificationFailedError)) throw err;
        errors.push(err);
        return undefined;
      }
    };
    const referrers = await this.#client.getReferrers(repo, digest);
    // Only bundles (and referrers that do not say what they are) can be signatures.
    const candidates = referrers.descriptors.filter(
      (d) => d.artifactType === undefined || d.artifactType.startsWith(BUNDLE_PREFIX),
    );
    let bundles = 0;
    for (const desc of candidates) {
      const layer = await this.#bundleLayer(repo, desc);
      if (!layer) continue;
      bundles++;
      const bytes = await this.#blob(repo, layer).catch((err: unknown) => {
        errors.push(new VerificationFailedError('bundle', `bundle ${layer.digest}: ${String(err)}`));
        return undefined;
      });
      if (!bytes) continue;
      const ok = attempt(() => verifyBundle(ctx, bytes, digest, desc.digest, now));
      if (ok) return ok;
    }
    if (bundles === 0) {
      const tag = `sha256-${digestHex(digest)}.sig`;
      let raw: Awaited<ReturnType<RegistryClient['getManifest']>> | undefined;
      try {
        raw = await this.#client.getManifest({ ...repo, tag });
      } catch (err) {
        if (!(err instanceof NotFoundError)) throw err;
      }
      if (raw) {
        const parsed = parseManifest(raw.bytes, raw.mediaType);
        const layers = parsed.kind === 'manifest' ? parsed.manifest.layers : [];
        for (const layer of layers.filter((l) => l.mediaType === SIMPLE_SIGNING)) {
          const payload = await this.#blob(repo, layer);
          const ok = attempt(() =>
            verifyLegacyLayer(ctx, payload, layer.annotations ?? {}, digest, raw.digest, now),
          );
          if (ok) return ok;
        }
      }
    }
    const last = errors.at(-1);
    if (!last) {
      throw new VerificationFailedError(
        'no-signature',
        `no cosign signature: no Sigstore bundle among the referrers of ${digest} and no ${`sha256-${digestHex(digest)}.sig`} tag`,
      );
    }
    if (errors.length === 1) throw last;
    throw new VerificationFailedError(
      last.check,
      `none of ${errors.length} signatures verified; last: ${last.message}`,
      { cause: last },
    );
  }

  /** The bundle layer of a referrer: exactly one layer whose media type is a Sigstore bundle. */
  async #bundleLayer(repo: Repository, desc: Descriptor): Promise<Descriptor | undefined> {
    const raw = await this.#client.getManifest({ ...repo, digest: desc.digest });
    const parsed = parseManifest(raw.bytes, raw.mediaType);
    if (parsed.kind !== 'manifest') return undefined;
    const layers = parsed.manifest.layers.filter((l) => l.mediaType.startsWith(BUNDLE_PREFIX));
    return layers.length === 1 && parsed.manifest.layers.length === 1 ? layers[0] : undefined;
  }

  async #blob(repo: Repository, desc: Descriptor): Promise<Buffer> {
    if (desc.size > MAX_SIGNATURE_BLOB)
      throw new VerificationFailedError(
        'bundle',
        `signature blob ${desc.digest} is too large (${desc.size} bytes)`,
      );
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of await this.#client.getBlob(repo, desc)) {
      size += (c as Buffer).length;
      if (size > MAX_SIGNATURE_BLOB)
        throw new VerificationFailedError('bundle', `signature blob ${desc.digest} is too large`);
      chunks.push(c as Buffer);
    }
    const bytes = Buffer.concat(chunks);
    if (!matchesDigest(bytes, desc.digest))
      throw new VerificationFailedError('bundle', `signature blob ${desc.digest} does not match its digest`);
    return bytes;
  }
}
