/**
 * ECR's DescribeImages as a listing, with the AWS credentials of the host's `provider: ecr`,
 * against the protocol-faithful fake (SigV4 recomputed with the issued secret, `nextToken` paging,
 * `filter.tagStatus`, AccessDenied/Throttling answers) serving a real registry's digests: a warm
 * run HEADs no source tag; a stale listing delays a copy and a fresh one lets the source's own HEAD
 * decide; a missing permission or throttling falls back to one HEAD per tag. (Bad keys fail the
 * registry login itself, listing or not.)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import type { TagResult } from '../../src/sync/model.js';
import { sync } from '../../src/sync/sync.js';
import { type AwsFake, startAwsFake } from '../fakes/aws.js';
import { type OidcIssuer, startOidcIssuer } from '../fakes/oidc-issuer.js';
import {
  buildImage,
  type FaultProxy,
  getManifestRaw,
  listTags,
  pushContent,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';

const TAGS = Array.from({ length: 6 }, (_, i) => `3.${i}.0`);
const REPO = 'team/app';
let issuer: OidcIssuer;
let aws: AwsFake;
let src: TestRegistry;
let dst: TestRegistry;
let s: FaultProxy;
let d: FaultProxy;
let dir: TempDir;
let file: string;

/** What ECR would list for the repository now: digest → tags, platform manifests untagged. */
async function refreshImages(): Promise<void> {
  const images = new Map<string, string[]>();
  for (const tag of await listTags({ url: src.url }, REPO)) {
    const m = await getManifestRaw({ url: src.url }, REPO, tag);
    if (!m) continue;
    images.set(m.digest, [...(images.get(m.digest) ?? []), tag]);
    const parsed = JSON.parse(m.bytes.toString('utf8')) as { manifests?: { digest: string }[] };
    for (const c of parsed.manifests ?? []) if (!images.has(c.digest)) images.set(c.digest, []);
  }
  aws.images.set(REPO, images);
}

