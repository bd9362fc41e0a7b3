/**
 * Planning from registries' bulk tag digest listings (Docker Hub's tags API, Quay's tag API),
 * against protocol-faithful fakes serving the digests of a real registry's content: a warm run
 * HEADs no source tag; a stale or wrong listing delays a copy at worst, never writes a wrong
 * digest and never reports false drift; refused, unknown or rate-limited listings fall back to HEADs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import { type ListingFake, startFakeDockerHub, startFakeQuay } from '../fakes/listing-apis.js';
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

const TAGS = Array.from({ length: 12 }, (_, i) => `1.${i}.0`);
const PASSWORD = 'hub-pw-Listing-5521';
const QUAY_TOKEN = 'quay-oauth-Listing-8812';

let src: TestRegistry;
let dst: TestRegistry;
let s: FaultProxy;
let d: FaultProxy;
let hub: ListingFake;
let quay: ListingFake;
let dir: TempDir;

interface Row {
  tag: string;
  destination: string;
  status: string;
  reason?: string;
  sourceDigest?: string;
  destinationDigest?: string;
}

function config(name: string, listing: string, destRepo = 'mirror/app', host = ''): string {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(
    path,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${s.host}/acme/app
    destination: ${d.host}/${destRepo}
    selector: { limit: 0 }
hosts:
  - host: ${s.host}
${host}    listing: ${listing}
`,
  );
  return path;
}

async function sync(
  cfg: string,
  extra: string[] = [],
): Promise<{
  rows: Row[];
  stderr: string;
  code: number;
  hosts: { host: string; requests: number; listingSaved?: number }[];
}> {
  s.requests.length = 0;
  d.requests.length = 0;
  hub.requests.length = 0;
  quay.requests.length = 0;
  const r = await cli(['sync', cfg, '-o', 'json', '--verbose', ...extra], { cwd: dir.path });
  const doc = JSON.parse(r.stdout);
  expect(validateReport(doc)).toEqual([]);
  return { rows: doc.report.results[0].tags, stderr: r.stderr, code: r.code, hosts: doc.report.hosts ?? [] };
}

const sourceHeads = () =>
  s.requests.filter((q) => q.method === 'HEAD' && q.path.includes('/manifests/')).length;
const writes = () => d.requests.filter((q) => q.method === 'PUT' && q.path.includes('/manifests/')).length;

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  [s, d] = await Promise.all([startFaultProxy(src.url), startFaultProxy(dst.url)]);
  dir = tempDir('listing-test-');
  for (const tag of TAGS)
    await pushContent(src, 'acme/app', tag, buildImage({ seed: `listing-${tag}`, uniqueLayerSize: 1_000 }));
  [hub, quay] = await Promise.all([
    startFakeDockerHub({
      registry: src,
      repos: ['acme/app'],
      users: { robot: PASSWORD },
      private: ['acme/app'],
      maxPageSize: 5,
    }),
    startFakeQuay({
      registry: src,
      repos: ['acme/app'],
      token: QUAY_TOKEN,
      private: ['acme/app'],
      maxPageSize: 5,
    }),
  ]);
}, 60_000);

afterAll(async () => {
  await Promise.all([s?.stop(), d?.stop(), hub?.stop(), quay?.stop()]);
  dir?.cleanup();
  await stopAll();
});

describe('tag digest listings', () => {
  const HUB_CRED = `    username: robot\n    credential: { value: "${PASSWORD}" }\n`;

  it('Docker Hub API: a warm run plans from the listing (logged in, paged) and HEADs no source tag', async () => {
    const cfg = config('hub', `{ api: dockerhub, url: "${hub.url}" }`, 'mirror/app', HUB_CRED);
    const cold = await sync(cfg);
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.rows.every((r) => r.status === 'copied')).toBe(true);

    const state = join(dir.path, 'hub-state.json');
    await sync(cfg, ['--state-file', state]);
    const warm = await sync(cfg, ['--state-file', state]);
    expect(warm.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date (listing)')).toBe(true);
    expect(sourceHeads()).toBe(0);
    expect(s.requests.map((q) => `${q.method} ${q.path.split('?')[0]}`)).toEqual([
      'GET /v2/acme/app/tags/list',
    ]);
    // The destination is asked only for the state file's rolling re-check (the oldest eighth of the
    // 12 remembered tags: one HEAD), never more.
    expect(d.requests.map((q) => q.method)).toEqual(['HEAD']);
    // One login and ceil(12 / 5) pages: 4 requests for 12 tags, and no HEAD per tag.
    expect(hub.requests.map((q) => `${q.method} ${q.url.pathname}`)).toEqual([
      'POST /v2/users/login',
      ...Array(3).fill('GET /v2/namespaces/acme/repositories/app/tags'),
    ]);
    expect(hub.requests[1]?.headers.authorization).toMatch(/^Bearer hub-jwt-/);
    expect(warm.stderr).toContain('listing gave 12 tag digests in 4 requests; 12 source HEADs saved');
    // The report says so per host: 12 HEADs saved at the source registry, the API's 4 requests under its own host.
    expect(warm.hosts.find((h) => h.host === s.host)).toMatchObject({ requests: 1, listingSaved: 12 });
    expect(warm.hosts.find((h) => h.host === new URL(hub.url).host)).toMatchObject({ requests: 4 });
    expect(warm.hosts.find((h) => h.host === new URL(hub.url).host)?.listingSaved).toBeUndefined();
    expect(warm.stderr).not.toContain(PASSWORD);
  });

  it('a stale listing delays a copy, then the source’s own answer decides; a wrong listing never causes a wrong write or false drift', async () => {
    const cfg = config('stale', `{ api: dockerhub, url: "${hub.url}" }`, 'mirror/app', HUB_CRED);
    const before = (await getManifestRaw({ url: src.url }, 'acme/app', '1.0.0'))?.digest;
    await pushContent(
      src,
      'acme/app',
      '1.0.0',
      buildImage({ seed: 'listing-moved', uniqueLayerSize: 1_000 }),
    );
    const moved = (await getManifestRaw({ url: src.url }, 'acme/app', '1.0.0'))?.digest;
    expect(moved).not.toBe(before);

    // Stale: the listing still says the old digest, which the destination holds: skipped, nothing written.
    const stale = await sync(cfg);
    expect(stale.rows.find((r) => r.tag === '1.0.0')).toMatchObject({
      status: 'skipped',
      reason: 'up-to-date (listing)',
    });
    expect(writes()).toBe(0);

    // Fresh listing: the moved tag is confirmed at the source and reported as drift with its real digest.
    await hub.refresh();
    const fresh = await sync(cfg);
    expect(fresh.rows.find((r) => r.tag === '1.0.0')).toMatchObject({
      status: 'drifted',
      sourceDigest: moved,
    });
    expect(writes()).toBe(0);
    const over = await sync(cfg, ['--overwrite']);
    expect(over.rows.find((r) => r.tag === '1.0.0')).toMatchObject({
      status: 'overwritten',
      sourceDigest: moved,
    });
    expect((await getManifestRaw({ url: dst.url }, 'mirror/app', '1.0.0'))?.digest).toBe(moved);

    // Wrong: a listing digest nobody holds is checked against the source: up to date, no false drift.
    const bogus = `sha256:${'0'.repeat(64)}`;
    hub.set('acme/app', '1.1.0', bogus);
    const wrong = await sync(cfg);
    expect(wrong.rows.find((r) => r.tag === '1.1.0')).toMatchObject({
      status: 'skipped',
      reason: 'up-to-date',
    });
    expect(sourceHeads()).toBe(1);
    // A fresh destination with that wrong listing: the copy uses the source's real bytes and digest.
    const cold = await sync(
      config('stale-cold', `{ api: dockerhub, url: "${hub.url}" }`, 'fresh/app', HUB_CRED),
    );
    expect(cold.rows.every((r) => r.status === 'copied')).toBe(true);
    const real = (await getManifestRaw({ url: src.url }, 'acme/app', '1.1.0'))?.digest;
    expect((await getManifestRaw({ url: dst.url }, 'fresh/app', '1.1.0'))?.digest).toBe(real);
    await hub.refresh();
  });

  it('a refused, hidden or rate-limited listing falls back to one HEAD per tag', async () => {
    const wrongPw = config(
      'hub-bad',
      `{ api: dockerhub, url: "${hub.url}" }`,
      'mirror/app',
      HUB_CRED.replace(PASSWORD, 'nope'),
    );
    const refused = await sync(wrongPw);
    expect(refused.code).toBe(0);
    expect(refused.stderr).toContain(
      'dockerhub listing of acme/app: POST /v2/users/login: HTTP 401; planning with one HEAD per tag',
    );
    expect(sourceHeads()).toBe(TAGS.length);

    // Anonymous: Hub hides a private repository (404).
    const anon = await sync(config('hub-anon', `{ api: dockerhub, url: "${hub.url}" }`));
    expect(anon.stderr).toContain('tags: HTTP 404; planning with one HEAD per tag');
    expect(anon.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date')).toBe(true);

    hub.throttle(100);
    const limited = await sync(
      config('hub-429', `{ api: dockerhub, url: "${hub.url}" }`, 'mirror/app', HUB_CRED),
      ['--retries', '1'],
    );
    expect(limited.stderr).toContain('HTTP 429; planning with one HEAD per tag');
    expect(limited.rows.every((r) => r.status === 'skipped')).toBe(true);
    hub.throttle(0);
  });

  it('Quay API: pages with has_additional, bearer token from the credential; a bad token falls back', async () => {
    await quay.refresh(); // tag 1.0.0 moved in an earlier test
    const host = `    credential: { value: "${QUAY_TOKEN}" }\n`;
    const cfg = config('quay', `{ api: quay, url: "${quay.url}" }`, 'mirror/app', host);
    const warm = await sync(cfg);
    expect(warm.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date (listing)')).toBe(true);
    expect(sourceHeads()).toBe(0);
    expect(quay.requests.map((q) => q.url.searchParams.get('page'))).toEqual(['1', '2', '3']);
    expect(quay.requests.every((q) => q.headers.authorization === `Bearer ${QUAY_TOKEN}`)).toBe(true);

    const bad = await sync(
      config(
        'quay-bad',
        `{ api: quay, url: "${quay.url}" }`,
        'mirror/app',
        `    credential: { value: "wrong" }\n`,
      ),
    );
    expect(bad.stderr).toContain('quay listing of acme/app: GET /api/v1/repository/acme/app/tag/: HTTP 401');
    expect(sourceHeads()).toBe(TAGS.length);
  });
});
