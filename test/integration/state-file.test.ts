/**
 * `--state-file`: the CLI's state of known destination digests, against real registries behind
 * counting proxies. A warm run with the state asks the destination nothing and the source one tag
 * list per repository plus one HEAD per tag; an entry that is stale, foreign or no longer the
 * source's digest is never trusted, so drift is still detected live.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import {
  buildImage,
  type FaultProxy,
  pushContent,
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
let s: FaultProxy;
let d: FaultProxy;
let dir: TempDir;
let configPath: string;
let statePath: string;

const REPOS = ['a', 'b'];
const TAGS = ['1.0.0', '1.1.0'];

interface Row {
  destination: string;
  status: string;
  reason?: string;
  sourceDigest?: string;
  destinationDigest?: string;
}

interface StateDoc {
  version: number;
  destinations: Record<string, { digest: string; seenAt: number }>;
}

function reset(): void {
  s.requests.length = 0;
  d.requests.length = 0;
}

async function sync(
  extra: string[] = [],
): Promise<{ code: number; rows: Row[]; summary: Record<string, number> }> {
  const r = await cli(['sync', configPath, '-o', 'json', ...extra]);
  const doc = JSON.parse(r.stdout);
  expect(validateReport(doc)).toEqual([]);
  return {
    code: r.code,
    rows: (doc.report.results as { tags: Row[] }[]).flatMap((e) => e.tags),
    summary: doc.report.summary,
  };
}

const requestsOf = (p: FaultProxy) => p.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`).sort();
const readState = (): StateDoc => JSON.parse(readFileSync(statePath, 'utf8'));
const ref = (repo: string, tag: string) => `${d.host}/mirror/${repo}:${tag}`;

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  [s, d] = await Promise.all([startFaultProxy(src.url), startFaultProxy(dst.url)]);
  dir = tempDir('state-file-test-');
  for (const repo of REPOS)
    for (const tag of TAGS)
      await pushContent(
        src,
        `team/${repo}`,
        tag,
        buildImage({ seed: `${repo}-${tag}`, sharedLayerSize: 20_000, uniqueLayerSize: 2_000 }),
      );
  configPath = join(dir.path, 'mirror.yaml');
  statePath = join(dir.path, 'state', 'oci-mirror-state.json');
  writeFileSync(
    configPath,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
${REPOS.map((r) => `  - name: ${r}\n    source: ${s.host}/team/${r}\n    destination: ${d.host}/mirror/${r}\n    selector: { limit: 0 }`).join('\n')}
`,
  );
});

afterAll(async () => {
  await Promise.all([s?.stop(), d?.stop()]);
  dir?.cleanup();
  await stopAll();
});

describe('oci-mirror sync --state-file', () => {
  it('learns on a cold run; a warm run costs one tag list per repository and one HEAD per source tag, nothing at the destination', async () => {
    const cold = await sync(['--state-file', statePath]);
    expect(cold.code).toBe(0);
    expect(cold.summary).toMatchObject({ copied: 4, failed: 0 });
    const state = readState();
    expect(state.version).toBe(1);
    expect(Object.keys(state.destinations).sort()).toEqual(
      REPOS.flatMap((r) => TAGS.map((t) => ref(r, t))).sort(),
    );
    for (const row of cold.rows) expect(state.destinations[row.destination]?.digest).toBe(row.sourceDigest);

    // Without the state: one HEAD per destination tag on top (the uncached baseline).
    reset();
    const plain = await sync();
    expect(plain.summary).toMatchObject({ skipped: 4, copied: 0 });
    expect(requestsOf(d)).toEqual(
      REPOS.flatMap((r) => TAGS.map((t) => `HEAD /v2/mirror/${r}/manifests/${t}`)).sort(),
    );

    reset();
    const warm = await sync(['--state-file', statePath]);
    expect(warm.code).toBe(0);
    expect(warm.summary).toMatchObject({ skipped: 4, copied: 0, failed: 0 });
    for (const r of warm.rows) {
      expect(r.reason).toMatch(/^up-to-date \(remembered: state file, confirmed \d+m ago\)$/);
      // Decided from memory: no destination digest is claimed.
      expect(r.destinationDigest).toBeUndefined();
    }
    expect(d.requests).toEqual([]);
    expect(requestsOf(s)).toEqual(
      [
        ...REPOS.map((r) => `GET /v2/team/${r}/tags/list`),
        ...REPOS.flatMap((r) => TAGS.map((t) => `HEAD /v2/team/${r}/manifests/${t}`)),
      ].sort(),
    );
    expect(warm.summary.requests).toBe(REPOS.length + REPOS.length * TAGS.length);
    expect(warm.summary.requests).toBeLessThan(plain.summary.requests ?? 0);
  });

  it('never trusts an entry that is not the source digest, is expired, or is foreign: drift is found live', async () => {
    // 1. The source moved: the state's digest (the old source digest) is no longer the source's.
    await pushContent(src, 'team/a', '1.1.0', buildImage({ seed: 'a-1.1.0-moved', uniqueLayerSize: 2_000 }));
    // 2. Drift behind the mirror's back, for an entry we then make expired, and for one made foreign.
    await pushContent(
      dst,
      'mirror/b',
      '1.0.0',
      buildImage({ seed: 'b-drift-expired', uniqueLayerSize: 1_000 }),
    );
    await pushContent(
      dst,
      'mirror/b',
      '1.1.0',
      buildImage({ seed: 'b-drift-foreign', uniqueLayerSize: 1_000 }),
    );
    const state = readState();
    const expired = state.destinations[ref('b', '1.0.0')];
    const foreign = state.destinations[ref('b', '1.1.0')];
    if (!expired || !foreign) throw new Error('state lacks the b entries');
    expired.seenAt = Date.now() - 25 * 60 * 60 * 1000; // older than the default 24h TTL
    foreign.digest = `sha256:${'0'.repeat(64)}`; // fresh, but not the source digest
    writeFileSync(statePath, JSON.stringify(state));

    reset();
    const run = await sync(['--state-file', statePath]);
    expect(run.code).toBe(2);
    const byDst = Object.fromEntries(run.rows.map((r) => [r.destination, r]));
    expect(byDst[ref('a', '1.0.0')]).toMatchObject({ status: 'skipped' });
    expect(byDst[ref('a', '1.0.0')]?.reason).toMatch(/^up-to-date \(remembered/);
    for (const [repo, tag] of [
      ['a', '1.1.0'],
      ['b', '1.0.0'],
      ['b', '1.1.0'],
    ] as const) {
      expect(byDst[ref(repo, tag)]?.status, `${repo}:${tag}`).toBe('drifted');
      expect(byDst[ref(repo, tag)]?.destinationDigest).not.toBe(byDst[ref(repo, tag)]?.sourceDigest);
    }
    // Exactly the three untrusted destinations were asked, once each; the trusted one was not.
    expect(requestsOf(d)).toEqual(
      [
        'HEAD /v2/mirror/a/manifests/1.1.0',
        'HEAD /v2/mirror/b/manifests/1.0.0',
        'HEAD /v2/mirror/b/manifests/1.1.0',
      ].sort(),
    );
    // The state now says what the destinations really hold, confirmed just now.
    const after = readState();
    for (const [repo, tag] of [
      ['a', '1.1.0'],
      ['b', '1.0.0'],
      ['b', '1.1.0'],
    ] as const) {
      expect(after.destinations[ref(repo, tag)]?.digest).toBe(byDst[ref(repo, tag)]?.destinationDigest);
      expect(Date.now() - (after.destinations[ref(repo, tag)]?.seenAt ?? 0)).toBeLessThan(60_000);
    }
    // Drifted entries stay untrusted on the next run too (their digest is not the source's).
    reset();
    const again = await sync(['--state-file', statePath, '--overwrite']);
    expect(again.code).toBe(0);
    expect(again.summary).toMatchObject({ overwritten: 3, skipped: 1 });
    expect(d.requests.filter((r) => r.method === 'HEAD' && r.path.includes('/manifests/1.'))).toHaveLength(3);
  });

  it('starts cold from a corrupt or foreign-version file and rewrites it; rejects bad flags', async () => {
    writeFileSync(statePath, 'not json at all');
    reset();
    const corrupt = await sync(['--state-file', statePath, '--state-ttl', '7d']);
    expect(corrupt.code).toBe(0);
    expect(corrupt.rows.every((r) => r.reason === 'up-to-date')).toBe(true);
    expect(d.requests.filter((r) => r.method === 'HEAD')).toHaveLength(4);
    expect(Object.keys(readState().destinations)).toHaveLength(4);

    const v2 = readState();
    writeFileSync(statePath, JSON.stringify({ ...v2, version: 99 }));
    reset();
    await sync(['--state-file', statePath]);
    expect(d.requests.filter((r) => r.method === 'HEAD')).toHaveLength(4);

    expect((await cli(['sync', configPath, '--state-ttl', '1h'])).code).toBe(3);
    const bad = await cli(['sync', configPath, '--state-file', statePath, '--state-ttl', 'soon']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('--state-ttl');
  });
});
