/**
 * Planning from GHCR's listing (the GitHub Packages API), Harbor's artifacts API and Google
 * Artifact Registry's tags API, against
 * protocol-faithful fakes serving a real registry's digests (paging by Link, auth errors, 429s):
 * a warm run HEADs no source tag; a stale listing delays a copy and a fresh one lets the source's
 * own HEAD decide (drift reported with the real digest, nothing written); a wrong listing never
 * causes a wrong write; a token without `read:packages`, an owner that is a user, wrong Harbor
 * credentials and rate limits fall back to one HEAD per tag.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import {
  type ListingFake,
  startFakeArtifactRegistry,
  startFakeGitHubPackages,
  startFakeHarbor,
} from '../fakes/listing-apis.js';
import {
  buildImage,
  type FaultProxy,
  getManifestRaw,
  pushContent,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { cli } from './cli-run.js';

const TAGS = Array.from({ length: 7 }, (_, i) => `2.${i}.0`);
const GH_TOKEN = 'ghp_listingFakeToken0001';
const GH_NO_SCOPE = 'ghp_listingFakeNoScope02';
const HARBOR_PW = 'Harbor-robot-pw-7731';
// Nested names: GHCR's package `tools/app` (encoded %2F), Harbor's repository `team/app` (%252F).
const GHCR_REPO = 'acme/tools/app';
const HARBOR_REPO = 'proj/team/app';
// GAR: project/repository/package, the package nested (encoded %2F).
const GAR_REPO = 'my-proj/images/team/app';
const GAR_TOKEN = 'ya29.listing-fake-access-token';
const GAR_NO_PERMISSION = 'ya29.listing-fake-reader-without-tags-list';

let src: TestRegistry;
let dst: TestRegistry;
let s: FaultProxy;
let d: FaultProxy;
let gh: ListingFake;
let harbor: ListingFake;
let gar: ListingFake;
let dir: TempDir;

interface Row {
  tag: string;
  status: string;
  reason?: string;
  sourceDigest?: string;
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  [s, d] = await Promise.all([startFaultProxy(src.url), startFaultProxy(dst.url)]);
  dir = tempDir('listing-gh-harbor-');
  for (const repo of [GHCR_REPO, HARBOR_REPO, GAR_REPO])
    for (const tag of TAGS)
      await pushContent(src, repo, tag, buildImage({ seed: `lgh-${repo}-${tag}`, uniqueLayerSize: 600 }));
  [gh, harbor, gar] = await Promise.all([
    startFakeGitHubPackages({
      registry: src,
      repos: [GHCR_REPO],
      tokens: { [GH_TOKEN]: ['read:packages', 'repo'], [GH_NO_SCOPE]: ['repo'] },
      orgs: [],
      maxPageSize: 4,
    }),
    startFakeHarbor({
      registry: src,
      repos: [HARBOR_REPO],
      users: { robot$mirror: HARBOR_PW },
      private: ['proj'],
      maxPageSize: 3,
    }),
    startFakeArtifactRegistry({
      registry: src,
      repos: [GAR_REPO],
      location: 'europe-west4',
      tokens: { [GAR_TOKEN]: true, [GAR_NO_PERMISSION]: false },
      maxPageSize: 5,
    }),
  ]);
}, 90_000);

afterAll(async () => {
  await Promise.all([s?.stop(), d?.stop(), gh?.stop(), harbor?.stop(), gar?.stop()]);
  dir?.cleanup();
  await stopAll();
});

function config(name: string, repo: string, dest: string, host: string): string {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(
    path,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${s.host}/${repo}
    destination: ${d.host}/${dest}
    selector: { limit: 0 }
hosts:
  - host: ${s.host}
${host}`,
  );
  return path;
}

async function sync(cfg: string, extra: string[] = []) {
  for (const f of [s, d]) f.requests.length = 0;
  for (const f of [gh, harbor, gar]) f.requests.length = 0;
  const r = await cli(['sync', cfg, '-o', 'json', '--verbose', ...extra], { cwd: dir.path });
  const doc = JSON.parse(r.stdout);
  expect(validateReport(doc)).toEqual([]);
  return {
    code: r.code,
    stderr: r.stderr,
    rows: doc.report.results[0].tags as Row[],
    hosts: (doc.report.hosts ?? []) as { host: string; listingSaved?: number }[],
  };
}

const sourceHeads = () =>
  s.requests.filter((q) => q.method === 'HEAD' && q.path.includes('/manifests/')).length;
const writes = () => d.requests.filter((q) => q.method === 'PUT' || q.method === 'POST').length;

/** Mirror, move tag 2.0.0 at the source, then: stale listing, fresh listing, wrong listing. */
async function staleListingCase(fake: ListingFake, repo: string, dest: string, cfg: string, seed: string) {
  const before = (await getManifestRaw({ url: src.url }, repo, '2.0.0'))?.digest;
  await pushContent(src, repo, '2.0.0', buildImage({ seed, uniqueLayerSize: 600 }));
  const moved = (await getManifestRaw({ url: src.url }, repo, '2.0.0'))?.digest;
  expect(moved).not.toBe(before);
  // Stale: the listing says the old digest the destination holds: skipped, nothing written.
  const stale = await sync(cfg);
  expect(stale.rows.find((r) => r.tag === '2.0.0')).toMatchObject({
    status: 'skipped',
    reason: 'up-to-date (listing)',
  });
  expect(writes()).toBe(0);
  // Fresh: the source's own HEAD decides, drift with the real digest, still nothing written.
  await fake.refresh();
  const fresh = await sync(cfg);
  expect(fresh.rows.find((r) => r.tag === '2.0.0')).toMatchObject({ status: 'drifted', sourceDigest: moved });
  expect(sourceHeads()).toBe(1);
  expect(writes()).toBe(0);
  // Wrong: a digest nobody holds is checked at the source: up to date, no false drift, no write.
  fake.set(repo, '2.1.0', `sha256:${'1'.repeat(64)}`);
  const wrong = await sync(cfg);
  expect(wrong.rows.find((r) => r.tag === '2.1.0')).toMatchObject({
    status: 'skipped',
    reason: 'up-to-date',
  });
  expect(writes()).toBe(0);
  await fake.refresh();
  // Overwriting writes the source's real bytes under the moved tag.
  const over = await sync(cfg, ['--overwrite']);
  expect(over.rows.find((r) => r.tag === '2.0.0')).toMatchObject({
    status: 'overwritten',
    sourceDigest: moved,
  });
  expect((await getManifestRaw({ url: dst.url }, dest, '2.0.0'))?.digest).toBe(moved);
}

