/**
 * ocync's config files load unchanged and run against real registries: the examples of ocync's
 * configuration reference (test/fixtures/config/ocync/, registry URLs made environment variables
 * pointing at local `docker-registry` processes), and every field we cannot honour refused at its
 * own line with the reason.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigErrors } from '../../src/config/errors.js';
import { loadConfig, loadConfigText } from '../../src/config/load.js';
import { validateReport } from '../../src/report/schema.js';
import {
  buildImage,
  getManifestRaw,
  listTags,
  pushContent,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { cli } from './cli-run.js';

interface ReportDoc {
  report: {
    results: { name: string; status: string; error?: { message: string }; tags: { rewritten?: string }[] }[];
  };
}

const FIXTURES = resolve(import.meta.dirname, '../fixtures/config/ocync');
const PLATFORMS = [
  { os: 'linux', architecture: 'amd64' },
  { os: 'linux', architecture: 'arm64' },
  { os: 'linux', architecture: 's390x' },
];

let src: TestRegistry;
let hub: TestRegistry;
let dst: TestRegistry;
let dst2: TestRegistry;
let dir: TempDir;

async function push(reg: TestRegistry, repo: string, tags: string[]): Promise<void> {
  for (const t of tags) {
    await pushContent(
      reg,
      repo,
      t,
      buildImage({
        seed: `${repo}:${t}`,
        platforms: PLATFORMS,
        sharedLayerSize: 2_000,
        uniqueLayerSize: 500,
      }),
    );
  }
}

beforeAll(async () => {
  [src, hub] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: 'htpasswd', users: { hubuser: 'hub-pass-9x' } }),
  ]);
  dir = tempDir('ocync-');
  await push(src, 'chainguard/nginx', ['0.9.0', '1.25.0', '1.26.0', '1.27.0-rc.1', 'latest', 'latest-dev']);
  await push(src, 'chainguard/python', ['3.12.0', '3.12.0-slim', '3.13.0-slim']);
  await push(src, 'chainguard/node', ['22.0.0', 'latest']);
  await push(src, 'my-org/my-app', ['v1.0.0', 'v1.1.0-alpha', 'v2.0.0', '2.1.0']);
  await push(hub, 'library/nginx', ['1.27.0', '1.27.0-debug', '1.28.0-rc1', 'latest']);
  await push(hub, 'library/redis', ['7.2.0']);
  await push(hub, 'library/postgres', ['14.0', '15.0', '16.0', '17.0-rc1']);
}, 120_000);
afterAll(async () => {
  dir.cleanup();
  await stopAll();
});

async function fresh(): Promise<void> {
  if (dst) await Promise.all([dst.stop(), dst2.stop()]);
  [dst, dst2] = await Promise.all([startRegistry(), startRegistry()]);
}

function env(): NodeJS.ProcessEnv {
  return {
    SRC: src.host,
    HUB: hub.host,
    DST: dst.host,
    DST2: dst2.host,
    DOCKERHUB_USERNAME: 'hubuser',
    DOCKERHUB_ACCESS_TOKEN: 'hub-pass-9x',
  };
}

/** The fixture copied into the temp dir (optionally edited), so paths resolve there. */
function fixture(name: string, edit: (text: string) => string = (t) => t): string {
  const path = join(dir.path, name);
  copyFileSync(join(FIXTURES, name), path);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return path;
}

async function sync(path: string): Promise<{ code: number; doc: ReportDoc; stderr: string }> {
  const run = await cli(['sync', path, '-o', 'json'], { env: env() });
  const doc = JSON.parse(run.stdout) as ReportDoc;
  expect(validateReport(doc)).toEqual([]);
  return { code: run.code, doc, stderr: run.stderr };
}

const sorted = async (reg: TestRegistry, repo: string) => (await listTags(reg, repo)).sort();