beforeAll(async () => {
  issuer = await startOidcIssuer({ subject: 'unused' });
  aws = await startAwsFake({
    issuer,
    roleArn: 'arn:aws:iam::123456789012:role/unused',
    subject: 'unused',
    region: 'eu-west-1',
    password: 'unused',
  });
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  [s, d] = await Promise.all([startFaultProxy(src.url), startFaultProxy(dst.url)]);
  dir = tempDir('listing-ecr-');
  for (const tag of TAGS)
    await pushContent(src, REPO, tag, buildImage({ seed: `ecr-${tag}`, uniqueLayerSize: 600 }));
  await refreshImages();
  aws.describePageSize = 4;
  file = join(dir.path, 'ecr.yaml');
  writeFileSync(
    file,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${s.host}/${REPO}
    destination: ${d.host}/mirror/app
    selector: { limit: 0 }
hosts:
  - host: ${s.host}
    provider: ecr
    region: eu-west-1
`,
  );
}, 90_000);

afterAll(async () => {
  await Promise.all([s?.stop(), d?.stop(), aws?.stop(), issuer?.stop()]);
  dir?.cleanup();
  await stopAll();
});

async function run(secret = aws.longTerm.secretAccessKey, extra: { overwrite?: boolean } = {}) {
  s.requests.length = 0;
  d.requests.length = 0;
  aws.describeCalls.length = 0;
  const logs: string[] = [];
  const result = await sync(await loadConfig({ path: file, env: {} }), {
    env: { AWS_ACCESS_KEY_ID: aws.longTerm.accessKeyId, AWS_SECRET_ACCESS_KEY: secret },
    endpoints: aws.endpoints,
    dockerConfig: false,
    retries: 0,
    ...extra,
    onEvent: (e) => {
      if (e.type === 'log') logs.push(e.message);
    },
  });
  const rows = result.entries[0]?.tags ?? [];
  return { result, rows, logs };
}

const sourceHeads = () =>
  s.requests.filter((q) => q.method === 'HEAD' && q.path.includes('/manifests/')).length;
const writes = () => d.requests.filter((q) => q.method === 'PUT' || q.method === 'POST').length;
const row = (rows: TagResult[], tag: string) => rows.find((r) => r.tag === tag);

describe('ECR DescribeImages listing', () => {
  it('plans from DescribeImages (SigV4, TAGGED, nextToken paging) and HEADs no source tag; a stale listing is handled', async () => {
    const cold = await run();
    expect(cold.result.summary).toMatchObject({ copied: TAGS.length, failed: 0 });
    const warm = await run();
    expect(warm.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date (listing)')).toBe(true);
    expect(sourceHeads()).toBe(0);
    expect(aws.describeCalls).toEqual([
      { repositoryName: REPO, maxResults: 1000, filter: { tagStatus: 'TAGGED' } },
      {
        repositoryName: REPO,
        maxResults: 1000,
        filter: { tagStatus: 'TAGGED' },
        nextToken: expect.any(String),
      },
    ]);
    expect(warm.logs).toContain(
      `${s.host}/${REPO}: listing gave ${TAGS.length} tag digests in 2 requests; ${TAGS.length} source HEADs saved`,
    );
    expect(warm.result.hosts?.find((h) => h.host === s.host)?.listingSaved).toBe(TAGS.length);

    // Stale: tag 3.0.0 moved at the source, ECR's answer still has the old digest: delayed, no write.
    await pushContent(src, REPO, '3.0.0', buildImage({ seed: 'ecr-moved', uniqueLayerSize: 600 }));
    const moved = (await getManifestRaw({ url: src.url }, REPO, '3.0.0'))?.digest;
    const stale = await run();
    expect(row(stale.rows, '3.0.0')).toMatchObject({ status: 'skipped', reason: 'up-to-date (listing)' });
    expect(writes()).toBe(0);
    // Fresh: the source's own HEAD decides: drift with the real digest, no write; overwrite writes it.
    await refreshImages();
    const fresh = await run();
    expect(row(fresh.rows, '3.0.0')).toMatchObject({ status: 'drifted', sourceDigest: moved });
    expect(sourceHeads()).toBe(1);
    expect(writes()).toBe(0);
    const over = await run(undefined, { overwrite: true });
    expect(row(over.rows, '3.0.0')).toMatchObject({ status: 'overwritten', sourceDigest: moved });
    expect((await getManifestRaw({ url: dst.url }, 'mirror/app', '3.0.0'))?.digest).toBe(moved);
    // Wrong: a digest nobody holds is checked at the source: up to date, no false drift.
    const images = aws.images.get(REPO) as Map<string, string[]>;
    for (const [digest, tags] of images)
      images.set(
        digest,
        tags.filter((t) => t !== '3.1.0'),
      );
    images.set(`sha256:${'2'.repeat(64)}`, ['3.1.0']);
    const wrong = await run();
    expect(row(wrong.rows, '3.1.0')).toMatchObject({ status: 'skipped', reason: 'up-to-date' });
    expect(writes()).toBe(0);
    await refreshImages();
  });

  it('no ecr:DescribeImages permission, or throttling: one HEAD per tag, nothing fails', async () => {
    aws.denyDescribe = true;
    const denied = await run();
    aws.denyDescribe = false;
    expect(denied.result.summary.failed).toBe(0);
    expect(denied.logs.join('\n')).toMatch(
      /ecr listing of team\/app: .*DescribeImages.*AccessDeniedException.*the role needs `ecr:DescribeImages`; planning with one HEAD per tag/,
    );
    expect(sourceHeads()).toBe(TAGS.length);

    aws.throttleDescribe = 100;
    const throttled = await run();
    aws.throttleDescribe = 0;
    expect(throttled.logs.join('\n')).toContain('ThrottlingException');
    expect(throttled.rows.every((r) => r.status === 'skipped' && r.reason === 'up-to-date')).toBe(true);
  });
});
