/**
 * The action with a flux mirror v1beta2 config that asks for cosign verification: offline through
 * the `trusted-root` input, the job summary and the report show the signer; an unsigned tag fails.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COSIGN_DIR, fixtures, pushSigned } from '../cosign-fixtures.js';
import { startRegistry, stopAll, type TempDir, type TestRegistry, tempDir } from '../harness/index.js';
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
});
