/**
 * The committed cosign fixtures (test/fixtures/cosign, made by scripts/gen-cosign-fixtures.ts) and
 * how to put them into a registry as cosign does: the image, each bundle as an OCI referrer (with
 * the `sha256-<hex>` fallback index a client writes for a registry without the referrers API),
 * and the legacy `sha256-<hex>.sig` tag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type BuiltContent,
  buildArtifact,
  buildImage,
  pushContent,
  type RegistryTarget,
  referrersTag,
  tagManifest,
} from './harness/index.js';

export const COSIGN_DIR = join(import.meta.dirname, 'fixtures', 'cosign');
export const BUNDLE_V03 = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';

export type CaseName =
  | 'pass'
  | 'tampered'
  | 'foreign'
  | 'notlog'
  | 'unsigned'
  | 'mixed'
  | 'legacy'
  | 'multiarch'
  | 'keyed'
  | 'mismatch';

interface Fixtures {
  generatedAt: string;
  issuer: string;
  subject: string;
  images: Record<CaseName, { seed: string; index: boolean }>;
  digests: Record<CaseName, string>;
  cases: Record<
    CaseName,
    { bundles: (string | object)[]; legacy?: { payload: string; annotations: Record<string, string> } }
  >;
}

export const fixtures: Fixtures = JSON.parse(readFileSync(join(COSIGN_DIR, 'cases.json'), 'utf8'));

export function caseImage(name: CaseName): BuiltContent {
  const o = fixtures.images[name];
  return buildImage(
    o.index
      ? { seed: o.seed }
      : { seed: o.seed, index: false, platforms: [{ os: 'linux', architecture: 'amd64' }] },
  );
}

/** Push the image of `name` under `tag` with its signatures; returns the image digest. */
export async function pushSigned(
  reg: RegistryTarget,
  repo: string,
  tag: string,
  name: CaseName,
): Promise<string> {
  const img = caseImage(name);
  const digest = await pushContent(reg, repo, tag, img);
  if (digest !== fixtures.digests[name]) throw new Error(`fixture image ${name} rebuilt as ${digest}`);
  const subject = { mediaType: img.top.mediaType, digest, size: img.top.bytes.length };
  const c = fixtures.cases[name];
  await pushBundleReferrers(reg, repo, subject, c.bundles, fixtures.generatedAt);
  if (c.legacy) {
    const sig = buildArtifact({
      configMediaType: 'application/vnd.oci.image.config.v1+json',
      layers: [
        {
          mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
          data: c.legacy.payload,
          annotations: c.legacy.annotations,
        },
      ],
    });
    await pushContent(reg, repo, `${referrersTag(digest)}.sig`, sig);
  }
  return digest;
}

/**
 * Push cosign v3 bundles as referrers of `subject`, as cosign does against a registry without
 * the referrers API: each bundle in its referrer manifest, then the `sha256-<hex>` fallback index
 * listing them (none written when there are no bundles).
 */
export async function pushBundleReferrers(
  reg: RegistryTarget,
  repo: string,
  subject: { mediaType: string; digest: string; size: number },
  bundles: readonly (string | object)[],
  createdAt: string,
): Promise<void> {
  const listed: object[] = [];
  for (const b of bundles) {
    const annotations = {
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': 'https://sigstore.dev/cosign/sign/v1',
      'org.opencontainers.image.created': createdAt,
    };
    const ref = buildArtifact({
      artifactType: BUNDLE_V03,
      layers: [{ mediaType: BUNDLE_V03, data: typeof b === 'string' ? b : JSON.stringify(b) }],
      subject,
      annotations,
    });
    await pushContent(reg, repo, undefined, ref);
    listed.push({
      mediaType: ref.top.mediaType,
      digest: ref.top.digest,
      size: ref.top.bytes.length,
      artifactType: BUNDLE_V03,
      annotations,
    });
  }
  if (listed.length === 0) return;
  const index = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests: listed }));
  await tagManifest(reg, repo, referrersTag(subject.digest), index, OCI_INDEX);
}
