/**
 * Issue 9, point 8. A deterministic fault matrix — one fault kind on every request of one
 * operation (tag list at either side, manifest GET/HEAD/PUT, blob GET/HEAD/POST/PATCH/PUT) — where each run
 * must end correct or fail cleanly (side and reason named, no wrong tag left), and a clean run
 * after it must repair everything; and a soak: 200 tags through the proxy at a 20 % fault rate
 * with the default retries, source-side then destination-side, which must end fully correct.
 * Real registries; the fault proxy is the harness's.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildImage,
  type FaultMatchInput,
  type FaultProxy,
  type FaultRule,
  getManifestRaw,
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
const proxies: FaultProxy[] = [];
const SOAK_TAGS = Array.from({ length: 200 }, (_, i) => `1.0.${i}`);
const soakDigests = new Map<string, string>();
let matrixDigest = '';

/** A small seeded PRNG (mulberry32), so a soak's fault draws repeat for the same request order. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  tag?: string;
  status: string;
  error?: { message: string; side?: string; operation?: string };
}

async function sync(name: string, body: string, ...flags: string[]) {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(path, body);
  const r = await cli(['sync', path, '-o', 'json', ...flags]);
  const doc = JSON.parse(r.stdout);
  const entries = doc.report.results as { error?: Row['error']; tags: Row[] }[];
  return { code: r.code, entries, rows: entries.flatMap((e) => e.tags), summary: doc.report.summary };
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  dir = tempDir('soak-test-');
  const single = [{ os: 'linux', architecture: 'amd64' }];
  // Matrix: one two-platform image whose unique layers are 3 KiB (3+ PATCHes at 1 KiB chunks).
  matrixDigest = await pushContent(
    src,
    'matrix/app',
    '1.0',
    buildImage({ seed: 'matrix', sharedLayerSize: 2_048, uniqueLayerSize: 3_000 }),
  );
  // Soak: 200 single-platform images sharing a base layer, tiny unique layers.
  // Sequential: concurrent uploads of the shared layer to one repository race in distribution.
  for (const tag of SOAK_TAGS) {
    const img = buildImage({
      seed: `soak-${tag}`,
      sharedSeed: 'soak-base',
      platforms: single,
      index: false,
      sharedLayerSize: 1_024,
      uniqueLayerSize: 200,
    });
    soakDigests.set(tag, await pushContent(src, 'soak/app', tag, img));
  }
}, 120_000);
afterAll(async () => {
  await Promise.all(proxies.map((p) => p.stop()));
  dir?.cleanup();
  await stopAll();
});

type Op = {
  name: string;
  side: 'source' | 'destination';
  match: (r: FaultMatchInput) => boolean;
  /**
   * The destination repository holds another tag before the run: blobs are then looked up (HEAD)
   * before upload. Into a repository without tags the copy uploads without asking.
   */
  seeded?: boolean;
  /** A fault here may only cost speed: the run must end correct, never fail. */
  harmless?: boolean;
};
const OPS: Op[] = [
  { name: 'tag list', side: 'source', match: (r) => r.method === 'GET' && r.path.includes('/tags/list') },
  {
    name: 'destination tag list',
    side: 'destination',
    match: (r) => r.method === 'GET' && r.path.includes('/tags/list'),
    harmless: true,
  },
  {
    name: 'manifest GET',
    side: 'source',
    match: (r) => r.method === 'GET' && r.path.includes('/manifests/'),
  },
  { name: 'blob GET', side: 'source', match: (r) => r.method === 'GET' && r.path.includes('/blobs/sha256:') },
  {
    name: 'manifest HEAD',
    side: 'destination',
    match: (r) => r.method === 'HEAD' && r.path.includes('/manifests/'),
  },
  {
    name: 'manifest PUT',
    side: 'destination',
    match: (r) => r.method === 'PUT' && r.path.includes('/manifests/'),
  },
  {
    name: 'blob HEAD',
    side: 'destination',
    match: (r) => r.method === 'HEAD' && r.path.includes('/blobs/sha256:'),
    seeded: true,
  },
  {
    name: 'blob POST',
    side: 'destination',
    match: (r) => r.method === 'POST' && r.path.includes('/blobs/uploads/'),
  },
  { name: 'blob PATCH', side: 'destination', match: (r) => r.method === 'PATCH' },
  {
    name: 'blob PUT',
    side: 'destination',
    match: (r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/'),
  },
];
type Kind = { name: string; rule: FaultRule };
const KINDS: Kind[] = [
  { name: '503', rule: { status: 503 } },
  { name: '429', rule: { status: 429, retryAfter: '0' } },
  { name: 'reset', rule: { reset: true } },
  { name: 'cut body', rule: { resetAfterBytes: 7 } },
  { name: 'lost answer', rule: { dropAnswer: true } },
  { name: 'flipped answer byte', rule: { corruptByte: 5 } },
  { name: 'flipped request byte', rule: { corruptRequestByte: 40 } },
];

describe('fault matrix: one fault kind on every request of one operation', () => {
  const cases = OPS.flatMap((op) => KINDS.map((kind) => ({ op, kind })));
  it(`${cases.length} cases: each run is correct or a clean failure, and a clean run repairs it`, async () => {
    const outcomes: string[] = [];
    const runCase = async ({ op, kind }: (typeof cases)[number], i: number) => {
      const p = await startFaultProxy(op.side === 'source' ? src.url : dst.url);
      proxies.push(p);
      const srcHost = op.side === 'source' ? p.host : src.host;
      const dstHost = op.side === 'destination' ? p.host : dst.host;
      const repo = `matrix/case${i}`;
      const body = `apiVersion: oci-mirror/v1
kind: Config
hosts:
  - host: ${dstHost}
    maxChunkSize: ${op.name === 'blob PATCH' ? 1 : 0}
artifacts:
  - source: ${srcHost}/matrix/app
    destination: ${dstHost}/${repo}
    selector: { limit: 0 }
`;
      if (op.seeded)
        await pushContent(dst, repo, 'seed', buildImage({ seed: 'matrix-seed', sharedLayerSize: 2_048 }));
      p.rules = [{ ...kind.rule, match: op.match } as FaultRule];
      const faulty = await sync(`case${i}`, body, '--retries', '1', '--timeout', '20s');
      const applied = p.requests.filter((r) => r.fault !== undefined).length;
      if (op.seeded || op.harmless)
        expect(applied, `${op.name} × ${kind.name}: faults applied`).toBeGreaterThan(0);
      if (op.harmless)
        expect(faulty.code, `${op.name} × ${kind.name}: ${faulty.rows[0]?.error?.message}`).toBe(0);
      p.rules = [];
      const row = faulty.rows[0];
      const held = (await getManifestRaw(dst, repo, '1.0'))?.digest;
      const label = `${op.name} × ${kind.name}`;
      if (faulty.code === 0) {
        expect(row?.status, label).toBe('copied');
        expect(held, label).toBe(matrixDigest);
        outcomes.push(`${label}: correct (${applied} faults)`);
      } else {
        const error = row?.error ?? faulty.entries[0]?.error;
        expect(error?.side, `${label}: ${error?.message}`).toBe(op.side);
        expect(error?.message, label).toBeTruthy();
        // A failed run leaves no tag, or the right one (a write whose answer was lost).
        expect(held === undefined || held === matrixDigest, label).toBe(true);
        outcomes.push(`${label}: clean failure (${applied} faults): ${error?.message.slice(0, 100)}`);
      }
      const clean = await sync(`case${i}-clean`, body);
      expect(clean.code, `${label} then clean`).toBe(0);
      expect((await getManifestRaw(dst, repo, '1.0'))?.digest, `${label} then clean`).toBe(matrixDigest);
    };
    for (let i = 0; i < cases.length; i += 8)
      await Promise.all(cases.slice(i, i + 8).map((c, j) => runCase(c, i + j)));
    const correct = outcomes.filter((o) => o.includes(': correct')).length;
    console.log(
      `fault matrix: ${cases.length} cases, ${correct} correct, ${cases.length - correct} clean failures\n${outcomes.join('\n')}`,
    );
  }, 300_000);
});

describe('soak: 200 tags at a 20 % fault rate, default retries', () => {
  /**
   * One in five requests of the side's operations gets a fault, its kind drawn evenly: rule i of k
   * (tried in order) fires with probability q / (1 - i q), q = 0.2 / k. Altered request bodies are
   * left to the matrix: a registry refuses most of them outright (a clean failure, not a retry).
   */
  const soakRules = (side: 'source' | 'destination'): FaultRule[] => {
    const ops = OPS.filter((o) => o.side === side);
    const kinds = KINDS.filter((k) => k.name !== 'flipped request byte');
    const q = 0.2 / kinds.length;
    return ops.flatMap((op) =>
      kinds.map((k, i) => ({ ...k.rule, chance: q / (1 - i * q), match: op.match }) as FaultRule),
    );
  };

  for (const side of ['source', 'destination'] as const) {
    it(`${side}-side faults: every tag ends mirrored correctly`, async () => {
      const random = seeded(side === 'source' ? 1 : 2);
      const p = await startFaultProxy(side === 'source' ? src.url : dst.url, [], { random });
      proxies.push(p);
      p.rules = soakRules(side);
      const srcHost = side === 'source' ? p.host : src.host;
      const dstHost = side === 'destination' ? p.host : dst.host;
      const repo = `soak/${side}`;
      const t0 = performance.now();
      const r = await sync(
        `soak-${side}`,
        `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${srcHost}/soak/app
    destination: ${dstHost}/${repo}
    selector: { limit: 0 }
`,
        '--concurrency',
        '8',
      );
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      const faults = p.requests.filter((q) => q.fault !== undefined);
      const byKind = new Map<string, number>();
      for (const f of faults) byKind.set(f.fault as string, (byKind.get(f.fault as string) ?? 0) + 1);
      console.log(
        `soak ${side}: ${SOAK_TAGS.length} tags, ${p.requests.length} requests through the proxy, ${faults.length} faults (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), ${seconds}s, summary ${JSON.stringify(r.summary)}`,
      );
      p.rules = [];
      const failed = r.rows.filter((row) => row.status !== 'copied');
      expect(failed.map((f) => `${f.tag}: ${f.error?.message}`)).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.summary.copied).toBe(SOAK_TAGS.length);
      expect(faults.length).toBeGreaterThan(SOAK_TAGS.length / 2);
      for (const tag of SOAK_TAGS)
        expect((await getManifestRaw(dst, repo, tag))?.digest, tag).toBe(soakDigests.get(tag));
      // An independent reader agrees on a sample.
      for (const tag of ['1.0.0', '1.0.99', '1.0.199']) {
        const raw = await skopeoInspectRaw(dst, `${repo}:${tag}`);
        expect(JSON.parse(raw).schemaVersion).toBe(2);
      }
    }, 180_000);
  }
});
