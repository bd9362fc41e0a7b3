/**
 * `verify:` end to end through the CLI against real registries (distribution 2.8, no referrers
 * API: bundles are found through the `sha256-<hex>` fallback tag), with the committed
 * @sigstore/mock fixtures and their trusted root: every case of issue 13's list, dry run and real.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import { type CaseName, COSIGN_DIR, fixtures, pushSigned } from '../cosign-fixtures.js';
import { referrersApiRule } from '../fakes/referrers-api.js';
import {
  type FaultProxy,
  getManifestRaw,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { cli } from './cli-run.js';

let src: TestRegistry;
let dst: TestRegistry;
let dir: TempDir;
const GH = 'https://token.actions.githubusercontent.com';
const ANCHORED = '^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/tags/v.*$';

interface Row {
  tag: string;
  status: string;
  reason?: string;
  error?: { message: string; code?: string; operation?: string };
  verification?: Record<string, unknown>;
}

/** Entries: name → [case, verify block (YAML flow)]. */
const ENTRIES: [string, CaseName, string][] = [
  ['pass', 'pass', `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`],
  [
    'wrong-issuer',
    'pass',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: 'https://accounts.google.com', subject: '${ANCHORED}' }] }`,
  ],
  [
    'wrong-subject',
    'pass',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '^https://github\\.com/evil/' }] }`,
  ],
  ['unanchored', 'pass', `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: 'acme/app' }] }`],
  [
    'go-syntax',
    'pass',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '(?i)\\Ahttps://GITHUB\\.com/[[:alpha:]]+/app/' }] }`,
  ],
  [
    'or-identities',
    'pass',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: 'https://accounts.google.com', subject: '.*' }, { issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  [
    'too-new',
    'pass',
    `{ provider: cosign, minAge: 87600h, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  [
    'old-enough',
    'pass',
    `{ provider: cosign, minAge: 1s, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  [
    'tampered',
    'tampered',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  [
    'foreign',
    'foreign',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  [
    'notlog',
    'notlog',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  [
    'unsigned',
    'unsigned',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  ['mixed', 'mixed', `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`],
  [
    'legacy',
    'legacy',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  [
    'multiarch',
    'multiarch',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  [
    'mismatch',
    'mismatch',
    `{ provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
  ],
  ['keyed', 'keyed', '{ provider: cosign, publicKey: { fromPath: cosign.pub } }'],
  ['keyed-wrong', 'keyed', '{ provider: cosign, publicKey: { fromPath: other.pub } }'],
];

function configText(extra = ''): string {
  const entries = ENTRIES.map(
    ([name, , verify]) => `  - name: ${name}
    source: ${src.host}/v/${name}
    destination: ${dst.host}/v/${name}
    selector: { tags: ['1.0.0'] }
    verify: ${verify}
`,
  ).join('');
  return `apiVersion: oci-mirror/v1
kind: Config
defaults: { trustedRoot: trusted_root.json }
artifacts:
${entries}  - name: order
    source: ${src.host}/v/order
    destination: ${dst.host}/v/order
    selector: { semver: '*', limit: 0 }
    verify: { provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }
${extra}`;
}

function rowsOf(report: { report: { results: { name: string; tags: Row[]; error?: unknown }[] } }) {
  return Object.fromEntries(report.report.results.map((e) => [e.name, e]));
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('verify-test-');
  for (const f of ['trusted_root.json', 'cosign.pub', 'other.pub'])
    copyFileSync(join(COSIGN_DIR, f), join(dir.path, f));
  for (const [name, c] of ENTRIES) await pushSigned(src, `v/${name}`, '1.0.0', c);
  // Selection order 3.0.0, 2.0.0, 1.0.0: the unsigned 2.0.0 stops the entry.
  await pushSigned(src, 'v/order', '3.0.0', 'pass');
  await pushSigned(src, 'v/order', '2.0.0', 'unsigned');
  await pushSigned(src, 'v/order', '1.0.0', 'legacy');
  writeFileSync(join(dir.path, 'mirror.yaml'), configText());
});
afterAll(async () => {
  await stopAll();
  await dir?.cleanup();
});

