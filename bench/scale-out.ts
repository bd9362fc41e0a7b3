/**
 * `npm run bench -- --scale-out [--scale-tags N]` — planning at scale from bulk listings, and shards (default 10,000 tags in 10
 * repositories, every tag already mirrored), on loopback registries behind counting proxies:
 * - warm with the state file, one HEAD per source tag (no listing);
 * - warm with the state file, planned from a bulk tag digest listing (the Docker Hub API fake of
 *   test/fakes, 100 tags per page, serving the source registry's digests): requests per tag ≪ 1;
 * - warm without state: 1 process vs 4 concurrent `--shard i/4` processes (wall time, requests).
 * Results go to bench/last-scale.json. Uses dist/cli.js (run `npm run build` first).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeDockerHub } from '../test/fakes/listing-apis.js';
import {
  buildImage,
  pushContent,
  putManifest,
  startRegistry,
  stopAll,
  type TestRegistry,
  tempDir,
} from '../test/harness/index.js';
import { type CountingProxy, startCountingProxy } from './proxy.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const CLI = join(process.env.OCI_MIRROR_DIST ?? join(ROOT, 'dist'), 'cli.js');
const argv = process.argv.slice(2);
const at = argv.indexOf('--scale-tags');
const TAGS = at >= 0 ? Number(argv[at + 1]) : 10_000;
const REPOS = 10;
const PER_REPO = Math.ceil(TAGS / REPOS);
const tmp = tempDir('oci-mirror-scale-');

function log(msg: string): void {
  process.stderr.write(`[scale] ${msg}\n`);
}

function run(args: string[]): Promise<{ code: number; ms: number; stdout: string; stderr: string }> {
  const t0 = performance.now();
  return new Promise((res, rej) => {
    const child = spawn(NODE, [CLI, ...args], { env: { ...process.env, CI: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', rej);
    child.on('close', (code) => res({ code: code ?? -1, ms: performance.now() - t0, stdout, stderr }));
  });
}

/** One image per repository, tagged PER_REPO times (planning cost does not depend on the bytes). */
async function populate(reg: TestRegistry): Promise<void> {
  for (let r = 0; r < REPOS; r++) {
    const repo = `scale/r${r}`;
    const image = buildImage({ seed: `scale-${r}`, uniqueLayerSize: 1_000 });
    await pushContent(reg, repo, '1.0.0', image);
    const top = image.top;
    const queue = Array.from({ length: PER_REPO - 1 }, (_, i) => `1.0.${i + 1}`);
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let t = queue.shift(); t !== undefined; t = queue.shift())
          await putManifest(reg, repo, t, top.bytes, top.mediaType);
      }),
    );
  }
}

function config(name: string, src: string, dst: string, listing?: string): string {
  const lines = ['apiVersion: oci-mirror/v1', 'kind: Config', 'artifacts:'];
  for (let r = 0; r < REPOS; r++)
    lines.push(
      `  - name: r${r}`,
      `    source: ${src}/scale/r${r}`,
      `    destination: ${dst}/scale/r${r}`,
      '    selector: { limit: 0 }',
    );
  if (listing) lines.push('hosts:', `  - host: ${src}`, `    listing: { api: dockerhub, url: "${listing}" }`);
  const path = join(tmp.path, `${name}.yaml`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

interface Measure {
  ms: number;
  requests: number;
  src: number;
  dst: number;
  listing: number;
}

async function measure(
  label: string,
  s: CountingProxy,
  d: CountingProxy,
  listingRequests: () => number,
  runs: () => Promise<{ code: number; ms: number; stderr: string }[]>,
): Promise<Measure> {
  s.reset();
  d.reset();
  const before = listingRequests();
  const t0 = performance.now();
  const results = await runs();
  const ms = performance.now() - t0;
  for (const r of results) if (r.code !== 0) throw new Error(`${label}: exit ${r.code}\n${r.stderr}`);
  const listing = listingRequests() - before;
  const m = { ms, src: s.counts().total, dst: d.counts().total, listing, requests: 0 };
  m.requests = m.src + m.dst + m.listing;
  log(
    `${label}: ${(ms / 1000).toFixed(1)} s, ${m.requests} requests (${(m.requests / (REPOS * PER_REPO)).toFixed(3)}/tag)`,
  );
  return m;
}

async function main(): Promise<void> {
  const tags = REPOS * PER_REPO;
  const load = loadavg()[0] ?? 0;
  log(`populating ${REPOS} repositories x ${PER_REPO} tags on source and destination`);
  const [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  await Promise.all([populate(src), populate(dst)]);
  const [s, d] = await Promise.all([startCountingProxy(src.url), startCountingProxy(dst.url)]);
  log('starting the Docker Hub API fake (reads every digest once)');
  const hub = await startFakeDockerHub({
    registry: src,
    repos: Array.from({ length: REPOS }, (_, r) => `scale/r${r}`),
    users: {},
  });
  const heads = config('heads', s.host, d.host);
  const listed = config('listed', s.host, d.host, hub.url);
  const stateHeads = join(tmp.path, 'heads.state.json');
  const stateListed = join(tmp.path, 'listed.state.json');
  const sync = (cfg: string, extra: string[] = []) =>
    run(['sync', cfg, '-o', 'json', '--concurrency', '8', ...extra]);
  // Prime both state files (a warm run without state learns every destination).
  await Promise.all([sync(heads, ['--state-file', stateHeads]), sync(listed, ['--state-file', stateListed])]);
  const hubCount = () => hub.requests.length;
  const rows: Record<string, Measure> = {};
  rows.stateHeads = await measure('warm + state, HEADs', s, d, hubCount, async () => [
    await sync(heads, ['--state-file', stateHeads]),
  ]);
  rows.stateListing = await measure('warm + state, listing', s, d, hubCount, async () => [
    await sync(listed, ['--state-file', stateListed]),
  ]);
  rows.oneShard = await measure('warm, 1 process', s, d, hubCount, async () => [await sync(heads)]);
  rows.fourShards = await measure('warm, 4 shards', s, d, hubCount, () =>
    Promise.all([1, 2, 3, 4].map((i) => sync(heads, ['--shard', `${i}/4`]))),
  );
  const table = [
    '| run | wall | requests | req/tag | source | destination | listing API |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...Object.entries({
      'warm + state, one HEAD per source tag': rows.stateHeads,
      'warm + state, planned from the listing': rows.stateListing,
      'warm, 1 process': rows.oneShard,
      'warm, 4 concurrent shards': rows.fourShards,
    }).map(
      ([k, m]) =>
        `| ${k} | ${((m?.ms ?? 0) / 1000).toFixed(1)} s | ${m?.requests} | ${((m?.requests ?? 0) / tags).toFixed(3)} | ${m?.src} | ${m?.dst} | ${m?.listing} |`,
    ),
  ];
  process.stdout.write(
    `\noci-mirror scale bench — ${REPOS} repos x ${PER_REPO} tags (${tags} tags), loopback, ` +
      `load ${load.toFixed(2)} at start on ${availableParallelism()} cores\n\n${table.join('\n')}\n`,
  );
  writeFileSync(
    join(ROOT, 'bench/last-scale.json'),
    `${JSON.stringify({ date: new Date().toISOString(), tags, repos: REPOS, loadAverageAtStart: load, rows }, null, 2)}\n`,
  );
  await Promise.all([s.close(), d.close(), hub.stop()]);
}

try {
  await main();
} catch (err) {
  process.stderr.write(
    `[scale] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exitCode = 1;
} finally {
  await stopAll();
  tmp.cleanup();
  process.exit(process.exitCode ?? 0);
}
