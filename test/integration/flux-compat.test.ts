/**
 * flux mirror drop-in behaviour of `oci-mirror sync`, against real registries: the text rows and
 * summary line as flux mirror prints them, the report's `results[].status`, the `--verbose` log
 * stream, `FLUX_MIRROR_CONFIG`, `--drift-exit-code` bounds, unparseable tags reported (and hinted
 * at by `validate`), and the jq lines of flux mirror's docs run by the real `jq` on a real report.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import {
  buildImage,
  pushContent,
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

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('flux-compat-');
  for (const v of ['1.0.0', '1.1.0', 'latest', 'main', 'stable']) {
    await pushContent(
      src,
      'team/app',
      v,
      buildImage({ seed: `fc-${v}`, sharedLayerSize: 5_000, uniqueLayerSize: 2_000 }),
    );
  }
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

/** A flux mirror config: one entry that mirrors, one whose source does not exist. */
function fluxConfig(name: string, dest: string): string {
  return config(
    name,
    `apiVersion: mirror.plugin.fluxcd.io/v1beta1
kind: Config
artifacts:
  - source: ${src.host}/team/app
    destination: ${dst.host}/${dest}
    selector: { semver: ">=1.0.0", limit: 2 }
  - source: ${src.host}/team/missing
    destination: ${dst.host}/${dest}-missing
    selector: { semver: "*" }
`,
  );
}

function jq(filter: string, input: string): unknown {
  return JSON.parse(execFileSync('jq', ['-c', '-s', `[.[] | ${filter}]`], { input, encoding: 'utf8' }));
}

