/**
 * Sharding (`--shard i/n`) and `merge-reports`, against real registries: the same config run once
 * and as 4 (and 3, by tag) concurrent shard processes leaves the same destination state, the shards'
 * merged report equals the single run's (apart from timing and request counts, per host too), and no two shards
 * write the same tag.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
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
import { cli, spawnCli } from './cli-run.js';

const REPOS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const TAGS = ['1.0.0', '1.1.0', '2.0.0'];

let src: TestRegistry;
let dir: TempDir;

/** A destination registry behind a proxy that records every request. */
interface Destination {
  registry: TestRegistry;
  proxy: FaultProxy;
}

async function destination(): Promise<Destination> {
  const registry = await startRegistry();
  return { registry, proxy: await startFaultProxy(registry.url) };
}

/** The config, written under its own directory so that every run shows the same config path. */
function config(dst: Destination, name: string): string {
  const host = dst.proxy.host;
  const entries = REPOS.map(
    (r) => `  - name: ${r}
    source: ${src.host}/team/${r}
    destination: ${host}/mirror/${r}
    selector: { limit: 0 }`,
  );
  // Two entries of one source repository (kept in one shard by repository), and a fan-out.
  entries.push(`  - name: a-again
    source: ${src.host}/team/a
    destinations: [${host}/again/a, ${host}/fanout/a]
    selector: { semver: ">=1.1.0", limit: 0 }`);
  entries.push(`  - name: missing
    source: ${src.host}/team/nothing-here
    destination: ${host}/mirror/nothing-here`);
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(path, `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n${entries.join('\n')}\n`);
  return path;
}

/** Every tag of every repository the config writes, with its digest. */
async function destinationState(dst: Destination): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const target = { url: dst.registry.url };
  for (const repo of [...REPOS.map((r) => `mirror/${r}`), 'again/a', 'fanout/a', 'mirror/nothing-here'])
    for (const tag of await listTags(target, repo))
      out[`${repo}:${tag}`] = (await getManifestRaw(target, repo, tag))?.digest ?? '';
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: report documents are checked against the schema.
type Doc = any;

/**
 * A report with what legitimately differs between runs taken out: timing, request counts, the
 * destination host, and how each row's blobs were obtained (which tag streams a shared blob and
 * which mounts it depends on who gets there first; the blobs each row needed do not).
 */
function comparable(doc: Doc, host: string): Doc {
  const d = JSON.parse(JSON.stringify(doc).replaceAll(host, 'DST'));
  delete d.report.timestamp;
  delete d.report.durationMs;
  delete d.report.summary.requests;
  delete d.report.hosts;
  delete d.report.summary.bytes;
  delete d.report.summary.blobs;
  for (const e of d.report.results)
    for (const t of e.tags) {
      delete t.durationMs;
      delete t.bytes;
      t.blobs = t.blobs.copied + t.blobs.mounted + t.blobs.existing;
    }
  return d;
}

async function single(cfg: string): Promise<Doc> {
  const r = await cli(['sync', cfg, '-o', 'json'], { cwd: dir.path });
  expect(r.code, r.stderr).toBe(1); // the missing repository fails its entry
  const doc = JSON.parse(r.stdout);
  expect(validateReport(doc)).toEqual([]);
  return doc;
}

/** n concurrent shard processes, then merge-reports; returns the merged report and the shards'. */
async function sharded(
  cfg: string,
  n: number,
  by: string,
  label: string,
  processes: boolean,
): Promise<{ merged: Doc; shards: Doc[]; code: number }> {
  const files = Array.from({ length: n }, (_, i) => join(dir.path, `${label}-${i + 1}.json`));
  const args = (f: string, i: number) => [
    'sync',
    cfg,
    '--shard',
    `${i + 1}/${n}`,
    '--shard-by',
    by,
    '--report-file',
    f,
    '-o',
    'json',
  ];
  const runs = await Promise.all(
    files.map((f, i) => (processes ? spawnCli(args(f, i), dir.path) : cli(args(f, i), { cwd: dir.path }))),
  );
  for (const r of runs) expect(r.stderr).not.toContain('unexpected error');
  for (const r of runs) expect([0, 1], r.stderr).toContain(r.code);
  const shards = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  for (const s of shards) expect(validateReport(s)).toEqual([]);
  const m = await cli(['merge-reports', ...files, '-o', 'json'], { cwd: dir.path });
  const merged = JSON.parse(m.stdout);
  expect(validateReport(merged)).toEqual([]);
  return { merged, shards, code: m.code };
}