describe('verify: (cosign) at plan time', () => {
  it('judges every case in a dry run, writes nothing, and the report validates', async () => {
    const run = await cli(['sync', join(dir.path, 'mirror.yaml'), '--dry-run', '-o', 'json']);
    expect(run.stderr).toBe('');
    const doc = JSON.parse(run.stdout);
    expect(validateReport(doc)).toEqual([]);
    const e = rowsOf(doc);
    const row = (n: string) => e[n]?.tags[0] as Row;
    const verified = {
      digest: fixtures.digests.pass,
      issuer: GH,
      subject: fixtures.subject,
      signedAt: fixtures.generatedAt,
      predicateType: 'https://sigstore.dev/cosign/sign/v1',
      via: 'referrer',
    };
    for (const n of ['pass', 'unanchored', 'go-syntax', 'or-identities', 'old-enough']) {
      expect(row(n), n).toMatchObject({ status: 'would-copy', verification: verified });
    }
    expect(row('too-new')).toMatchObject({
      status: 'skipped',
      reason: 'signature-too-new',
      verification: { ...verified, tooNew: { minAge: '87600h' } },
    });
    const refused: [string, string, string][] = [
      ['wrong-issuer', 'identity', `signed by ${GH} ${fixtures.subject}`],
      ['wrong-subject', 'identity', 'wanted'],
      ['tampered', 'untrusted', 'transparency-log entry does not verify'],
      ['foreign', 'untrusted', 'untrusted certificate chain'],
      ['notlog', 'no-timestamp', 'no verified transparency-log timestamp'],
      ['unsigned', 'no-signature', 'no cosign signature'],
      ['mismatch', 'digest-mismatch', `not ${fixtures.digests.mismatch}`],
      ['keyed-wrong', 'untrusted', 'signature does not verify'],
    ];
    for (const [n, code, words] of refused) {
      expect(row(n), n).toMatchObject({ status: 'failed', error: { code, operation: 'verify signature' } });
      expect(row(n).error?.message, n).toContain(words);
    }
    expect(row('mixed')).toMatchObject({
      status: 'would-copy',
      verification: { digest: fixtures.digests.mixed },
    });
    expect(row('legacy')).toMatchObject({
      status: 'would-copy',
      verification: {
        via: 'legacy-sig',
        issuer: GH,
        subject: fixtures.subject,
        digest: fixtures.digests.legacy,
      },
    });
    expect(row('multiarch')).toMatchObject({
      status: 'would-copy',
      verification: { digest: fixtures.digests.multiarch },
    });
    expect(row('keyed')).toMatchObject({
      status: 'would-copy',
      verification: { publicKey: true, signedAt: fixtures.generatedAt, digest: fixtures.digests.keyed },
    });
    // The first refusal stops the entry: 3.0.0 before it still goes, 1.0.0 after it is not planned.
    expect(e.order?.tags.map((t: Row) => [t.tag, t.status])).toEqual([
      ['3.0.0', 'would-copy'],
      ['2.0.0', 'failed'],
    ]);
    expect(e.order?.error).toBeUndefined();
    expect(await getManifestRaw(dst, 'v/pass', '1.0.0')).toBeUndefined();
  });

  it('copies only what verified; text says verified with the subject; a warm run with state downloads no bundle', async () => {
    const proxy: FaultProxy = await startFaultProxy(src.url);
    try {
      writeFileSync(
        join(dir.path, 'proxied.yaml'),
        configText().replaceAll(`${src.host}/`, `${proxy.host}/`),
      );
      const state = join(dir.path, 'state.json');
      const first = await cli(['sync', join(dir.path, 'proxied.yaml'), '--state-file', state]);
      expect(first.code).toBe(1);
      expect(first.stdout).toContain(`(copied) → ${dst.host}/v/pass:1.0.0`);
      expect(first.stdout).toMatch(/v\/pass:1\.0\.0.*verified https:\/\/github\.com\/acme\/app\//);
      expect(first.stdout).toMatch(/v\/keyed:1\.0\.0.*verified with the public key/);
      expect(first.stdout).toMatch(
        /v\/too-new:1\.0\.0 \(skipped: signature-too-new, signed .* ago, minAge 87600h\)/,
      );
      expect(first.stdout).toMatch(/v\/unsigned:1\.0\.0 \(failed\).*no cosign signature/);
      for (const n of ['pass', 'legacy', 'multiarch', 'keyed', 'mixed'])
        expect((await getManifestRaw(dst, `v/${n}`, '1.0.0'))?.digest, n).toBeDefined();
      for (const n of ['unsigned', 'tampered', 'foreign', 'wrong-issuer', 'too-new', 'keyed-wrong'])
        expect(await getManifestRaw(dst, `v/${n}`, '1.0.0'), n).toBeUndefined();
      expect(JSON.parse(readFileSync(state, 'utf8')).verifications).toBeDefined();

      proxy.requests.length = 0;
      const warm = await cli(['sync', join(dir.path, 'proxied.yaml'), '--state-file', state, '-o', 'json']);
      const e = rowsOf(JSON.parse(warm.stdout));
      expect(e.pass?.tags[0]).toMatchObject({
        status: 'skipped',
        verification: { subject: fixtures.subject },
      });
      expect(e['too-new']?.tags[0]).toMatchObject({ status: 'skipped', reason: 'signature-too-new' });
      // Verified digests are remembered: no referrer, fallback-tag or bundle reads for them.
      const passReads = proxy.requests.filter(
        (r) =>
          r.path.startsWith('/v2/v/pass/') &&
          !r.path.endsWith('/manifests/1.0.0') &&
          !r.path.endsWith('/tags/list'),
      );
      expect(passReads).toEqual([]);
    } finally {
      await proxy.stop();
    }
  });

  it('a policy change invalidates remembered verifications', async () => {
    const state = join(dir.path, 'state2.json');
    const path = join(dir.path, 'mirror.yaml');
    await cli(['sync', path, '--state-file', state, '--dry-run', '--only', '^pass$']);
    const before = Object.keys(JSON.parse(readFileSync(state, 'utf8')).verifications ?? {});
    expect(before).toHaveLength(1);
    writeFileSync(join(dir.path, 'changed.yaml'), readFileSync(path, 'utf8'));
    const changed = configText().replace(
      `  - name: pass\n    source: ${src.host}/v/pass\n    destination: ${dst.host}/v/pass\n    selector: { tags: ['1.0.0'] }\n    verify: { provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '${ANCHORED}' }] }`,
      `  - name: pass\n    source: ${src.host}/v/pass\n    destination: ${dst.host}/v/pass\n    selector: { tags: ['1.0.0'] }\n    verify: { provider: cosign, matchOIDCIdentity: [{ issuer: ${GH}, subject: '^https://github\\.com/acme/' }] }`,
    );
    expect(changed).not.toBe(configText());
    writeFileSync(join(dir.path, 'changed.yaml'), changed);
    await cli([
      'sync',
      join(dir.path, 'changed.yaml'),
      '--state-file',
      state,
      '--dry-run',
      '--only',
      '^pass$',
    ]);
    const after = Object.keys(JSON.parse(readFileSync(state, 'utf8')).verifications ?? {});
    expect(after).toHaveLength(2);
    expect(after).toEqual(expect.arrayContaining(before));
  });

  it('validate warns about an unanchored subject and refuses a pattern that cannot compile, at its line', async () => {
    const ok = await cli(['validate', join(dir.path, 'mirror.yaml')]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(
      /warning: .*mirror\.yaml:24:\d+: artifacts\[3\]\.verify\.matchOIDCIdentity\[0\]\.subject: `acme\/app` is not anchored/,
    );
    // Anchored after a Go flag group, or with \A: no warning.
    expect(ok.stderr).not.toContain('artifacts[4]');
    expect(ok.stderr.trim().split('\n')).toHaveLength(2);
    writeFileSync(
      join(dir.path, 'bad.yaml'),
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/v/pass
    destination: ${dst.host}/v/pass
    verify:
      provider: cosign
      matchOIDCIdentity:
        - issuer: ${GH}
          subject: '^https://(unclosed'
`,
    );
    const bad = await cli(['validate', join(dir.path, 'bad.yaml')]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(
      /bad\.yaml:10:\d+: artifacts\[0\]\.verify\.matchOIDCIdentity\[0\]\.subject: invalid regular expression/,
    );
  });

  it('--trusted-root overrides the config (a wrong root refuses everything)', async () => {
    const run = await cli([
      'sync',
      join(dir.path, 'mirror.yaml'),
      '--dry-run',
      '-o',
      'json',
      '--only',
      '^pass$',
      '--trusted-root',
      join(dir.path, 'cosign.pub'),
    ]);
    const row = rowsOf(JSON.parse(run.stdout)).pass?.tags[0] as Row;
    expect(row).toMatchObject({ status: 'failed', error: { code: 'trusted-root' } });
  });

  it('a flux mirror v1beta2 config with verify: loads unchanged and mirrors the signed image', async () => {
    writeFileSync(
      join(dir.path, 'flux.yaml'),
      `apiVersion: mirror.plugin.fluxcd.io/v1beta2
kind: Config
artifacts:
  - source: ${src.host}/v/multiarch
    destination: ${dst.host}/flux/multiarch
    selector:
      semver: ">=1.0.0"
    includeReferrers: true
    verify:
      provider: cosign
      minAge: 1s
      matchOIDCIdentity:
        - issuer: ${GH}
          subject: '${ANCHORED}'
`,
    );
    const run = await cli([
      'sync',
      join(dir.path, 'flux.yaml'),
      '--trusted-root',
      join(dir.path, 'trusted_root.json'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /v\/multiarch:1\.0\.0 \(copied\).*verified https:\/\/github\.com\/acme\/app\//,
    );
    // The signature travelled with the image: the destination can verify too.
    const fallback = await getManifestRaw(
      dst,
      'flux/multiarch',
      fixtures.digests.multiarch.replace(':', '-'),
    );
    expect(JSON.parse(fallback?.bytes.toString() ?? '{}').manifests).toHaveLength(1);
    // …and verifies there: mirror the mirror (dry run) with the same policy.
    writeFileSync(
      join(dir.path, 'flux-back.yaml'),
      readFileSync(join(dir.path, 'flux.yaml'), 'utf8')
        .replace(`${src.host}/v/multiarch`, `${dst.host}/flux/multiarch`)
        .replace(`${dst.host}/flux/multiarch\n    selector`, `${src.host}/back/multiarch\n    selector`),
    );
    const back = await cli([
      'sync',
      join(dir.path, 'flux-back.yaml'),
      '--trusted-root',
      join(dir.path, 'trusted_root.json'),
      '--dry-run',
      '-o',
      'json',
    ]);
    expect(rowsOf(JSON.parse(back.stdout))[`${dst.host}/flux/multiarch`]?.tags[0]).toMatchObject({
      status: 'would-copy',
      verification: { digest: fixtures.digests.multiarch, subject: fixtures.subject },
    });
  });

  it('finds bundles through the referrers API when the registry has one', async () => {
    const api = await startFaultProxy(src.url, [referrersApiRule(src.url)]);
    try {
      writeFileSync(join(dir.path, 'api.yaml'), configText().replaceAll(`${src.host}/`, `${api.host}/`));
      const run = await cli(['sync', join(dir.path, 'api.yaml'), '--dry-run', '-o', 'json']);
      const e = rowsOf(JSON.parse(run.stdout));
      expect(e.pass?.tags[0]).toMatchObject({ verification: { via: 'referrer' } });
      expect(e.mixed?.tags[0]).toMatchObject({
        verification: { digest: fixtures.digests.mixed },
      });
      expect(e.legacy?.tags[0]).toMatchObject({ verification: { via: 'legacy-sig' } });
      expect(e.foreign?.tags[0]).toMatchObject({ status: 'failed', error: { code: 'untrusted' } });
      expect(e.unsigned?.tags[0]).toMatchObject({ status: 'failed', error: { code: 'no-signature' } });
      const apiCalls = api.requests.filter((r) => r.path.includes('/referrers/'));
      expect(apiCalls.length).toBeGreaterThan(0);
      expect(apiCalls.every((r) => r.status === 200)).toBe(true);
      // The API answered: the fallback tag was never asked for.
      expect(api.requests.filter((r) => /\/manifests\/sha256-[0-9a-f]{64}$/.test(r.path))).toEqual([]);
    } finally {
      await api.stop();
    }
  });
});