describe('flux mirror text mode and report', () => {
  it('prints ✓/✗ rows with the status in parentheses and flux mirror’s summary line; results[] carry status', async () => {
    const path = fluxConfig('text', 'text/app');
    const first = await cli(['sync', path]);
    expect(first.code).toBe(1);
    const lines = first.stdout.trim().split('\n');
    expect(
      lines.filter((l) => /^✓ \S+team\/app:1\.[01]\.0 \(copied\) → \S+text\/app:1\.[01]\.0/.test(l)),
    ).toHaveLength(2);
    expect(lines).toContainEqual(expect.stringMatching(/^✗ \S+team\/missing — plan failed: .*NAME_UNKNOWN/));
    expect(lines.at(-1)).toMatch(/^Summary: 2 copied, 0 skipped, 1 failed in \d/);

    const again = await cli(['sync', path]);
    const rows = again.stdout.trim().split('\n');
    expect(rows.filter((l) => /^✓ \S+team\/app:1\.[01]\.0 \(skipped: up-to-date\) → /.test(l))).toHaveLength(
      2,
    );
    expect(rows.at(-1)).toMatch(/^Summary: 0 copied, 2 skipped, 1 failed in /);

    const json = await cli(['sync', path, '-o', 'json']);
    const doc = JSON.parse(json.stdout);
    expect(validateReport(doc)).toEqual([]);
    expect(doc.report.results.map((r: { status: string }) => r.status)).toEqual(['completed', 'failed']);
    expect(doc.report.results[0].tags[0].digest).toBe(doc.report.results[0].tags[0].sourceDigest);
  });

  it('answers the jq lines of flux mirror’s sync guide as documented (real jq, real report)', async () => {
    const path = fluxConfig('jq', 'jq/app');
    const run = await cli(['sync', path, '-o', 'json']);
    // Status of every tag, per entry
    expect(jq('.report.results[].tags[] | {tag, status}', run.stdout)).toEqual([
      { tag: '1.1.0', status: 'copied' },
      { tag: '1.0.0', status: 'copied' },
    ]);
    // Tags that were copied
    expect(jq('.report.results[].tags[] | select(.status == "copied") | .tag', run.stdout)).toEqual([
      '1.1.0',
      '1.0.0',
    ]);
    // Aggregate counts
    const [summary] = jq('.report.summary', run.stdout) as [Record<string, unknown>];
    expect(summary).toMatchObject({ entries: 2, copied: 2, skipped: 0, failed: 1 });
    // Failed entries (results[].status)
    expect(jq('.report.results[] | select(.status == "failed") | .name', run.stdout)).toEqual([
      `${src.host}/team/missing`,
    ]);
  });

  it('--verbose replaces the pretty output with flux mirror’s log stream on stderr', async () => {
    const path = fluxConfig('verbose', 'verbose/app');
    const run = await cli([
      'sync',
      path,
      '--verbose',
      '--concurrency',
      '3',
      '--retries',
      '2',
      '--timeout',
      '90s',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const ts = String.raw`\d{4}/\d\d/\d\d \d\d:\d\d:\d\d`;
    const log = run.stderr;
    expect(log).toMatch(
      new RegExp(`^${ts} sync started entries=2 concurrency=3 retries=2 timeout=1m30s$`, 'm'),
    );
    expect(log).toMatch(
      new RegExp(`^${ts} mirroring tag src=\\S+team/app:1\\.1\\.0 dst=\\S+verbose/app:1\\.1\\.0$`, 'm'),
    );
    expect(log).toMatch(new RegExp(`^${ts} copied \\S+ \\(\\d+ bytes\\)`, 'm'));
    expect(log).toMatch(new RegExp(`^${ts} put manifest \\S+verbose/app:1\\.1\\.0 `, 'm'));
    expect(log).toMatch(
      new RegExp(
        `^${ts} tag done src=\\S+team/app:1\\.1\\.0 dst=\\S+ status=copied digest=sha256:[0-9a-f]{64} elapsed=\\S+$`,
        'm',
      ),
    );
    expect(log).toMatch(new RegExp(`^${ts} plan failed entry=\\S+team/missing err=`, 'm'));
    expect(log).toMatch(
      new RegExp(
        `^${ts} sync complete entries=2 copied=2 overwritten=0 skipped=0 drifted=0 failed=1 bytes=\\d+ requests=\\d+ duration=\\S+$`,
        'm',
      ),
    );
    // Lines come in order: started … mirroring … done … complete.
    const at = (s: string) => log.indexOf(s);
    expect(at('sync started')).toBeLessThan(at('mirroring tag'));
    expect(at('mirroring tag')).toBeLessThan(at('tag done'));
    expect(at('tag done')).toBeLessThan(at('sync complete'));
  });
});

describe('flux mirror flags and environment', () => {
  it('reads FLUX_MIRROR_CONFIG as the config path when no CONFIG is given', async () => {
    const path = fluxConfig('env', 'env/app');
    const run = await cli(['sync', '-o', 'json'], { env: { FLUX_MIRROR_CONFIG: path } });
    expect(JSON.parse(run.stdout).report.configFile).toBe(path);
    const missing = await cli(['validate'], { env: { FLUX_MIRROR_CONFIG: join(dir.path, 'nope.yaml') } });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('nope.yaml');
  });

  it('accepts --drift-exit-code 0 to 255 only', async () => {
    const path = fluxConfig('drift', 'drift/app');
    for (const bad of ['256', '-1', '2.5']) {
      const r = await cli(['sync', path, `--drift-exit-code=${bad}`]);
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/--drift-exit-code: expected an integer from 0 to 255|--drift-exit-code/);
    }
    const ok = await cli(['validate', path, '--drift-exit-code', '255']);
    expect(ok.code).toBe(0);
  });
});

describe('tags dropped as unparseable (flux mirror’s sort rule)', () => {
  it('reports how many matching tags the semver sort dropped, names them, and validate hints at sortBy: alphabetical', async () => {
    const path = config(
      'unparseable',
      `apiVersion: mirror.plugin.fluxcd.io/v1beta2
kind: Config
artifacts:
  - source: ${src.host}/team/app
    destination: ${dst.host}/unparseable/app
    selector:
      regex: { pattern: ".*" }
      limit: 0
`,
    );
    const text = await cli(['sync', path, '--dry-run']);
    expect(text.stdout).toMatch(
      /^note: \S+team\/app: 3 matching tags dropped as not semver \(latest, main, stable\); sortBy: alphabetical keeps them$/m,
    );
    expect(text.stdout).toMatch(/^Summary: 0 copied, 0 skipped, 0 failed in \S+; dry run: 2 would copy /m);
    const json = JSON.parse((await cli(['sync', path, '--dry-run', '-o', 'json'])).stdout);
    expect(validateReport(json)).toEqual([]);
    expect(json.report.results[0].unparseableTags).toEqual({
      count: 3,
      sortBy: 'semver',
      examples: ['latest', 'main', 'stable'],
    });

    const v = await cli(['validate', path]);
    expect(v.code).toBe(0);
    expect(v.stderr).toMatch(
      /unparseable\.yaml:4:5: hint: \S+: the selector matches tags like latest, main, master, stable, edge, but sortBy semver keeps only semantic versions and drops them; set `sortBy: alphabetical` to keep them/,
    );
    const alpha = config(
      'alpha',
      `${readBody(path).replace('limit: 0', 'limit: 0\n      sortBy: alphabetical')}`,
    );
    const va = await cli(['validate', alpha]);
    expect(va.stderr).toBe('');
    const run = JSON.parse((await cli(['sync', alpha, '--dry-run', '-o', 'json'])).stdout);
    expect(run.report.results[0].unparseableTags).toBeUndefined();
    expect(run.report.results[0].tags.map((t: { tag: string }) => t.tag)).toEqual([
      'stable',
      'main',
      'latest',
      '1.1.0',
      '1.0.0',
    ]);
  });
});

function readBody(path: string): string {
  return execFileSync('cat', [path], { encoding: 'utf8' });
}