/** Manifest PUTs by tag, per `repo:tag`, from a proxy's log. */
function tagWrites(p: FaultProxy): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of p.requests) {
    const m = /^\/v2\/(.+)\/manifests\/([^/]+)$/.exec(r.path.split('?')[0] ?? '');
    if (r.method !== 'PUT' || !m || (m[2] as string).startsWith('sha256:')) continue;
    const key = `${m[1]}:${m[2]}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

beforeAll(async () => {
  src = await startRegistry();
  dir = tempDir('shard-test-');
  for (const repo of REPOS)
    for (const tag of TAGS)
      await pushContent(
        src,
        `team/${repo}`,
        tag,
        buildImage({ seed: `${repo}-${tag}`, sharedLayerSize: 20_000, uniqueLayerSize: 2_000 }),
      );
}, 60_000);

afterAll(async () => {
  dir?.cleanup();
  await stopAll();
});

describe('--shard i/n and merge-reports', () => {
  // Separate processes for the default; in-process concurrent runs (cheaper) for the others.
  it.each([
    ['repository', 4, true],
    ['entry', 4, false],
    ['tag', 3, false],
  ] as const)(
    'by %s: %i concurrent shards leave the same destination state and merge into the single run’s report',
    async (by, n, processes) => {
      const [one, many] = await Promise.all([destination(), destination()]);
      try {
        const cfgOne = config(one, `one-${by}`);
        const cfgMany = config(many, `many-${by}`);
        const base = await single(cfgOne);
        const cold = await sharded(cfgMany, n, by, `cold-${by}`, processes);
        expect(cold.code).toBe(1);

        // Same destination state.
        const [stateOne, stateMany] = await Promise.all([destinationState(one), destinationState(many)]);
        expect(Object.keys(stateOne).length).toBe(REPOS.length * TAGS.length + 4);
        expect(stateMany).toEqual(stateOne);

        // No tag written twice, and each shard wrote only its own rows' tags.
        const writes = tagWrites(many.proxy);
        expect([...writes.values()].every((c) => c === 1)).toBe(true);
        expect(writes.size).toBe(Object.keys(stateMany).length);
        const owners = new Map<string, number>();
        for (const [i, s] of cold.shards.entries())
          for (const e of s.report.results)
            for (const t of e.tags) {
              if (t.status !== 'copied') continue;
              expect(owners.get(t.destination), `${t.destination} written by two shards`).toBeUndefined();
              owners.set(t.destination, i);
            }
        expect(owners.size).toBe(writes.size);
        // Every shard got work (7 repositories over 4 shards; 24 tags over 3).
        for (const s of cold.shards) expect(s.report.results.length).toBeGreaterThan(0);

        const norm = (doc: Doc, host: string, cfg: string) => {
          const d = comparable(doc, host);
          return JSON.parse(JSON.stringify(d).replaceAll(cfg, 'CONFIG'));
        };
        expect(norm(cold.merged, many.proxy.host, cfgMany)).toEqual(norm(base, one.proxy.host, cfgOne));
        expect(cold.merged.report.shard).toBeUndefined();

        // Warm: all skipped, and the reports are equal but for timing and request counts.
        const warmOne = await single(cfgOne);
        const warm = await sharded(cfgMany, n, by, `warm-${by}`, processes);
        expect(warm.merged.report.summary).toMatchObject({
          skipped: warmOne.report.summary.skipped,
          copied: 0,
        });
        const strict = (doc: Doc, host: string, cfg: string) => {
          const d = JSON.parse(JSON.stringify(doc).replaceAll(host, 'DST').replaceAll(cfg, 'CONFIG'));
          delete d.report.timestamp;
          delete d.report.durationMs;
          delete d.report.summary.requests;
          delete d.report.hosts;
          for (const e of d.report.results) for (const t of e.tags) delete t.durationMs;
          return d;
        };
        expect(strict(warm.merged, many.proxy.host, cfgMany)).toEqual(
          strict(warmOne, one.proxy.host, cfgOne),
        );
      } finally {
        await Promise.all([one.proxy.stop(), many.proxy.stop(), one.registry.stop(), many.registry.stop()]);
      }
    },
    240_000,
  );

  it('a shard that gets nothing succeeds with an empty report', async () => {
    const cfg = join(dir.path, 'tiny.yaml');
    writeFileSync(
      cfg,
      `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${src.host}/team/a\n    destination: ${src.host}/copy/a\n    selector: { tags: ["1.0.0"] }\n`,
    );
    const runs = await Promise.all(
      [1, 2, 3].map((i) =>
        cli(
          ['sync', cfg, '--shard', `${i}/3`, '--report-file', join(dir.path, `tiny-${i}.json`), '-o', 'json'],
          {
            cwd: dir.path,
          },
        ),
      ),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const docs = runs.map((r) => JSON.parse(r.stdout));
    expect(docs.map((d) => d.report.results.length).sort()).toEqual([0, 0, 1]);
    const empty = docs.find((d) => d.report.results.length === 0);
    expect(empty.report.summary).toMatchObject({ entries: 0, copied: 0, failed: 0, requests: 0 });

    // Merging needs every shard, from one partition.
    const files = [1, 2, 3].map((i) => join(dir.path, `tiny-${i}.json`));
    const partial = await cli(['merge-reports', files[0] as string, files[1] as string], { cwd: dir.path });
    expect(partial.code).toBe(3);
    expect(partial.stderr).toContain('shard 3/3 missing');
    const dup = await cli(['merge-reports', files[0] as string, ...files], { cwd: dir.path });
    expect(dup.code).toBe(3);
    expect(dup.stderr).toMatch(/shard 1\/3 is also/);
    const other = JSON.parse(readFileSync(files[2] as string, 'utf8'));
    other.report.shard.fingerprint = '0000000000000000';
    writeFileSync(files[2] as string, JSON.stringify(other));
    const foreign = await cli(['merge-reports', ...files], { cwd: dir.path });
    expect(foreign.code).toBe(3);
    expect(foreign.stderr).toContain('partitioned the work differently');
    const text = await cli(['merge-reports', ...files.slice(0, 2), join(dir.path, 'tiny.yaml')], {
      cwd: dir.path,
    });
    expect(text.code).toBe(3);
    expect(text.stderr).toContain('tiny.yaml: not JSON');
  });

  it('rejects bad --shard and --shard-by values', async () => {
    for (const [args, message] of [
      [['--shard', '0/4'], '--shard: expected 1 ≤ i ≤ n'],
      [['--shard', '5/4'], '--shard: expected 1 ≤ i ≤ n'],
      [['--shard', 'two'], '--shard: expected i/n'],
      [['--shard', '1/2', '--shard-by', 'host'], '--shard-by: expected repository, entry or tag'],
      [['--shard-by', 'tag'], '--shard-by: only meaningful with --shard'],
    ] as const) {
      const r = await cli(['sync', 'x.yaml', ...args]);
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(message);
    }
  });
});
