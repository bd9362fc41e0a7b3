/**
 * The action with a flux mirror v1beta2 config that asks for cosign verification: offline through
 * the `trusted-root` input, the job summary and the report show the signer; an unsigned tag fails.
 * The Sigstore TUF metadata cache travels in the Actions cache with the state file.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COSIGN_DIR, fixtures, pushSigned } from '../cosign-fixtures.js';
import { startRegistry, stopAll, type TempDir, type TestRegistry, tempDir } from '../harness/index.js';
import { type FakeCacheService, startFakeCacheService } from './fakes.js';
import { runAction } from './runner.js';

let src: TestRegistry;
let dst: TestRegistry;
let tmp: TempDir;

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  tmp = tempDir('oci-mirror-action-verify-');
  await pushSigned(src, 'acme/app', '1.0.0', 'pass');
  await pushSigned(src, 'acme/unsigned', '1.0.0', 'unsigned');
});
afterAll(async () => {
  await stopAll();
  await tmp?.cleanup();
});

describe('the action with verify:', () => {
  it('verifies offline with the trusted-root input; the summary names the signer', async () => {
    const workspace = join(tmp.path, 'ws');
    const temp = join(tmp.path, 'tmp');
    mkdirSync(join(workspace, '.github'), { recursive: true });
    mkdirSync(temp, { recursive: true });
    copyFileSync(join(COSIGN_DIR, 'trusted_root.json'), join(workspace, '.github', 'trusted_root.json'));
    const verify = `    verify:
      provider: cosign
      matchOIDCIdentity:
        - issuer: ${fixtures.issuer}
          subject: '^https://github\\.com/acme/app/\\.github/workflows/release\\.yml@refs/tags/v.*$'
`;
    writeFileSync(
      join(workspace, '.github', 'oci-mirror.yaml'),
      `apiVersion: mirror.plugin.fluxcd.io/v1beta2
kind: Config
artifacts:
  - source: ${src.host}/acme/app
    destination: ${dst.host}/mirror/app
    selector: { semver: ">=1.0.0" }
${verify}  - source: ${src.host}/acme/unsigned
    destination: ${dst.host}/mirror/unsigned
    selector: { semver: ">=1.0.0" }
${verify}`,
    );
    const r = await runAction(
      { workspace, temp },
      {
        inputs: { 'trusted-root': '.github/trusted_root.json', 'dry-run': 'false' },
        event: { name: 'schedule', payload: {} },
      },
    );
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ copied: '1', failed: '1' });
    expect(r.summary).toContain(`verified ${fixtures.subject}`);
    expect(r.summary).toContain('no cosign signature');
    const report = JSON.parse(readFileSync(r.outputs.report as string, 'utf8')).report;
    expect(report.results[0].tags[0].verification).toMatchObject({
      issuer: fixtures.issuer,
      subject: fixtures.subject,
      digest: fixtures.digests.pass,
    });
  });

  it('keeps the TUF metadata cache in the Actions cache with the state file', async () => {
    const token = 'runtime-token-tuf';
    const cacheSvc: FakeCacheService = await startFakeCacheService({ runtimeToken: token });
    try {
      const workspace = join(tmp.path, 'ws-tuf');
      const temp = join(tmp.path, 'tmp-tuf');
      mkdirSync(join(workspace, '.github'), { recursive: true });
      mkdirSync(temp, { recursive: true });
      copyFileSync(join(COSIGN_DIR, 'trusted_root.json'), join(workspace, '.github', 'trusted_root.json'));
      writeFileSync(
        join(workspace, '.github', 'oci-mirror.yaml'),
        `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/acme/app
    destination: ${dst.host}/tuf/app
    selector: { tags: ["1.0.0"] }
    verify:
      provider: cosign
      matchOIDCIdentity:
        - issuer: ${fixtures.issuer}
          subject: '^https://github\\.com/acme/app/'
`,
      );
      // What @sigstore/tuf leaves in its cache directory (written here: the tests have no network).
      const stateDir = join(temp, 'oci-mirror-state');
      const tufFile = join(stateDir, 'sigstore-tuf', 'tuf-repo-cdn.sigstore.dev', 'timestamp.json');
      mkdirSync(join(tufFile, '..'), { recursive: true });
      writeFileSync(tufFile, '{"signed":{"version":1}}');
      const action = () =>
        runAction(
          { workspace, temp },
          {
            inputs: { 'trusted-root': '.github/trusted_root.json', 'dry-run': 'false', cache: 'true' },
            event: { name: 'schedule', payload: {} },
            env: {
              ACTIONS_RESULTS_URL: `${cacheSvc.url}/`,
              ACTIONS_RUNTIME_TOKEN: token,
              ACTIONS_CACHE_SERVICE_V2: 'true',
            },
          },
        );
      const saved = () => cacheSvc.entries.filter((e) => e.finalized).length;

      const cold = await action();
      expect(cold.code).toBe(0);
      expect(cold.outputs).toMatchObject({ copied: '1' });
      expect(saved()).toBe(1);

      // A fresh runner: nothing on disk; the state and the TUF cache come back together.
      rmSync(stateDir, { recursive: true, force: true });
      const warm = await action();
      expect(warm.code).toBe(0);
      expect(warm.outputs).toMatchObject({ skipped: '1', copied: '0' });
      expect(warm.stdout).toMatch(/cache: restored oci-mirror-state-/);
      expect(readFileSync(tufFile, 'utf8')).toBe('{"signed":{"version":1}}');
      const state = JSON.parse(readFileSync(join(stateDir, 'state.json'), 'utf8'));
      expect(Object.keys(state.verifications ?? {})).toHaveLength(1);
      // Neither the state nor the TUF cache changed: nothing new is saved.
      expect(saved()).toBe(1);

      expect(cacheSvc.unexpected).toEqual([]);
    } finally {
      await cacheSvc.close();
    }
  });
});