describe('ocync documented examples against local registries', () => {
  it('minimal example: every tag but ocync’s default-excluded prereleases, to the target', async () => {
    await fresh();
    const path = fixture('minimal.yaml');
    const config = await loadConfig({ path, env: env() });
    expect(config.dialect).toBe('ocync');
    expect(config.artifacts[0]).toMatchObject({
      source: `${src.host}/chainguard/nginx`,
      destinations: [`${dst.host}/nginx`],
      includeReferrers: true,
    });
    const run = await sync(path);
    expect(run.code).toBe(0);
    expect(await sorted(dst, 'nginx')).toEqual(['0.9.0', '1.25.0', '1.26.0', 'latest', 'latest-dev']);
  });

  it('full example: refuses global.cache_ttl at its line; without it, fans out to the target group with platform filtering', async () => {
    await fresh();
    const path = fixture('full.yaml');
    const refused = await cli(['validate', path], { env: env() });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(
      /full\.yaml:3:3: global\.cache_ttl: not supported: the digest cache lifetime is a command-line setting here/,
    );
    expect(refused.stderr.match(/full\.yaml:\d+:\d+/g)).toHaveLength(1);

    const ok = fixture('full.yaml', (t) => t.replace('  cache_ttl: "12h"\n', ''));
    const run = await sync(ok);
    expect(run.code).toBe(0);
    for (const reg of [dst, dst2]) {
      expect(await sorted(reg, 'nginx')).toEqual(['1.25.0', '1.26.0']);
      expect(await sorted(reg, 'python')).toEqual(['3.12.0-slim', '3.13.0-slim']);
    }
    const index = JSON.parse((await getManifestRaw(dst, 'nginx', '1.26.0'))?.bytes.toString() ?? '{}');
    expect(
      index.manifests.map(
        (m: { platform: { os: string; architecture: string } }) =>
          `${m.platform.os}/${m.platform.architecture}`,
      ),
    ).toEqual(['linux/amd64', 'linux/arm64']);
    expect(run.doc.report.results[0]?.tags[0]?.rewritten).toMatch(/platforms/);
  });

  it('Chainguard to ECR: always-include tags join the 5 newest semver tags, and a missing one is not an error', async () => {
    await fresh();
    const run = await sync(fixture('chainguard-to-ecr.yaml'));
    expect(run.code).toBe(0);
    expect(await sorted(dst, 'nginx')).toEqual(['1.25.0', '1.26.0', 'latest', 'latest-dev']);
    expect(await sorted(dst, 'python')).toEqual(['3.12.0']);
    expect(await sorted(dst, 'node')).toEqual(['22.0.0', 'latest']);
  });

  it('Docker Hub fan-out: basic auth at the source, user excludes, per-mapping tags, min_tags', async () => {
    await fresh();
    const run = await sync(fixture('dockerhub-fan-out.yaml'));
    expect(run.code).toBe(0);
    for (const reg of [dst, dst2]) {
      expect(await sorted(reg, 'nginx')).toEqual(['1.27.0']);
      expect(await sorted(reg, 'redis')).toEqual(['7.2.0']);
      expect(await sorted(reg, 'postgres')).toEqual(['15.0', '16.0']);
    }
    expect(JSON.stringify(run.doc)).not.toContain('hub-pass-9x');
    // min_tags: a mapping left with fewer tags fails, naming the rule.
    const strict = await sync(
      fixture('dockerhub-fan-out.yaml', (t) => t.replace('semver: ">=15"', 'semver: ">=99"')),
    );
    expect(strict.code).toBe(1);
    const pg = strict.doc.report.results.find((r) => r.name.endsWith('library/postgres'));
    expect(pg?.status).toBe('failed');
    expect(pg?.error?.message).toBe('0 tags selected, fewer than min_tags 1');
  });

  it('GHCR with glob filtering: a static token becomes the host’s bearer credential; glob, exclude, sort and latest select', async () => {
    const config = await loadConfig({
      path: fixture('ghcr-glob.yaml'),
      env: { ...env(), GITHUB_TOKEN: 'ghp-static-xyz' },
    });
    expect(config.hosts).toEqual([
      expect.objectContaining({ host: src.host, credential: { value: 'ghp-static-xyz' } }),
    ]);
    expect(config.secrets).toContain('ghp-static-xyz');
    expect(config.artifacts[0]?.selector).toMatchObject({
      glob: ['v*'],
      exclude: ['*-alpha'],
      sortBy: 'semver',
      limit: 5,
    });
    expect(config.artifacts[0]?.platforms).toEqual(['linux/amd64']);
  });
});