describe('GHCR listing (GitHub Packages API)', () => {
  const host = (token: string) =>
    `    listing: { api: ghcr, url: "${gh.url}" }\n    username: mirror-bot\n    credential: { value: "${token}" }\n`;

  it('plans from the package versions (org, then user; paged by Link), HEADs no source tag; a stale listing is handled', async () => {
    const cfg = config('ghcr', GHCR_REPO, 'mirror/ghcr', host(GH_TOKEN));
    const cold = await sync(cfg);
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.rows.every((r) => r.status === 'copied')).toBe(true);
    const warm = await sync(cfg);
    expect(warm.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date (listing)')).toBe(true);
    expect(sourceHeads()).toBe(0);
    // The owner is a user: /orgs/ answers 404, then /users/ pages 4 per page: 7 tags + 14 untagged platform manifests.
    const paths = gh.requests.map((q) => `${q.url.pathname}?page=${q.url.searchParams.get('page') ?? '1'}`);
    expect(paths).toEqual([
      '/orgs/acme/packages/container/tools%2Fapp/versions?page=1',
      '/users/acme/packages/container/tools%2Fapp/versions?page=1',
      ...Array.from(
        { length: 5 },
        (_, i) => `/users/acme/packages/container/tools%2Fapp/versions?page=${i + 2}`,
      ),
    ]);
    expect(gh.requests.every((q) => q.headers.authorization === `Bearer ${GH_TOKEN}`)).toBe(true);
    expect(warm.stderr).toContain(
      `listing gave ${TAGS.length} tag digests in 7 requests; ${TAGS.length} source HEADs saved`,
    );
    expect(warm.hosts.find((h) => h.host === s.host)?.listingSaved).toBe(TAGS.length);
    expect(warm.stderr).not.toContain(GH_TOKEN);
    await staleListingCase(gh, GHCR_REPO, 'mirror/ghcr', cfg, 'ghcr-moved');
  });

  it('a token without read:packages, no token, or a rate limit: one HEAD per tag', async () => {
    const noScope = await sync(config('ghcr-scope', GHCR_REPO, 'mirror/ghcr', host(GH_NO_SCOPE)));
    expect(noScope.code).toBe(0);
    expect(noScope.stderr).toContain(
      'ghcr listing of acme/tools/app: GET /orgs/acme/packages/container/tools%2Fapp/versions: HTTP 403; planning with one HEAD per tag',
    );
    expect(sourceHeads()).toBe(TAGS.length);
    const anon = await sync(
      config('ghcr-anon', GHCR_REPO, 'mirror/ghcr', `    listing: { api: ghcr, url: "${gh.url}" }\n`),
    );
    expect(anon.stderr).toContain(
      'ghcr listing of acme/tools/app: no token for the GitHub Packages API; planning with one HEAD per tag',
    );
    expect(gh.requests).toHaveLength(0);
    gh.throttle(100);
    const limited = await sync(config('ghcr-429', GHCR_REPO, 'mirror/ghcr', host(GH_TOKEN)), [
      '--retries',
      '1',
    ]);
    gh.throttle(0);
    expect(limited.stderr).toContain('HTTP 429; planning with one HEAD per tag');
    expect(limited.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date')).toBe(true);
  });
});

describe('Harbor listing (artifacts API)', () => {
  const host = (pw: string) =>
    `    listing: { api: harbor, url: "${harbor.url}" }\n    username: robot$mirror\n    credential: { value: "${pw}" }\n`;

  it('plans from the artifacts (basic auth, twice-encoded name, relative Link paging); a stale listing is handled', async () => {
    const cfg = config('harbor', HARBOR_REPO, 'mirror/harbor', host(HARBOR_PW));
    expect((await sync(cfg)).rows.every((r) => r.status === 'copied')).toBe(true);
    const warm = await sync(cfg);
    expect(warm.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date (listing)')).toBe(true);
    expect(sourceHeads()).toBe(0);
    expect(harbor.requests.map((q) => `${q.url.pathname} ${q.url.searchParams.get('page')}`)).toEqual(
      ['1', '2', '3'].map((p) => `/api/v2.0/projects/proj/repositories/team%252Fapp/artifacts ${p}`),
    );
    const basic = `Basic ${Buffer.from(`robot$mirror:${HARBOR_PW}`).toString('base64')}`;
    expect(harbor.requests.every((q) => q.headers.authorization === basic)).toBe(true);
    expect(warm.stderr).not.toContain(HARBOR_PW);
    await staleListingCase(harbor, HARBOR_REPO, 'mirror/harbor', cfg, 'harbor-moved');
  });

  it('wrong credentials or a private project without any: one HEAD per tag', async () => {
    const bad = await sync(config('harbor-bad', HARBOR_REPO, 'mirror/harbor', host('nope')));
    expect(bad.code).toBe(0);
    expect(bad.stderr).toContain(
      'harbor listing of proj/team/app: GET /api/v2.0/projects/proj/repositories/team%252Fapp/artifacts: HTTP 401; planning with one HEAD per tag',
    );
    expect(sourceHeads()).toBe(TAGS.length);
    expect(bad.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date')).toBe(true);
  });
});

describe('Google Artifact Registry listing (tags API)', () => {
  const host = (token: string) =>
    `    listing: { api: gar, url: "${gar.url}", location: europe-west4 }\n    username: oauth2accesstoken\n    credential: { value: "${token}" }\n`;

  it('plans from the tags (bearer access token, encoded package, nextPageToken); a stale listing is handled', async () => {
    const cfg = config('gar', GAR_REPO, 'mirror/gar', host(GAR_TOKEN));
    expect((await sync(cfg)).rows.every((r) => r.status === 'copied')).toBe(true);
    const warm = await sync(cfg);
    expect(warm.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date (listing)')).toBe(true);
    expect(sourceHeads()).toBe(0);
    expect(gar.requests.map((q) => q.url.pathname)).toEqual(
      Array(2).fill(
        '/v1/projects/my-proj/locations/europe-west4/repositories/images/packages/team%2Fapp/tags',
      ),
    );
    expect(gar.requests[1]?.url.searchParams.get('pageToken')).toBeTruthy();
    expect(gar.requests.every((q) => q.headers.authorization === `Bearer ${GAR_TOKEN}`)).toBe(true);
    expect(warm.stderr).not.toContain(GAR_TOKEN);
    await staleListingCase(gar, GAR_REPO, 'mirror/gar', cfg, 'gar-moved');
  });

  it('a token without artifactregistry.tags.list, or the wrong location: one HEAD per tag', async () => {
    const denied = await sync(config('gar-denied', GAR_REPO, 'mirror/gar', host(GAR_NO_PERMISSION)));
    expect(denied.code).toBe(0);
    expect(denied.stderr).toMatch(
      /gar listing of my-proj\/images\/team\/app: GET \S+\/tags: HTTP 403; planning with one HEAD per tag/,
    );
    expect(sourceHeads()).toBe(TAGS.length);
    const elsewhere = await sync(
      config('gar-where', GAR_REPO, 'mirror/gar', host(GAR_TOKEN).replace('europe-west4', 'us-central1')),
    );
    expect(elsewhere.stderr).toContain('HTTP 404; planning with one HEAD per tag');
    expect(elsewhere.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date')).toBe(true);
  });
});
