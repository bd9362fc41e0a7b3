/**
 * `npm run bench` — DESIGN §8 side by side: oci-mirror vs `skopeo sync` vs the floor, on the
 * reference set (10 repos x 5 tags of two-platform images sharing one 8 MB base layer, 1 MB unique
 * layers), each run against a fresh destination registry; then one 1 GiB layer for peak RSS.
 *
 * Method: every tool run happens twice on separate fresh destinations — once direct (wall time,
 * peak RSS from `/usr/bin/time -f %M`) and once through counting proxies in front of the source
 * and the destination (requests by kind, bytes of blob GETs on the source side). Timings never
 * include the proxy. Results go to bench/last-run.json.
 *
 * oci-mirror also runs warm with `--state-file` (state primed by one warm run first): the state cache
 * spares every destination HEAD, leaving one tag list per repository + one HEAD per source tag.
 *
 * Flags: --quick (3 repos x 2 tags, 256 MiB big layer), --no-big (skip the big-layer row),
 * --scale [--scale-tags N] (only the planning-at-scale bench of bench/scale.ts).
 * OCI_MIRROR_DIST=DIR benches DIR/cli.js (e.g. a `node scripts/build.mjs DIR` build) instead of
 * dist/cli.js, and never rebuilds dist/.
 */

import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsStale } from '../scripts/dist-freshness.js';
import {
  MediaTypes,
  pushBlob,
  pushLargeRandomBlob,
  putManifest,
  startRegistry,
  stopAll,
  type TestRegistry,
  tempDir,
} from '../test/harness/index.js';
import { streamBlobsOnce } from './floor.js';
import { type CountingProxy, type ProxyCounts, startCountingProxy } from './proxy.js';
import { buildRefSet, pushRefSet, type RefSet } from './refset.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const DIST_CLI = join(ROOT, 'dist/cli.js');
// The bench runs a private copy of the bundle: others may rebuild dist/ while it runs.
let CLI = DIST_CLI;
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const BIG = !args.has('--no-big');
const SET = QUICK
  ? { repos: 3, tags: 2, sharedSize: 8 * MiB, uniqueSize: 1 * MiB }
  : { repos: 10, tags: 5, sharedSize: 8 * MiB, uniqueSize: 1 * MiB };
const BIG_SIZE = QUICK ? 256 * MiB : 1024 * MiB;

// DESIGN §8 reference figures for skopeo 1.9.3 on the full set (shown for context only).
const DESIGN_SKOPEO = { coldMs: 4800, coldReqPerTag: 36, warmMs: 1000, warmReqPerTag: 12, rssMB: 23 };

function log(msg: string): void {
  process.stderr.write(`[bench] ${msg}\n`);
}

// ---------------------------------------------------------------------------------------------
// dist freshness

async function ensureDist(): Promise<void> {
  const prebuilt = process.env.OCI_MIRROR_DIST;
  if (prebuilt) {
    const cli = resolve(prebuilt, 'cli.js');
    if (!existsSync(cli))
      throw new Error(`OCI_MIRROR_DIST: ${cli} missing (node scripts/build.mjs ${prebuilt})`);
    log(`using ${cli} (OCI_MIRROR_DIST)`);
    const dir = join(tmp.path, 'dist');
    cpSync(resolve(prebuilt), dir, { recursive: true });
    CLI = join(dir, 'cli.js');
    return;
  }
  if (distIsStale(ROOT)) {
    log('dist/cli.js is missing or older than src/: building (node scripts/build.mjs)');
    const res = await exec(NODE, [join(ROOT, 'scripts/build.mjs')]);
    if (res.code !== 0) throw new Error(`build failed:\n${res.stderr}`);
  }
  // dist/cli.js is a launcher that imports ./cli-main.js: copy the whole directory.
  const dir = join(tmp.path, 'dist');
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  CLI = join(dir, 'cli.js');
}

// ---------------------------------------------------------------------------------------------
// child processes with wall time and peak RSS

interface ExecResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  rssMB?: number;
}

