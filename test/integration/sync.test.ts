import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import {
  buildDockerV2S2Image,
  buildImage,
  type FaultProxy,
  getManifestRaw,
  listTags,
  pushContent,
  skopeoInspectRaw,
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
const images: Record<string, ReturnType<typeof buildImage>> = {};

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('sync-test-');
  // Five versions of a two-platform image sharing a base layer, plus a Docker v2s2 image.
  for (const v of ['1.0.0', '1.1.0', '1.2.0', '2.0.0-rc.1', 'latest']) {
    images[v] = buildImage({ seed: `app-${v}`, sharedLayerSize: 200_000, uniqueLayerSize: 20_000 });
    await pushContent(src, 'team/app', v, images[v] as ReturnType<typeof buildImage>);
  }
  await pushContent(src, 'team/legacy', 'v1', buildDockerV2S2Image({ seed: 'legacy' }));
});
afterAll(async () => {
  dir.cleanup();
  await stopAll();
});

function config(name: string, body: string): string {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(path, body);
  return path;
}

describe('oci-mirror sync against real registries', () => {
  it('copies selected multi-arch tags with identical digests, then skips them all on a second run without writing', async () => {
    const path = config(
      'basic',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - name: app
    source: ${src.host}/team/app
    destination: ${dst.host}/mirror/app
    selector: { semver: ">=1.0.0", limit: 2 }
  - name: legacy
    source: ${src.host}/team/legacy:v1
    destinations: [${dst.host}/mirror/legacy, ${dst.host}/mirror/legacy-copy]
`,
    );
    const first = await cli(['sync', path]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const lines = first.stdout.trim().split('\n');
    expect(lines.filter((l) => l.includes('(copied)'))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^Summary: 4 copied, 0 skipped, 0 failed in /);
    expect((await listTags(dst, 'mirror/app')).sort()).toEqual(['1.1.0', '1.2.0']);
    for (const v of ['1.1.0', '1.2.0']) {
      const raw = await skopeoInspectRaw(dst, `mirror/app:${v}`);
      expect(Buffer.from(raw).equals(images[v]?.top.bytes as Buffer)).toBe(true);
    }
    // The legacy image went to two repos of the same registry: streamed once, then mounted.
    const json1 = await cli(['sync', path, '-o', 'json']);
    const doc = JSON.parse(json1.stdout);
    expect(validateReport(doc)).toEqual([]);
    expect(doc.report.summary).toMatchObject({ copied: 0, skipped: 4, failed: 0 });
    // A warm run: one tag list per listed source + one HEAD per source tag + one HEAD per destination tag.
    expect(doc.report.summary.requests).toBeLessThanOrEqual(1 + 2 + 1 + 2 + 4);
  });

  it('reports drift, leaves it alone, overwrites on request, and forecasts in a dry run', async () => {
    await pushContent(dst, 'drift/app', '1.2.0', buildImage({ seed: 'something-else' }));
    const path = config(
      'drift',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/team/app
    destination: ${dst.host}/drift/app
    selector: { tags: ["1.2.0", "1.1.0"] }
`,
    );
    const plan = await cli(['plan', path, '-o', 'json']);
    expect(plan.code).toBe(2);
    const planDoc = JSON.parse(plan.stdout);
    expect(planDoc.report.dryRun).toBe(true);
    expect(planDoc.report.results[0].tags.map((t: { status: string }) => t.status)).toEqual([
      'drifted',
      'would-copy',
    ]);
    expect(await listTags(dst, 'drift/app')).toEqual(['1.2.0']);

    const driftRun = await cli(['sync', path, '--drift-exit-code', '0']);
    expect(driftRun.code).toBe(0);
    expect(driftRun.stdout).toMatch(/! .*drift\/app:1\.2\.0|1\.2\.0.*drifted/);
    expect((await getManifestRaw(dst, 'drift/app', '1.2.0'))?.digest).not.toBe(images['1.2.0']?.top.digest);

    const dry = await cli(['sync', path, '--overwrite', '--dry-run', '-o', 'json']);
    expect(JSON.parse(dry.stdout).report.results[0].tags.map((t: { status: string }) => t.status)).toEqual([
      'would-overwrite',
      'skipped',
    ]);
    const over = await cli(['sync', path, '--overwrite', '-o', 'yaml']);
    expect(over.code).toBe(0);
    expect(over.stdout).toMatch(/status: overwritten/);
    expect((await getManifestRaw(dst, 'drift/app', '1.2.0'))?.digest).toBe(images['1.2.0']?.top.digest);
  });

  it('fails one entry without stopping the others, with side, status and registry code', async () => {
    const path = config(
      'partial',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - name: missing-repo
    source: ${src.host}/team/does-not-exist
    destination: ${dst.host}/mirror/none
  - name: missing-tag
    source: ${src.host}/team/app:9.9.9
    destination: ${dst.host}/mirror/partial
  - name: good
    source: ${src.host}/team/app:1.0.0
    destination: ${dst.host}/mirror/partial
`,
    );
    const run = await cli(['sync', path, '-o', 'json']);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(validateReport(doc)).toEqual([]);
    const [repo, tag, good] = doc.report.results;
    expect(repo.error).toMatchObject({ side: 'source', httpStatus: 404, code: 'NAME_UNKNOWN' });
    expect(tag.tags[0]).toMatchObject({ status: 'failed', error: { side: 'source', httpStatus: 404 } });
    expect(good.tags[0]).toMatchObject({ status: 'copied' });
    const text = await cli(['sync', path]);
    expect(text.stdout).toMatch(/✗ missing-repo — plan failed: .*\[source, HTTP 404, NAME_UNKNOWN\]/);
    // The failures again at the end, before the summary line, each with the reason and the fix.
    const tail = text.stdout.slice(text.stdout.indexOf('\nFailures ('));
    expect(tail).toMatch(
      /^\nFailures \(2\):\n {2}✗ missing-repo: plan failed: the source repository does not exist or is private — check the name, or give 127\.0\.0\.1:\d+ credentials in `hosts`\n {6}.*NAME_UNKNOWN\]\n {2}✗ missing-tag: .*team\/app:9\.9\.9: the source has no such tag or digest/,
    );
    expect(tail).toMatch(/\n\nSummary: 0 copied, 1 skipped, 2 failed/);
  });

  it('leaves no tag behind when a blob upload fails at the destination', async () => {
    const proxy: FaultProxy = await startFaultProxy(dst.url, [
      {
        match: (r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/'),
        status: 400,
        body: '{"errors":[{"code":"BLOB_UPLOAD_INVALID","message":"nope"}]}',
      },
    ]);
    try {
      const path = config(
        'failing',
        `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/team/app:1.0.0
    destination: ${proxy.host}/broken/app
`,
      );
      const run = await cli(['sync', path, '-o', 'json', '--retries', '0']);
      expect(run.code).toBe(1);
      const row = JSON.parse(run.stdout).report.results[0].tags[0];
      expect(row).toMatchObject({
        status: 'failed',
        error: { side: 'destination', httpStatus: 400, code: 'BLOB_UPLOAD_INVALID' },
      });
      expect(await listTags(dst, 'broken/app').catch(() => [])).toEqual([]);
      expect(proxy.requests.some((r) => r.method === 'PUT' && r.path.includes('/manifests/'))).toBe(false);
    } finally {
      await proxy.stop();
    }
  });

  it('copies only the platforms asked for, reports the tag as rewritten, and stays idempotent', async () => {
    const path = config(
      'platforms',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/team/app:1.0.0
    destination: ${dst.host}/amd64-only/app
    platforms: [linux/amd64]
  - name: none
    source: ${src.host}/team/app:1.1.0
    destination: ${dst.host}/s390x/app
    platforms: [linux/s390x]
`,
    );
    const first = await cli(['sync', path, '-o', 'json']);
    expect(first.code).toBe(1);
    const doc = JSON.parse(first.stdout);
    expect(validateReport(doc)).toEqual([]);
    const [amd64, none] = doc.report.results;
    const row = amd64.tags[0];
    expect(row).toMatchObject({ status: 'copied', rewritten: 'platforms linux/amd64' });
    expect(row.sourceDigest).not.toBe(images['1.0.0']?.top.digest);
    // The destination index lists linux/amd64 only; its digest is the one reported.
    const got = await getManifestRaw(dst, 'amd64-only/app', '1.0.0');
    expect(got?.digest).toBe(row.sourceDigest);
    const index = JSON.parse(got?.bytes.toString() ?? '{}') as {
      manifests: { platform: { architecture: string } }[];
    };
    expect(index.manifests.map((m) => m.platform.architecture)).toEqual(['amd64']);
    // shared layer + amd64's layer + amd64's config: nothing of arm64 was copied.
    expect(row.blobs.copied + row.blobs.mounted + row.blobs.existing).toBe(3);
    expect(none.tags[0]).toMatchObject({
      status: 'failed',
      error: { message: expect.stringMatching(/no platform matches linux\/s390x/) },
    });
    expect(await listTags(dst, 's390x/app').catch(() => [])).toEqual([]);
    const text = await cli(['sync', path]);
    expect(text.stdout).toMatch(
      /team\/app:1\.0\.0 \(skipped: up-to-date\) → \S+amd64-only\/app:1\.0\.0\s+\(rewritten: platforms linux\/amd64\)/,
    );
    const again = JSON.parse((await cli(['sync', path, '-o', 'json'])).stdout);
    expect(again.report.results[0].tags[0]).toMatchObject({
      status: 'skipped',
      rewritten: 'platforms linux/amd64',
    });
  });

  it('draws a live progress line on a terminal, and none in CI or with --no-progress', async () => {
    const path = config(
      'progress',
      `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/team/app
    destination: ${dst.host}/progress/app
    selector: { limit: 2 }
`,
    );
    const tty = await cli(['sync', path], { tty: true });
    expect(tty.code).toBe(0);
    // done/total, what is being copied, bytes, rate, and an ETA once a copy has finished.
    expect(tty.stderr).toMatch(/\r\u001b\[K0\/2 tags · \d copying · \S+\/team\/app → app:\S+/);
    expect(tty.stderr).toMatch(/\r\u001b\[K1\/2 tags · .*[\d.]+ k?B · [\d.]+ [kMG]?B\/s · ETA \S+/);
    expect(tty.stderr).toMatch(/\r\u001b\[K2\/2 tags · [\d.]+ k?B · [\d.]+ [kMG]?B\/s/);
    expect(tty.stderr.endsWith('\r\u001b[K')).toBe(true); // cleared before the summary
    expect(tty.stdout).toMatch(/Summary: 2 copied, 0 skipped/);
    expect((await cli(['sync', path])).stderr).toBe('');
    expect((await cli(['sync', path, '--no-progress'], { tty: true })).stderr).toBe('');
  });

  it('exits 3 with file:line:column for an invalid config and for bad arguments', async () => {
    const path = config(
      'bad',
      `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${src.host}/x\n    destinaton: ${dst.host}/y\n`,
    );
    const run = await cli(['sync', path]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${path}:5:5`);
    expect(run.stderr).toMatch(/destination/);
    expect((await cli(['sync', path, '--concurrency', 'zero'])).code).toBe(3);
    expect((await cli(['frobnicate'])).code).toBe(3);
    // A missing file is "not found" with a hint, not an invalid config at 1:1.
    const missing = await cli(['sync', join(dir.path, 'nope.yaml')]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(
      /^config file not found: .*nope\.yaml \(looked for .*\)\nhint: pass the path/,
    );
    expect(missing.stderr).not.toMatch(/:1:1|invalid config/);
    // Help per command, with examples.
    for (const args of [
      ['sync', '--help'],
      ['help', 'sync'],
    ]) {
      const help = await cli(args);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(
        /^Usage: oci-mirror sync \[CONFIG\|-\] \[options\]\n[\s\S]*Examples:\n {2}oci-mirror sync mirror\.yaml\n/,
      );
    }
    for (const c of ['plan', 'list-images', 'validate'])
      expect((await cli([c, '--help'])).stdout).toMatch(
        new RegExp(`^Usage: oci-mirror ${c}[\\s\\S]*Examples:`),
      );
    expect((await cli(['--help'])).stdout).toMatch(/^Usage: oci-mirror <command>/);
    expect(
      (
        await cli([
          'validate',
          config(
            'ok',
            `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${src.host}/x\n    destination: ${dst.host}/y\n`,
          ),
        ])
      ).code,
    ).toBe(0);
  });
});