// biome-ignore-start lint/suspicious/noTemplateCurlyInString: ${VAR} references are data here
describe('ocync fields we cannot honour are refused at their line', () => {
  const load = (text: string, e: NodeJS.ProcessEnv = {}) => {
    try {
      loadConfigText(text, { file: 'ocync.yaml', dir: dir.path, env: e });
      return [];
    } catch (err) {
      if (!(err instanceof ConfigErrors)) throw err;
      return err.errors.map((x) => `${x.line}:${x.column} ${x.path}: ${x.problem}`);
    }
  };
  const base =
    'registries:\n  a: { url: src.example.com }\n  b: { url: dst.example.com }\ndefaults: { source: a, targets: b }\n';

  it('cloud auth (given or detected), per-registry caps, artifact-type filters, prerelease-only, latest without sort', () => {
    const errors = load(`registries:
  a:
    url: src.example.com
    max_concurrent: 5
  ecr:
    url: 123456789012.dkr.ecr.us-east-1.amazonaws.com
  gar:
    url: europe-docker.pkg.dev
    auth_type: gar
defaults:
  source: a
  targets: ecr
  artifacts: { include: [application/spdx+json], require_artifacts: true }
mappings:
  - from: x/app
    tags: { semver_prerelease: only, latest: 3 }
`);
    expect(errors).toEqual([
      '4:5 registries.a.max_concurrent: not supported: oci-mirror has no per-registry request cap',
      "6:10 registries.ecr.url: not supported: ocync authenticates ecr with the cloud SDK's ambient credentials (detected from the host name), which oci-mirror does not read",
      "9:16 registries.gar.auth_type: not supported: ocync authenticates gar with the cloud SDK's ambient credentials, which oci-mirror does not read",
      '13:16 defaults.artifacts.include: not supported: referrers cannot be filtered by artifact type here (all of them are copied)',
      '13:50 defaults.artifacts.require_artifacts: not supported: oci-mirror does not fail an image for having no referrers',
      '16:13 mappings[0].tags.semver_prerelease: not supported: `only` (prereleases alone) has no equivalent here',
      '16:46 mappings[0].tags.latest: `latest` requires `sort` (as in ocync)',
    ]);
  });

  it('unknown keys, unknown registries and targets, and ${VAR} as ocync expands it', () => {
    expect(load(`${base}mappings:\n  - from: x/app\n    tag: { glob: "*" }\n`)).toEqual([
      '7:5 mappings[0].tag: unknown field `tag`',
    ]);
    expect(load(`${base}mappings:\n  - from: x/app\n    targets: [b, c]\n    source: z\n`)).toEqual([
      '7:18 mappings[0].targets[1]: `c` is not a registry defined under `registries` (defined: `a`, `b`)',
      '8:13 mappings[0].source: `z` is not a registry defined under `registries` (defined: `a`, `b`)',
    ]);
    // Unset → empty (ocync), `:-` default, `:?` refuses with the message.
    const ok = loadConfigText(
      `registries:\n  a: { url: "src.example.com\${EMPTY}" }\n  b: { url: "\${DST:-dst.example.com}" }\ndefaults: { source: a, targets: b }\nmappings: [{ from: x/app }]\n`,
      {
        file: 'ocync.yaml',
        dir: dir.path,
        env: {},
      },
    );
    expect(ok.artifacts[0]?.destinations).toEqual(['dst.example.com/x/app']);
    expect(load(`${base}mappings:\n  - from: "x/\${APP:?set APP to the image}"\n`)).toEqual([
      '6:14 mappings[0].from: environment variable APP is not set: set APP to the image',
    ]);
  });
});
// biome-ignore-end lint/suspicious/noTemplateCurlyInString: ${VAR} references are data here
