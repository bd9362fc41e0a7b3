/**
 * The planning rows of `npm run bench -- --scale` (issue 14), each against loopback registries:
 * - 1,000 one-tag entries planned (`oci-mirror plan`) behind 25 ms of latency each way: planning
 *   must scale with the requests in flight, not with the number of entries.
 * - 10,000 tags (100 repositories x 100 tags) re-synced warm with a state file, against the HEAD
 *   floor: a script that lists each repository and HEADs every source tag with the same number of
 *   requests in flight as oci-mirror's planner (32 per host), and nothing else.
 * - 500 tags (10 repositories x 50 two-platform tags of bench/refset.ts, small layers) re-synced warm
 *   by oci-mirror and by `skopeo sync` once both copied them (measured in bench/run.ts).
 */
import { writeFileSync } from 'node:fs';

import { Agent, request } from 'undici';
import { mapPool } from '../src/sync/pool.js';
import { MediaTypes, pushBlob, putManifest, type TestRegistry } from '../test/harness/index.js';
import type { CountingProxy } from './proxy.js';

/**
 * A tiny manifest (empty config, no layers) pushed to `repo` under every tag of `tags`. Its bytes
 * depend only on `label` (default `repo`): pushing the same label to a destination repository
 * primes it as a finished mirror would, without copying.
 */
export async function pushTinyImage(
  reg: TestRegistry,
  repo: string,
  tags: string[],
  inFlight = 16,
  label = repo,
) {
  const config = Buffer.from('{}');
  const configDigest = await pushBlob(reg, repo, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: { mediaType: MediaTypes.ociEmpty, digest: configDigest, size: config.length },
      layers: [],
      annotations: { 'org.example.repo': label },
    }),
  );
  await inParallel(tags, inFlight, (tag) => putManifest(reg, repo, tag, manifest, MediaTypes.ociManifest));
}

/** Run `fn` over `items` with `n` in flight (the engine's own pool). */
export async function inParallel<T>(items: readonly T[], n: number, fn: (t: T) => Promise<unknown>) {
  await mapPool(items, n, fn);
}

/** Config of `repos` one-entry-per-repository artifact entries from `src` to `dst`. */
export function writeEntriesConfig(
  path: string,
  repos: readonly string[],
  src: { host: string },
  dst: { host: string },
): string {
  const lines = ['apiVersion: oci-mirror/v1', 'kind: Config', 'artifacts:'];
  for (const repo of repos) {
    lines.push(
      `  - name: ${repo.replaceAll('/', '-')}`,
      `    source: ${src.host}/${repo}`,
      `    destination: ${dst.host}/mirror/${repo}`,
      `    selector: { semver: ">=0.0.0", limit: 0 }`,
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/**
 * The HEAD floor: one tag list per repository and one manifest HEAD per tag, `inFlight` at once
 * through one keep-alive pool, nothing else. Returns wall ms.
 */
export async function headFloor(
  src: CountingProxy | TestRegistry,
  repos: readonly string[],
  inFlight: number,
): Promise<number> {
  const dispatcher = new Agent({ connections: inFlight, keepAliveTimeout: 10_000 });
  const accept = [MediaTypes.ociManifest, MediaTypes.ociIndex].join(', ');
  const t0 = performance.now();
  const refs: string[] = [];
  await inParallel(repos, inFlight, async (repo) => {
    const res = await request(`${src.url}/v2/${repo}/tags/list`, { dispatcher });
    const body = (await res.body.json()) as { tags?: string[] };
    for (const t of body.tags ?? []) refs.push(`${repo}/manifests/${t}`);
  });
  await inParallel(refs, inFlight, async (ref) => {
    const res = await request(`${src.url}/v2/${ref}`, { method: 'HEAD', headers: { accept }, dispatcher });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(`HEAD floor: ${ref} answered ${res.statusCode}`);
  });
  const ms = performance.now() - t0;
  await dispatcher.close();
  return ms;
}
