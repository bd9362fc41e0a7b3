/**
 * Regenerates test/fixtures/cosign/: an offline Sigstore (mock Fulcio CA + CT log + Rekor v1,
 * from @sigstore/mock), its trusted_root.json, and cosign signatures over deterministic test
 * images (test/harness/content.ts `buildImage`, so the tests rebuild the same digests):
 * cosign v3 bundles (DSSE in-toto statements, as referrers) and legacy `sha256-<hex>.sig` layers.
 *
 *   npx tsx scripts/gen-cosign-fixtures.ts
 *
 * Keys are fresh on every run, so every file changes; the tests only need the set to be coherent.
 * Verification uses the signing time, not the wall clock, so the fixtures do not expire.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildImage } from '../test/harness/content.js';
import {
  ec,
  ISSUER,
  mockSigstore,
  pem,
  SUBJECT,
  signBundle,
  signLegacy,
  statement,
} from '../test/sigstore-mock.js';

const OUT = join(import.meta.dirname, '..', 'test', 'fixtures', 'cosign');

/** The images of the fixture set: `buildImage` options the tests rebuild. */
const IMAGES = {
  pass: { seed: 'cosign-pass', index: false },
  tampered: { seed: 'cosign-tampered', index: false },
  foreign: { seed: 'cosign-foreign', index: false },
  notlog: { seed: 'cosign-notlog', index: false },
  unsigned: { seed: 'cosign-unsigned', index: false },
  mixed: { seed: 'cosign-mixed', index: false },
  legacy: { seed: 'cosign-legacy', index: false },
  multiarch: { seed: 'cosign-multiarch', index: true },
  keyed: { seed: 'cosign-keyed', index: false },
  mismatch: { seed: 'cosign-mismatch', index: false },
} as const;

function imageOf(name: keyof typeof IMAGES) {
  const o = IMAGES[name];
  return buildImage(
    o.index
      ? { seed: o.seed }
      : { seed: o.seed, index: false, platforms: [{ os: 'linux', architecture: 'amd64' }] },
  );
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const clock = new Date(Math.ceil(Date.now() / 1000) * 1000 + 5000);
  const good = await mockSigstore(clock);
  const foreign = await mockSigstore(clock);
  const key = ec();
  const otherKey = ec();
  const d = Object.fromEntries(
    Object.keys(IMAGES).map((k) => [k, imageOf(k as keyof typeof IMAGES).top.digest]),
  ) as Record<keyof typeof IMAGES, string>;
  const cases = {
    pass: { bundles: [await signBundle(good, d.pass)] },
    tampered: {
      bundles: [
        await signBundle(good, d.tampered, {
          tamper: (p) => p.replace(d.tampered.slice(7), d.pass.slice(7)),
        }),
      ],
    },
    foreign: { bundles: [await signBundle(foreign, d.foreign)] },
    notlog: { bundles: [await signBundle(good, d.notlog, { tlog: false })] },
    unsigned: { bundles: [] },
    mixed: {
      bundles: [
        '{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","this is":"broken"',
        await signBundle(foreign, d.mixed),
        await signBundle(good, d.mixed),
      ],
    },
    legacy: { bundles: [], legacy: await signLegacy(good, d.legacy, 'registry.example/acme/app') },
    multiarch: { bundles: [await signBundle(good, d.multiarch)] },
    keyed: { bundles: [await signBundle(good, d.keyed, { key })] },
    // A valid signature, but over another image (the pass image): attached here it must not count.
    mismatch: { bundles: [await signBundle(good, d.mismatch, { payload: statement(d.pass) })] },
  };
  const write = (name: string, data: unknown) =>
    writeFileSync(join(OUT, name), typeof data === 'string' ? data : `${JSON.stringify(data, null, 2)}\n`);
  write('trusted_root.json', good.trustedRoot);
  write('cosign.pub', pem(key.publicKey));
  write('other.pub', pem(otherKey.publicKey));
  write('cases.json', {
    generatedAt: clock.toISOString(),
    issuer: ISSUER,
    subject: SUBJECT,
    images: IMAGES,
    digests: d,
    cases,
  });
  console.log(`wrote ${OUT}`);
}

await main();