function exec(cmd: string, argv: string[], measureRss = false): Promise<ExecResult> {
  const rssFile = measureRss ? join(tmp.path, `rss-${Math.random().toString(36).slice(2)}`) : '';
  const [c, a] = measureRss ? [TIME, ['-f', '%M', '-o', rssFile, cmd, ...argv]] : [cmd, argv];
  return new Promise((resolvePromise, reject) => {
    const t0 = performance.now();
    const child = spawn(c, a, { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const r: ExecResult = {
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms,
      };
      if (measureRss && existsSync(rssFile)) {
        const kb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb)) r.rssMB = kb / 1024;
      }
      resolvePromise(r);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// the tools

interface RunMeasure {
  ms: number;
  rssMB?: number | undefined;
  /** oci-mirror's own report (requests, bytes, blobs) when the tool is oci-mirror. */
  report?: { requests?: number; bytes?: number; blobs?: unknown; durationMs?: number } | undefined;
  /** Counting-proxy figures (from the proxied twin run). */
  requests?: number;
  byKind?: Record<string, number>;
  srcRequests?: number;
  dstRequests?: number;
  srcBlobBytesRead?: number;
  srcBlobGets?: number;
  srcBlobsReadTwice?: number;
}

type Endpoint = { host: string };

function writeMirrorConfig(set: RefSet, src: Endpoint, dst: Endpoint, name: string): string {
  const lines = ['apiVersion: oci-mirror/v1', 'kind: Config', 'artifacts:'];
  for (const repo of set.repos) {
    const short = repo.split('/').pop();
    lines.push(
      `  - name: ${short}`,
      `    source: ${src.host}/${repo}`,
      `    destination: ${dst.host}/mirror/${short}`,
      `    selector: { semver: ">=0.0.0", limit: 0 }`,
    );
  }
  const path = join(tmp.path, `${name}.yaml`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function writeSkopeoYaml(set: RefSet, src: Endpoint, name: string): string {
  const lines = [`${src.host}:`, '  tls-verify: false', '  images:'];
  for (const repo of set.repos) lines.push(`    ${repo}: []`);
  const path = join(tmp.path, `${name}.skopeo.yaml`);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

async function runMirror(config: string, extra: string[] = []): Promise<RunMeasure> {
  const res = await exec(NODE, [CLI, 'sync', config, '-o', 'json', '--no-progress', ...extra], true);
  if (res.code !== 0) throw new Error(`oci-mirror sync exited ${res.code}:\n${res.stderr}\n${res.stdout}`);
  const parsed = JSON.parse(res.stdout) as {
    report?: { summary?: RunMeasure['report']; durationMs?: number };
  };
  const summary = parsed.report?.summary ?? {};
  return {
    ms: res.ms,
    rssMB: res.rssMB,
    report: {
      ...summary,
      ...(parsed.report?.durationMs !== undefined ? { durationMs: parsed.report.durationMs } : {}),
    },
  };
}

async function runSkopeoSync(yamlPath: string, dst: Endpoint): Promise<RunMeasure> {
  const res = await exec(
    'skopeo',
    [
      'sync',
      '--all',
      '--retry-times=0',
      '--src',
      'yaml',
      '--dest',
      'docker',
      '--dest-tls-verify=false',
      '--dest-no-creds',
      yamlPath,
      `${dst.host}/mirror`,
    ],
    true,
  );
  if (res.code !== 0) throw new Error(`skopeo sync exited ${res.code}:\n${res.stderr}`);
  return { ms: res.ms, rssMB: res.rssMB };
}

function withCounts(m: RunMeasure, src: ProxyCounts, dst: ProxyCounts): RunMeasure {
  const byKind: Record<string, number> = {};
  for (const [k, v] of Object.entries(src.byKind)) byKind[`src ${k}`] = v;
  for (const [k, v] of Object.entries(dst.byKind)) byKind[`dst ${k}`] = v;
  let twice = 0;
  let gets = 0;
  for (const n of src.blobGets.values()) {
    gets += n;
    if (n > 1) twice++;
  }
  return {
    ...m,
    requests: src.total + dst.total,
    srcRequests: src.total,
    dstRequests: dst.total,
    byKind,
    srcBlobBytesRead: src.blobBytesRead,
    srcBlobGets: gets,
    srcBlobsReadTwice: twice,
  };
}

interface ToolResult {
  cold: RunMeasure;
  warm: RunMeasure;
  /** Warm again with the state file primed (oci-mirror `--state-file`). */
  warmState?: RunMeasure;
}

/**
 * Runs cold then warm twice (direct, then through the counting proxies), fresh destinations.
 * With `stateRun`, then a warm run with a state file twice: once to prime it, once measured.
 */
async function measureTool(
  label: string,
  src: TestRegistry,
  srcProxy: CountingProxy,
  runOnce: (srcEp: Endpoint, dstEp: Endpoint, tag: string) => Promise<RunMeasure>,
  stateRun?: (srcEp: Endpoint, dstEp: Endpoint, tag: string) => Promise<RunMeasure>,
): Promise<ToolResult> {
  log(`${label}: cold + warm${stateRun ? ' + warm with state' : ''}, direct`);
  const dst = await startRegistry();
  const cold = await runOnce(src, dst, `${label}-direct`);
  const warm = await runOnce(src, dst, `${label}-direct`);
  let warmState: RunMeasure | undefined;
  if (stateRun) {
    await stateRun(src, dst, `${label}-direct`);
    warmState = await stateRun(src, dst, `${label}-direct`);
  }
  await dst.stop();

  log(`${label}: cold + warm${stateRun ? ' + warm with state' : ''}, through counting proxies`);
  const dst2 = await startRegistry();
  const dstProxy = await startCountingProxy(dst2.url);
  srcProxy.reset();
  const coldP = await runOnce(srcProxy, dstProxy, `${label}-proxied`);
  const coldC = withCounts(coldP, srcProxy.counts(), dstProxy.counts());
  srcProxy.reset();
  dstProxy.reset();
  const warmP = await runOnce(srcProxy, dstProxy, `${label}-proxied`);
  const warmC = withCounts(warmP, srcProxy.counts(), dstProxy.counts());
  let warmStateC: RunMeasure | undefined;
  if (stateRun) {
    await stateRun(srcProxy, dstProxy, `${label}-proxied`);
    srcProxy.reset();
    dstProxy.reset();
    const m = await stateRun(srcProxy, dstProxy, `${label}-proxied`);
    warmStateC = withCounts(m, srcProxy.counts(), dstProxy.counts());
  }
  await dstProxy.close();
  await dst2.stop();

  const merge = (direct: RunMeasure, counted: RunMeasure): RunMeasure => ({
    ...counted,
    ms: direct.ms,
    rssMB: direct.rssMB,
    report: direct.report,
  });
  return {
    cold: merge(cold, coldC),
    warm: merge(warm, warmC),
    ...(warmState && warmStateC ? { warmState: merge(warmState, warmStateC) } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// the big layer

interface BigResult {
  sizeMiB: number;
  mirror: RunMeasure;
  skopeo?: RunMeasure;
  skopeoError?: string;
  floorMs: number;
}

async function measureBig(src: TestRegistry): Promise<BigResult> {
  const repo = 'bench/big';
  log(`big: pushing a ${BIG_SIZE / MiB} MiB random layer to the source`);
  const layerDigest = await pushLargeRandomBlob(src, repo, BIG_SIZE, 'bench/big');
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [layerDigest] },
    }),
  );
  const configDigest = await pushBlob(src, repo, config);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaTypes.ociManifest,
      config: { mediaType: MediaTypes.ociConfig, digest: configDigest, size: config.length },
      // Raw random bytes labelled as an uncompressed layer: nobody unpacks it here.
      layers: [{ mediaType: MediaTypes.ociLayer, digest: layerDigest, size: BIG_SIZE }],
    }),
  );
  await putManifest(src, repo, '1.0.0', manifest, MediaTypes.ociManifest);

  log('big: oci-mirror');
  const dst = await startRegistry();
  const cfg = join(tmp.path, 'big.yaml');
  writeFileSync(
    cfg,
    [
      'apiVersion: oci-mirror/v1',
      'kind: Config',
      'artifacts:',
      '  - name: big',
      `    source: ${src.host}/${repo}`,
      `    destination: ${dst.host}/mirror/big`,
      '    selector: { tags: ["1.0.0"] }',
      '',
    ].join('\n'),
  );
  const mirror = await runMirror(cfg);
  await dst.stop();

  log('big: skopeo copy --preserve-digests (no recompression of the uncompressed layer)');
  const dst2 = await startRegistry();
  let skopeo: RunMeasure | undefined;
  let skopeoError: string | undefined;
  const res = await exec(
    'skopeo',
    [
      'copy',
      '--retry-times=0',
      '--preserve-digests',
      '--src-tls-verify=false',
      '--dest-tls-verify=false',
      '--src-no-creds',
      '--dest-no-creds',
      `docker://${src.host}/${repo}:1.0.0`,
      `docker://${dst2.host}/mirror/big:1.0.0`,
    ],
    true,
  );
  if (res.code === 0) skopeo = { ms: res.ms, rssMB: res.rssMB };
  else skopeoError = res.stderr.trim().split('\n').pop() ?? `exit ${res.code}`;
  await dst2.stop();

  log('big: floor (one stream)');
  const dst3 = await startRegistry();
  const floorMs = await streamBlobsOnce(
    src.url,
    dst3.url,
    'floor/big',
    [{ digest: layerDigest, repo, size: BIG_SIZE }],
    1,
  );
  await dst3.stop();
  return {
    sizeMiB: BIG_SIZE / MiB,
    mirror,
    ...(skopeo ? { skopeo } : {}),
    ...(skopeoError ? { skopeoError } : {}),
    floorMs,
  };
}

// ---------------------------------------------------------------------------------------------
// table

const fmtS = (ms: number | undefined): string => (ms === undefined ? '—' : `${(ms / 1000).toFixed(2)} s`);
const fmtX = (a: number | undefined, b: number | undefined): string =>
  a === undefined || b === undefined || b === 0 ? '—' : `${(a / b).toFixed(2)}x`;
const fmtMB = (mb: number | undefined): string => (mb === undefined ? '—' : `${mb.toFixed(0)} MB`);
const fmtN = (n: number | undefined, digits = 1): string => (n === undefined ? '—' : n.toFixed(digits));
const verdict = (ok: boolean | undefined): string => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
/** A continuation row of the table: one more target and its result under the same run. */
const targetRow = (target: string, result: string): string[] => [
  ...Array<string>(8).fill(''),
  target,
  result,
];

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const sep = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(rows[0]!), sep, ...rows.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

const tmp = tempDir('oci-mirror-bench');

async function main(): Promise<void> {
  const tStart = performance.now();
  const loadStart = loadavg()[0] ?? 0;
  await ensureDist();
  const version = (await exec('skopeo', ['--version'])).stdout.trim();

  log(`building the reference set (${SET.repos} repos x ${SET.tags} tags x 2 platforms)`);
  const set = buildRefSet(SET);
  const nTags = set.repos.length * set.tags.length;
  log(`unique data ${(set.uniqueBytes / MiB).toFixed(1)} MiB in ${set.uniqueBlobs.size} blobs; pushing`);
  const src = await startRegistry();
  await pushRefSet(src, set);
  const srcProxy = await startCountingProxy(src.url);

  const mirror = await measureTool(
    'oci-mirror',
    src,
    srcProxy,
    (s, d, name) => runMirror(writeMirrorConfig(set, s, d, name)),
    (s, d, name) =>
      runMirror(writeMirrorConfig(set, s, d, name), ['--state-file', join(tmp.path, `${name}.state.json`)]),
  );
  const skopeo = await measureTool('skopeo', src, srcProxy, (s, d, name) =>
    runSkopeoSync(writeSkopeoYaml(set, s, name), d),
  );

  log('floor: every unique blob once, 4 streams');
  const floorDst = await startRegistry();
  const floorBlobs = [...set.uniqueBlobs].map(([digest, b]) => ({ digest, repo: b.repo, size: b.size }));
  const floorMs = await streamBlobsOnce(src.url, floorDst.url, 'floor/all', floorBlobs, 4);
  await floorDst.stop();

  log('start: oci-mirror validate (load dist + parse config), median of 5');
  const startCfg = writeMirrorConfig(set, src, src, 'start');
  const startTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await exec(NODE, [CLI, 'validate', startCfg]);
    if (r.code !== 0) throw new Error(`validate failed: ${r.stderr}${r.stdout}`);
    startTimes.push(r.ms);
  }
  startTimes.sort((a, b) => a - b);
  const startMs = startTimes[2]!;

  const big = BIG ? await measureBig(src) : undefined;
  await srcProxy.close();

  // ---- targets
  const warmTarget = set.repos.length + 2 * nTags; // tag list/repo + HEAD/source tag + HEAD/dest tag
  const warmStateTarget = set.repos.length + nTags; // tag list/repo + HEAD/source tag, no destination
  const ws = mirror.warmState;
  const perTag = (n: number | undefined): number | undefined => (n === undefined ? undefined : n / nTags);
  const coldReadOnce =
    mirror.cold.srcBlobBytesRead === set.uniqueBytes && mirror.cold.srcBlobGets === set.uniqueBlobs.size;

  const rows: string[][] = [
    [
      'run',
      'oci-mirror',
      'skopeo',
      'floor',
      'mirror/skopeo',
      'mirror/floor',
      'req/tag m|s',
      'RSS m|s',
      'target',
      'result',
    ],
    [
      'cold',
      fmtS(mirror.cold.ms),
      fmtS(skopeo.cold.ms),
      fmtS(floorMs),
      fmtX(mirror.cold.ms, skopeo.cold.ms),
      fmtX(mirror.cold.ms, floorMs),
      `${fmtN(perTag(mirror.cold.requests))} | ${fmtN(perTag(skopeo.cold.requests))}`,
      `${fmtMB(mirror.cold.rssMB)} | ${fmtMB(skopeo.cold.rssMB)}`,
      '≤0.5x skopeo',
      verdict(mirror.cold.ms <= 0.5 * skopeo.cold.ms),
    ],
    targetRow('aim ≤1.3x floor', verdict(mirror.cold.ms <= 1.3 * floorMs)),
    targetRow(
      'each blob read once',
      `${verdict(coldReadOnce)} (${fmtN((mirror.cold.srcBlobBytesRead ?? 0) / MiB)}/${fmtN(set.uniqueBytes / MiB)} MiB)`,
    ),
    [
      'warm',
      fmtS(mirror.warm.ms),
      fmtS(skopeo.warm.ms),
      '',
      fmtX(mirror.warm.ms, skopeo.warm.ms),
      '',
      `${fmtN(perTag(mirror.warm.requests))} | ${fmtN(perTag(skopeo.warm.requests))}`,
      `${fmtMB(mirror.warm.rssMB)} | ${fmtMB(skopeo.warm.rssMB)}`,
      '≤0.2x skopeo',
      verdict(mirror.warm.ms <= 0.2 * skopeo.warm.ms),
    ],
    targetRow(
      `≤${warmTarget} requests`,
      `${verdict((mirror.warm.requests ?? Infinity) <= warmTarget)} (${mirror.warm.requests ?? '—'})`,
    ),
    [
      'warm+state',
      fmtS(ws?.ms),
      fmtS(skopeo.warm.ms),
      '',
      fmtX(ws?.ms, skopeo.warm.ms),
      '',
      `${fmtN(perTag(ws?.requests))} | ${fmtN(perTag(skopeo.warm.requests))}`,
      `${fmtMB(ws?.rssMB)} | ${fmtMB(skopeo.warm.rssMB)}`,
      `≤${warmStateTarget} req, 0 at dst`,
      `${verdict(ws ? (ws.requests ?? Infinity) <= warmStateTarget && ws.dstRequests === 0 : undefined)} (${ws?.requests ?? '—'}, dst ${ws?.dstRequests ?? '—'})`,
    ],
  ];
  if (big) {
    rows.push([
      `${big.sizeMiB >= 1024 ? `${big.sizeMiB / 1024} GiB` : `${big.sizeMiB} MiB`} layer`,
      fmtS(big.mirror.ms),
      big.skopeo ? fmtS(big.skopeo.ms) : 'failed',
      fmtS(big.floorMs),
      fmtX(big.mirror.ms, big.skopeo?.ms),
      fmtX(big.mirror.ms, big.floorMs),
      '',
      `${fmtMB(big.mirror.rssMB)} | ${fmtMB(big.skopeo?.rssMB)}`,
      'RSS <150 MB',
      verdict(big.mirror.rssMB !== undefined ? big.mirror.rssMB < 150 : undefined),
    ]);
  }
  rows.push(['start', fmtS(startMs), '', '', '', '', '', '', 'validate <300 ms', verdict(startMs < 300)]);

  const out: string[] = [];
  out.push('');
  out.push(
    `oci-mirror benchmark — ${set.repos.length} repos x ${set.tags.length} tags x 2 platforms, ` +
      `${(set.uniqueBytes / MiB).toFixed(1)} MiB unique in ${set.uniqueBlobs.size} blobs` +
      `${QUICK ? ' (--quick)' : ''}; ${version}; ${process.versions.node ? `bench on node ${process.versions.node}` : ''}`,
  );
  out.push('');
  out.push(table(rows));
  out.push('');
  out.push(
    'Times and RSS: direct runs (no proxy), wall clock of the child process, peak RSS by /usr/bin/time %M.',
  );
  out.push(
    'Requests: a twin run of each tool through counting proxies in front of source and destination ' +
      '(fresh destination again); req/tag = all requests / tags.',
  );
  out.push(
    `oci-mirror report: cold requests=${mirror.cold.report?.requests ?? '—'} (proxy ${mirror.cold.requests}), ` +
      `warm requests=${mirror.warm.report?.requests ?? '—'} (proxy ${mirror.warm.requests}), ` +
      `warm+state requests=${ws?.report?.requests ?? '—'} (proxy ${ws?.requests ?? '—'}); ` +
      `cold blobs=${JSON.stringify(mirror.cold.report?.blobs ?? null)}`,
  );
  out.push(
    `source blob bytes read (cold): oci-mirror ${fmtN((mirror.cold.srcBlobBytesRead ?? 0) / MiB)} MiB in ` +
      `${mirror.cold.srcBlobGets} GETs (${mirror.cold.srcBlobsReadTwice} blobs read twice), skopeo ` +
      `${fmtN((skopeo.cold.srcBlobBytesRead ?? 0) / MiB)} MiB in ${skopeo.cold.srcBlobGets} GETs; ` +
      `unique ${fmtN(set.uniqueBytes / MiB)} MiB in ${set.uniqueBlobs.size} blobs`,
  );
  if (!QUICK) {
    out.push(
      `DESIGN's skopeo reference: cold ${fmtS(DESIGN_SKOPEO.coldMs)}, ${DESIGN_SKOPEO.coldReqPerTag} req/tag; ` +
        `warm ${fmtS(DESIGN_SKOPEO.warmMs)}, ${DESIGN_SKOPEO.warmReqPerTag} req/tag; ${DESIGN_SKOPEO.rssMB} MB RSS.`,
    );
  }
  if (big?.skopeoError) out.push(`skopeo on the big layer failed: ${big.skopeoError}`);
  const kinds = (label: string, m: RunMeasure): string =>
    `${label}: ${Object.entries(m.byKind ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}`;
  out.push('Requests by kind:');
  out.push(`  ${kinds('oci-mirror cold', mirror.cold)}`);
  out.push(`  ${kinds('oci-mirror warm', mirror.warm)}`);
  if (ws) out.push(`  ${kinds('oci-mirror warm+state', ws)}`);
  out.push(`  ${kinds('skopeo cold', skopeo.cold)}`);
  out.push(`  ${kinds('skopeo warm', skopeo.warm)}`);
  const totalS = (performance.now() - tStart) / 1000;
  out.push(
    `Load average (1 min) at start ${loadStart.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)} on ` +
      `${availableParallelism()} cores: timings are one run each and noisy when the machine is busy.`,
  );
  out.push(`Results: bench/last-run.json (bench took ${totalS.toFixed(0)} s)`);
  process.stdout.write(`${out.join('\n')}\n`);

  writeFileSync(
    join(ROOT, 'bench/last-run.json'),
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        quick: QUICK,
        loadAverageAtStart: loadStart,
        skopeoVersion: version,
        set: {
          repos: set.repos.length,
          tags: set.tags.length,
          uniqueBlobs: set.uniqueBlobs.size,
          uniqueBytes: set.uniqueBytes,
        },
        ociMirror: mirror,
        skopeo,
        floorMs,
        startMs,
        big,
        targets: {
          coldVsSkopeo: mirror.cold.ms <= 0.5 * skopeo.cold.ms,
          coldVsFloorAim: mirror.cold.ms <= 1.3 * floorMs,
          coldEachBlobReadOnce: coldReadOnce,
          warmVsSkopeo: mirror.warm.ms <= 0.2 * skopeo.warm.ms,
          warmRequests: { target: warmTarget, actual: mirror.warm.requests ?? null },
          warmStateRequests: {
            target: warmStateTarget,
            actual: ws?.requests ?? null,
            destination: ws?.dstRequests ?? null,
          },
          bigRss: big ? (big.mirror.rssMB ?? 0) < 150 : null,
          start: startMs < 300,
        },
        designSkopeoReference: DESIGN_SKOPEO,
      },
      null,
      2,
    )}\n`,
  );
}

let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  log('interrupted: stopping registries');
  void stopAll().finally(() => process.exit(130));
});

try {
  // --scale: planning at 10,000 tags (bulk listings, shards); a separate bench, see bench/scale.ts.
  if (args.has('--scale')) await import('./scale.js');
  else await main();
} catch (err) {
  process.stderr.write(
    `[bench] FAILED: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exitCode = 1;
} finally {
  await stopAll();
  await tmp.cleanup();
  // Open keep-alive sockets or a proxy left by a failure must not keep the process alive.
  process.exit(process.exitCode ?? 0);
}
