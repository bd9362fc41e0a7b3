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
 * Flags: --quick (3 repos x 2 tags, 256 MiB big layer, one repeat), --no-big (skip the big-layer
 * row), --repeat N (cold/warm/floor runs repeated N times, median shown; default 3), --latency MS
 * (the latency row: cold copy and floor through proxies that delay each request and each response
 * by MS; default 25, 0 skips it).
 * --scale (only the planning rows of bench/scale.ts: 1,000 one-tag entries at 25 ms, 10,000 tags
 * warm with state vs the HEAD floor and peak RSS, and warm 500 tags vs `skopeo sync` (10 repos x 50
 * two-platform tags, `--repeat` rounds); results under `planning` in bench/last-scale.json).
 * `--scale-rows entries,tags,warm500` runs only the rows named (the others keep their last result).
 * Verification on (bench/verify.ts, after the other rows): the set signed with @sigstore/mock, then
 * cold, warm and warm with state under a `verify:` policy and `--trusted-root` (rows warm+verify).
 * --scale-out [--scale-tags N] (only the bulk-listing and shard bench of bench/scale-out.ts).
 * OCI_MIRROR_DIST=DIR benches DIR/cli.js (e.g. a `node scripts/build.mjs DIR` build) instead of
 * dist/cli.js, and never rebuilds dist/.
 */

import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsStale } from '../scripts/dist-freshness.js';
import { RECHECK_SHARE } from '../src/sync/state.js';
import { startRegistry, stopAll, type TestRegistry, tempDir } from '../test/harness/index.js';
import { streamBlobsOnce } from './floor.js';
import { type CountingProxy, type ProxyCounts, startCountingProxy } from './proxy.js';
import {
  buildRefSet,
  pushBigImage,
  pushRefSet,
  type RefSet,
  refSetConfig,
  skopeoSyncArgs,
} from './refset.js';
import { headFloor, inParallel, pushTinyImage, writeEntriesConfig } from './scale.js';
import { signRefSet, VERIFY_POLICY } from './verify.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = join(ROOT, 'node_modules/.bin/node');
const DIST_CLI = join(ROOT, 'dist/cli.js');
// The bench runs a private copy of the bundle: others may rebuild dist/ while it runs.
let CLI = DIST_CLI;
const TIME = '/usr/bin/time';
const MiB = 1024 * 1024;

const argv = process.argv.slice(2);
const args = new Set(argv);
const QUICK = args.has('--quick');
const BIG = !args.has('--no-big');
const SCALE = args.has('--scale');
const numArg = (name: string, dflt: number): number => {
  const i = argv.indexOf(name);
  const v = i >= 0 ? Number(argv[i + 1]) : dflt;
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name}: a number, got ${argv[i + 1]}`);
  return v;
};
const REPEAT = Math.max(1, numArg('--repeat', QUICK ? 1 : 3));
const LATENCY_MS = numArg('--latency', 25);
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
  // dist/cli.js is a launcher that imports ./cli/index.js and its chunks: copy the whole directory.
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
  report?:
    | { requests?: number; bytes?: number; blobs?: unknown; durationMs?: number; copied?: number }
    | undefined;
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

function writeMirrorConfig(
  set: RefSet,
  src: Endpoint,
  dst: Endpoint,
  name: string,
  /** More lines for every entry (e.g. a `verify:` policy). */
  entryLines: readonly string[] = [],
): string {
  const path = join(tmp.path, `${name}.yaml`);
  writeFileSync(path, refSetConfig(set, src.host, dst.host, entryLines));
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
  const res = await exec('skopeo', skopeoSyncArgs(yamlPath, dst.host), true);
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
  const layerDigest = await pushBigImage(src, repo, BIG_SIZE);

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
// repeats, start-up, latency, scale

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Per run kind, the repeat with the median wall time (its request counts come with it). */
function medianResult(results: readonly ToolResult[]): ToolResult {
  const pick = (get: (r: ToolResult) => RunMeasure | undefined): RunMeasure | undefined => {
    const runs = results.map(get).filter((m): m is RunMeasure => m !== undefined);
    const sorted = [...runs].sort((a, b) => a.ms - b.ms);
    return sorted[Math.floor(sorted.length / 2)];
  };
  const warmState = pick((r) => r.warmState);
  return {
    cold: pick((r) => r.cold) as RunMeasure,
    warm: pick((r) => r.warm) as RunMeasure,
    ...(warmState ? { warmState } : {}),
  };
}

interface ActionMeasure {
  /** Process start to the first byte on stdout (median of 5). */
  firstOutputMs: number;
  /** Process start to exit: a dry run of one tag, nothing to copy (median of 5). */
  exitMs: number;
  /** dist/index.js, and it with every chunk it may load. */
  bundleBytes: number;
  allChunksBytes: number;
}

/** The action as the runner starts it: `node dist/index.js` with INPUT_* variables. */
async function measureAction(set: RefSet, src: TestRegistry): Promise<ActionMeasure> {
  const dist = dirname(CLI);
  const cfg = join(tmp.path, 'action.yaml');
  const repo = set.repos[0] as string;
  writeFileSync(
    cfg,
    [
      'apiVersion: oci-mirror/v1',
      'kind: Config',
      'artifacts:',
      `  - source: ${src.host}/${repo}`,
      `    destination: ${src.host}/action-dry-run/${repo}`,
      `    selector: { tags: ["${set.tags[0]}"] }`,
      '',
    ].join('\n'),
  );
  const first: number[] = [];
  const exits: number[] = [];
  for (let i = 0; i < 5; i++) {
    const out = join(tmp.path, `action-out-${i}`);
    writeFileSync(out, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      INPUT_CONFIG: cfg,
      'INPUT_DRY-RUN': 'true',
      INPUT_SUMMARY: 'false',
      INPUT_COMMENT: 'false',
      GITHUB_OUTPUT: out,
      RUNNER_TEMP: tmp.path,
      GITHUB_WORKSPACE: tmp.path,
    };
    const r = await new Promise<{ first: number; exit: number; code: number | null; text: string }>(
      (resolvePromise, reject) => {
        const t0 = performance.now();
        let firstAt = Number.NaN;
        let text = '';
        const child = spawn(NODE, [join(dist, 'index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (d: Buffer) => {
          if (Number.isNaN(firstAt)) firstAt = performance.now() - t0;
          text += d.toString();
        });
        child.stderr.on('data', (d: Buffer) => {
          text += d.toString();
        });
        child.on('error', reject);
        child.on('close', (code) =>
          resolvePromise({ first: firstAt, exit: performance.now() - t0, code, text }),
        );
      },
    );
    if (r.code !== 0) throw new Error(`the action exited ${r.code}:\n${r.text}`);
    first.push(r.first);
    exits.push(r.exit);
  }
  const size = (f: string): number => statSync(join(dist, f)).size;
  const chunks = readdirSync(dist).filter((f) => /^(\d+\.)?index\.js$/.test(f));
  return {
    firstOutputMs: median(first),
    exitMs: median(exits),
    bundleBytes: size('index.js'),
    allChunksBytes: chunks.reduce((n, f) => n + size(f), 0),
  };
}

interface LatencyResult {
  delayMs: number;
  mirrorMs: number;
  floorMs: number;
  requests: number;
}

/** Cold copy and the floor with both registries behind delaying proxies (latency each way). */
async function measureLatency(set: RefSet, src: TestRegistry): Promise<LatencyResult> {
  log(`latency: cold copy and floor behind ${LATENCY_MS} ms each way`);
  const srcDelay = await startCountingProxy(src.url, { delayMs: LATENCY_MS });
  const dst = await startRegistry();
  const dstDelay = await startCountingProxy(dst.url, { delayMs: LATENCY_MS });
  const m = await runMirror(writeMirrorConfig(set, srcDelay, dstDelay, 'latency'));
  const requests = srcDelay.counts().total + dstDelay.counts().total;
  await dstDelay.close();
  await dst.stop();
  const dst2 = await startRegistry();
  const dst2Delay = await startCountingProxy(dst2.url, { delayMs: LATENCY_MS });
  const floorBlobs = [...set.uniqueBlobs].map(([digest, b]) => ({ digest, repo: b.repo, size: b.size }));
  const floorMs = await streamBlobsOnce(srcDelay.url, dst2Delay.url, 'floor/all', floorBlobs, 4);
  await dst2Delay.close();
  await dst2.stop();
  await srcDelay.close();
  return { delayMs: LATENCY_MS, mirrorMs: m.ms, floorMs, requests };
}

interface EntriesResult {
  count: number;
  delayMs: number;
  ms: number;
  requests: number;
}
interface TagsAtScaleResult {
  count: number;
  warmStateMs: number;
  headFloorMs: number;
  rssMB: number | undefined;
  requests: number | undefined;
}
/** Warm re-sync of `tags` tags (once copied) by oci-mirror and by `skopeo sync`, medians of the rounds. */
interface Warm500Result {
  tags: number;
  repos: number;
  /** Per tag: two platforms, each a unique layer of this many bytes and its config, over one shared layer. */
  uniqueSize: number;
  rounds: number;
  mirrorMs: number;
  skopeoMs: number;
  /** Median of the rounds' oci-mirror/skopeo ratios. */
  ratio: number;
  mirrorRuns: number[];
  skopeoRuns: number[];
  /** oci-mirror's requests (its report) in the median round. */
  requests: number | undefined;
  rssMB: number | undefined;
}
interface ScaleResult {
  entries?: EntriesResult;
  tags?: TagsAtScaleResult;
  warm500?: Warm500Result;
}

/** The `--scale` rows to run: `--scale-rows entries,tags,warm500` (default all). */
const SCALE_ROWS = new Set(
  (argv.includes('--scale-rows')
    ? (argv[argv.indexOf('--scale-rows') + 1] ?? '')
    : 'entries,tags,warm500'
  ).split(','),
);

/** The planning rows behind `--scale` (see bench/scale.ts). */
async function measureScale(): Promise<ScaleResult> {
  const out: ScaleResult = {};
  if (SCALE_ROWS.has('entries')) out.entries = await measureEntries();
  if (SCALE_ROWS.has('tags')) out.tags = await measureTagsAtScale();
  if (SCALE_ROWS.has('warm500')) out.warm500 = await measureWarm500();
  return out;
}

/** 1,000 one-tag entries planned behind 25 ms each way. */
async function measureEntries(): Promise<EntriesResult> {
  const delayMs = 25;
  const src = await startRegistry();
  const nEntries = 1000;
  log(`scale: pushing ${nEntries} one-tag repositories`);
  const entryRepos = Array.from({ length: nEntries }, (_, i) => `one/r${String(i).padStart(4, '0')}`);
  await inParallel(entryRepos, 16, (repo) => pushTinyImage(src, repo, ['1.0.0']));
  log(`scale: plan ${nEntries} entries behind ${delayMs} ms each way`);
  const srcDelay = await startCountingProxy(src.url, { delayMs });
  const dst = await startRegistry();
  const dstDelay = await startCountingProxy(dst.url, { delayMs });
  const cfg = writeEntriesConfig(join(tmp.path, 'entries.yaml'), entryRepos, srcDelay, dstDelay);
  const planRun = await exec(NODE, [CLI, 'plan', cfg, '-o', 'json', '--no-progress']);
  if (planRun.code !== 0)
    throw new Error(`plan of ${nEntries} entries exited ${planRun.code}: ${planRun.stderr}`);
  const entries = {
    count: nEntries,
    delayMs,
    ms: planRun.ms,
    requests: srcDelay.counts().total + dstDelay.counts().total,
  };
  await dstDelay.close();
  await srcDelay.close();
  await dst.stop();
  await src.stop();
  return entries;
}

/** 10,000 tags warm with a state file, against the HEAD floor. */
async function measureTagsAtScale(): Promise<TagsAtScaleResult> {
  const src = await startRegistry();
  const nRepos = 100;
  const perRepo = 100;
  log(`scale: pushing ${nRepos} repositories x ${perRepo} tags`);
  const tagRepos = Array.from({ length: nRepos }, (_, i) => `many/r${String(i).padStart(3, '0')}`);
  const tags = Array.from({ length: perRepo }, (_, i) => `1.0.${i}`);
  await inParallel(tagRepos, 4, (repo) => pushTinyImage(src, repo, tags, 8));
  const dst2 = await startRegistry();
  // The destination is primed by pushing the same manifests (as a finished mirror holds them), not
  // by a cold copy of 10,000 tags; one warm run then writes the state file.
  log(`scale: priming the destination with the same ${nRepos * perRepo} manifests`);
  await inParallel(tagRepos, 4, (repo) => pushTinyImage(dst2, `mirror/${repo}`, tags, 8, repo));
  const cfg2 = writeEntriesConfig(join(tmp.path, 'tags.yaml'), tagRepos, src, dst2);
  const state = join(tmp.path, 'tags.state.json');
  log(`scale: a warm run of ${nRepos * perRepo} tags to write the state file`);
  const primed = await runMirror(cfg2, ['--state-file', state]);
  if (primed.report?.copied !== 0) throw new Error(`scale: the primed destination was not up to date`);
  log('scale: warm with state (measured), then the HEAD floor');
  const warm = await runMirror(cfg2, ['--state-file', state]);
  const floorMs = await headFloor(src, tagRepos, 32);
  await dst2.stop();
  await src.stop();
  return {
    count: nRepos * perRepo,
    warmStateMs: warm.ms,
    headFloorMs: floorMs,
    rssMB: warm.rssMB,
    requests: warm.report?.requests,
  };
}

/**
 * Warm 500 tags: 10 repositories x 50 tags of the reference set's shape (two-platform OCI indexes
 * over one shared layer) with small layers (the warm runs read no blob), copied once by each
 * tool into one destination registry, then warm oci-mirror and warm `skopeo sync` alternately,
 * 3 rounds (`--repeat`), medians and the median of the rounds' ratios.
 */
async function measureWarm500(): Promise<Warm500Result> {
  const opts = { repos: 10, tags: 50, sharedSize: 64 * 1024, uniqueSize: 16 * 1024 };
  const set = buildRefSet(opts, 'warm500');
  const nTags = opts.repos * opts.tags;
  log(`scale: pushing ${nTags} two-platform tags (${opts.repos} repositories x ${opts.tags})`);
  const src = await startRegistry();
  await pushRefSet(src, set);
  const dst = await startRegistry();
  const mirrorCfg = writeMirrorConfig(set, src, dst, 'warm500');
  const skopeoYaml = writeSkopeoYaml(set, src, 'warm500');
  log('scale: copying the 500 tags once with each tool');
  const cold = await runMirror(mirrorCfg);
  if (cold.report?.copied !== nTags)
    throw new Error(`scale: warm500 cold copy copied ${cold.report?.copied}`);
  await runSkopeoSync(skopeoYaml, dst);
  const mirrorRuns: RunMeasure[] = [];
  const skopeoRuns: number[] = [];
  for (let round = 1; round <= REPEAT; round++) {
    log(`scale: warm 500 tags, round ${round}/${REPEAT}`);
    const m = await runMirror(mirrorCfg);
    if (m.report?.copied !== 0) throw new Error(`scale: warm500 warm run copied ${m.report?.copied}`);
    mirrorRuns.push(m);
    skopeoRuns.push((await runSkopeoSync(skopeoYaml, dst)).ms);
  }
  await dst.stop();
  await src.stop();
  const mid = [...mirrorRuns].sort((a, b) => a.ms - b.ms)[Math.floor(mirrorRuns.length / 2)] as RunMeasure;
  return {
    tags: nTags,
    repos: opts.repos,
    uniqueSize: opts.uniqueSize,
    rounds: REPEAT,
    mirrorMs: median(mirrorRuns.map((m) => m.ms)),
    skopeoMs: median(skopeoRuns),
    ratio: median(mirrorRuns.map((m, i) => m.ms / (skopeoRuns[i] as number))),
    mirrorRuns: mirrorRuns.map((m) => Math.round(m.ms)),
    skopeoRuns: skopeoRuns.map((ms) => Math.round(ms)),
    requests: mid.report?.requests,
    rssMB: mid.rssMB,
  };
}

// ---------------------------------------------------------------------------------------------
// verification on (bench/verify.ts)

interface VerifyResult extends ToolResult {
  signatures: number;
}

/**
 * Signs the reference set in the source (one cosign bundle referrer per tag), then measures
 * oci-mirror with a `verify:` policy and `--trusted-root`, cold then warm, with and without
 * `--state-file`, as `measureTool` does (median of the repeats). Runs after the other rows: the
 * signatures add `sha256-<hex>` tags to the source repositories.
 */
async function measureVerify(set: RefSet, src: TestRegistry, srcProxy: CountingProxy): Promise<VerifyResult> {
  log('verify: signing the reference set (a cosign bundle referrer per tag, @sigstore/mock)');
  const signed = await signRefSet(src, set, tmp.path);
  const run = (s: Endpoint, d: Endpoint, name: string, extra: string[]) =>
    runMirror(writeMirrorConfig(set, s, d, `${name}.verify`, VERIFY_POLICY), [
      '--trusted-root',
      signed.trustedRoot,
      ...extra,
    ]);
  const rounds: ToolResult[] = [];
  for (let round = 1; round <= REPEAT; round++) {
    rounds.push(
      await measureTool(
        'oci-mirror+verify',
        src,
        srcProxy,
        (s, d, name) => run(s, d, name, []),
        (s, d, name) => run(s, d, name, ['--state-file', join(tmp.path, `${name}.verify.state.json`)]),
      ),
    );
  }
  return { ...medianResult(rounds), signatures: signed.signatures };
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

/**
 * The rows with verification on. Warm: the plain warm requests plus, per tag, the signature's
 * discovery and fetch (fallback index GET, bundle referrer manifest GET, bundle blob GET), and one
 * referrers-API probe for the source host; with state the verification is remembered: one tag
 * list per repository and one HEAD per source tag, plus the state's rolling re-checks at the
 * destination.
 */
const verifyWarmTarget = (set: RefSet, nTags: number): number => set.repos.length + 5 * nTags + 1;

function verifyRows(v: VerifyResult, plain: ToolResult, skopeo: ToolResult, set: RefSet, nTags: number) {
  const per = (n: number | undefined): number | undefined => (n === undefined ? undefined : n / nTags);
  const warmTarget = verifyWarmTarget(set, nTags);
  // The state's rolling re-check asks the destination for its oldest share every run (issue 9).
  const rechecks = Math.floor(nTags * RECHECK_SHARE);
  const stateTarget = set.repos.length + nTags + rechecks;
  const ws = v.warmState;
  return [
    [
      'warm+verify',
      fmtS(v.warm.ms),
      fmtS(skopeo.warm.ms),
      '',
      fmtX(v.warm.ms, skopeo.warm.ms),
      '',
      `${fmtN(per(v.warm.requests))} | ${fmtN(per(skopeo.warm.requests))}`,
      `${fmtMB(v.warm.rssMB)} | ${fmtMB(skopeo.warm.rssMB)}`,
      `≤${warmTarget} requests`,
      `${verdict((v.warm.requests ?? Infinity) <= warmTarget)} (${v.warm.requests ?? '—'})`,
    ],
    targetRow('vs warm, verify off', fmtX(v.warm.ms, plain.warm.ms)),
    [
      'warm+verify+state',
      fmtS(ws?.ms),
      fmtS(skopeo.warm.ms),
      '',
      fmtX(ws?.ms, skopeo.warm.ms),
      '',
      `${fmtN(per(ws?.requests))} | ${fmtN(per(skopeo.warm.requests))}`,
      `${fmtMB(ws?.rssMB)} | ${fmtMB(skopeo.warm.rssMB)}`,
      `≤${stateTarget} req, ≤${rechecks} at dst`,
      `${verdict(ws ? (ws.requests ?? Infinity) <= stateTarget && (ws.dstRequests ?? Infinity) <= rechecks : undefined)} (${ws?.requests ?? '—'}, dst ${ws?.dstRequests ?? '—'})`,
    ],
    targetRow('vs warm+state, verify off', fmtX(ws?.ms, plain.warmState?.ms)),
  ];
}

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

/** The warm-500 target: oci-mirror's warm re-sync of 500 tags at most this share of skopeo's. */
const WARM500_TARGET = 0.06;

/** The table rows of the `--scale` measurements. */
function scaleRows(scale: ScaleResult): string[][] {
  const rows: string[][] = [];
  const { entries, tags, warm500 } = scale;
  if (entries)
    rows.push([
      `plan ${entries.count} entries @${entries.delayMs}ms`,
      fmtS(entries.ms),
      '',
      '',
      '',
      '',
      fmtN(entries.requests / entries.count),
      '',
      '≤6 s',
      verdict(entries.ms <= 6000),
    ]);
  if (tags) {
    rows.push([
      `${tags.count} tags warm+state`,
      fmtS(tags.warmStateMs),
      '',
      fmtS(tags.headFloorMs),
      '',
      fmtX(tags.warmStateMs, tags.headFloorMs),
      fmtN(tags.requests === undefined ? undefined : tags.requests / tags.count, 2),
      fmtMB(tags.rssMB),
      '≤1.2x HEAD floor',
      verdict(tags.warmStateMs <= 1.2 * tags.headFloorMs),
    ]);
    rows.push(targetRow('RSS ≤120 MB', verdict(tags.rssMB !== undefined ? tags.rssMB <= 120 : undefined)));
  }
  if (warm500) {
    const perTag = warm500.requests === undefined ? undefined : warm500.requests / warm500.tags;
    rows.push([
      `warm ${warm500.tags} tags`,
      fmtS(warm500.mirrorMs),
      fmtS(warm500.skopeoMs),
      '',
      `${warm500.ratio.toFixed(2)}x skopeo`,
      '',
      fmtN(perTag, 2),
      fmtMB(warm500.rssMB),
      `≤${WARM500_TARGET}x skopeo`,
      verdict(warm500.ratio <= WARM500_TARGET),
    ]);
    rows.push(targetRow('≤2.2 requests per tag', verdict(perTag === undefined ? undefined : perTag <= 2.2)));
  }
  return rows;
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

  const mirrors: ToolResult[] = [];
  const skopeos: ToolResult[] = [];
  const floors: number[] = [];
  for (let round = 1; round <= REPEAT; round++) {
    if (REPEAT > 1) log(`round ${round}/${REPEAT}`);
    mirrors.push(
      await measureTool(
        'oci-mirror',
        src,
        srcProxy,
        (s, d, name) => runMirror(writeMirrorConfig(set, s, d, name)),
        (s, d, name) =>
          runMirror(writeMirrorConfig(set, s, d, name), [
            '--state-file',
            join(tmp.path, `${name}.state.json`),
          ]),
      ),
    );
    skopeos.push(
      await measureTool('skopeo', src, srcProxy, (s, d, name) =>
        runSkopeoSync(writeSkopeoYaml(set, s, name), d),
      ),
    );
    log('floor: every unique blob once, 4 streams');
    const floorDst = await startRegistry();
    const floorBlobs = [...set.uniqueBlobs].map(([digest, b]) => ({ digest, repo: b.repo, size: b.size }));
    floors.push(await streamBlobsOnce(src.url, floorDst.url, 'floor/all', floorBlobs, 4));
    await floorDst.stop();
  }
  const mirror = medianResult(mirrors);
  const skopeo = medianResult(skopeos);
  const floorMs = median(floors);

  log('start: oci-mirror validate vs node -e 0, and the action (first output, exit), median of 5');
  const startCfg = writeMirrorConfig(set, src, src, 'start');
  const startTimes: number[] = [];
  const nodeTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await exec(NODE, [CLI, 'validate', startCfg]);
    if (r.code !== 0) throw new Error(`validate failed: ${r.stderr}${r.stdout}`);
    startTimes.push(r.ms);
    nodeTimes.push((await exec(NODE, ['-e', '0'])).ms);
  }
  const startMs = median(startTimes);
  const nodeMs = median(nodeTimes);
  const action = await measureAction(set, src);

  const latency = LATENCY_MS > 0 ? await measureLatency(set, src) : undefined;
  const verify = await measureVerify(set, src, srcProxy);

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
    targetRow('≤1.15x floor', verdict(mirror.cold.ms <= 1.15 * floorMs)),
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
      '≤0.15x skopeo',
      verdict(mirror.warm.ms <= 0.15 * skopeo.warm.ms),
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
  rows.push(...verifyRows(verify, mirror, skopeo, set, nTags));
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
  if (latency) {
    rows.push([
      `cold @${latency.delayMs}ms`,
      fmtS(latency.mirrorMs),
      '',
      fmtS(latency.floorMs),
      '',
      fmtX(latency.mirrorMs, latency.floorMs),
      fmtN(perTag(latency.requests)),
      '',
      '≤1.2x floor',
      verdict(latency.mirrorMs <= 1.2 * latency.floorMs),
    ]);
  }
  rows.push([
    'start',
    fmtS(startMs),
    `node ${fmtS(nodeMs)}`,
    '',
    '',
    '',
    '',
    '',
    'validate ≤2.5x node -e 0',
    `${verdict(startMs <= 2.5 * nodeMs)} (${fmtX(startMs, nodeMs)})`,
  ]);
  rows.push([
    'action',
    fmtS(action.exitMs),
    '',
    '',
    '',
    '',
    '',
    '',
    'first output ≤300 ms',
    `${verdict(action.firstOutputMs <= 300)} (${Math.round(action.firstOutputMs)} ms)`,
  ]);
  rows.push(
    targetRow(
      'bundle (index.js | all)',
      `${fmtN(action.bundleBytes / MiB, 2)} | ${fmtN(action.allChunksBytes / MiB, 2)} MiB`,
    ),
  );
  const out: string[] = [];
  out.push('');
  out.push(
    `oci-mirror benchmark — ${set.repos.length} repos x ${set.tags.length} tags x 2 platforms, ` +
      `${(set.uniqueBytes / MiB).toFixed(1)} MiB unique in ${set.uniqueBlobs.size} blobs, ` +
      `median of ${REPEAT}` +
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
  out.push(`  ${kinds('oci-mirror warm+verify', verify.warm)}`);
  if (verify.warmState) out.push(`  ${kinds('oci-mirror warm+verify+state', verify.warmState)}`);
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
        repeat: REPEAT,
        floorMs,
        startMs,
        nodeMs,
        action,
        latency,
        big,
        verify,
        targets: {
          coldVsSkopeo: mirror.cold.ms <= 0.5 * skopeo.cold.ms,
          coldVsFloor: mirror.cold.ms <= 1.15 * floorMs,
          coldAtLatencyVsFloor: latency ? latency.mirrorMs <= 1.2 * latency.floorMs : null,
          coldEachBlobReadOnce: coldReadOnce,
          warmVsSkopeo: mirror.warm.ms <= 0.15 * skopeo.warm.ms,
          warmRequests: { target: warmTarget, actual: mirror.warm.requests ?? null },
          warmStateRequests: {
            target: warmStateTarget,
            actual: ws?.requests ?? null,
            destination: ws?.dstRequests ?? null,
          },
          bigRss: big ? (big.mirror.rssMB ?? 0) < 150 : null,
          start: startMs <= 2.5 * nodeMs,
          actionFirstOutput: action.firstOutputMs <= 300,
          verifyWarmRequests: { target: verifyWarmTarget(set, nTags), actual: verify.warm.requests ?? null },
          verifyWarmStateRequests: {
            target: warmStateTarget + Math.floor(nTags * RECHECK_SHARE),
            actual: verify.warmState?.requests ?? null,
            destination: verify.warmState?.dstRequests ?? null,
          },
        },
        designSkopeoReference: DESIGN_SKOPEO,
      },
      null,
      2,
    )}\n`,
  );
  formatJson(join(ROOT, 'bench/last-run.json'));
}

/**
 * `--scale`: only the planning rows (see bench/scale.ts). Printed as a table and written under
 * `planning` in bench/last-scale.json (the `--scale-out` rows keep the rest of that file).
 */
async function mainScale(): Promise<void> {
  const tStart = performance.now();
  const loadStart = loadavg()[0] ?? 0;
  await ensureDist();
  const scale = await measureScale();
  const header = [
    'row',
    'oci-mirror',
    'skopeo',
    'floor',
    'vs skopeo',
    'ratio',
    'req/unit',
    'RSS',
    'target',
    'result',
  ];
  const totalS = (performance.now() - tStart) / 1000;
  process.stdout.write(
    `\n${table([header, ...scaleRows(scale)])}\n` +
      `Load average (1 min) at start ${loadStart.toFixed(2)}, at end ${(loadavg()[0] ?? 0).toFixed(2)} on ` +
      `${availableParallelism()} cores; bench took ${totalS.toFixed(0)} s. Results: bench/last-scale.json (planning)\n`,
  );
  const file = join(ROOT, 'bench/last-scale.json');
  const previous = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  // Rows not run this time (`--scale-rows`) keep their last result.
  const before = (previous.planning ?? {}) as ScaleResult & { targets?: Record<string, boolean> };
  const merged: ScaleResult = { ...before, ...scale };
  const planning = {
    ...merged,
    date: new Date().toISOString(),
    loadAverageAtStart: loadStart,
    cores: availableParallelism(),
    rowsRun: [...SCALE_ROWS],
    targets: {
      ...before.targets,
      ...(scale.entries ? { planEntries: scale.entries.ms <= 6000 } : {}),
      ...(scale.tags
        ? {
            warmStateAtScale: scale.tags.warmStateMs <= 1.2 * scale.tags.headFloorMs,
            rssAtScale: (scale.tags.rssMB ?? Number.POSITIVE_INFINITY) <= 120,
          }
        : {}),
      ...(scale.warm500
        ? {
            warm500: scale.warm500.ratio <= WARM500_TARGET,
            warm500RequestsPerTag: (scale.warm500.requests ?? Infinity) / scale.warm500.tags <= 2.2,
          }
        : {}),
    },
  };
  writeFileSync(file, `${JSON.stringify({ ...previous, planning }, null, 2)}\n`);
  formatJson(file);
}

/** Format a results file the way the repository's linter wants it (short arrays on one line). */
function formatJson(file: string): void {
  execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', '--write', file], { stdio: 'ignore' });
}

let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  log('interrupted: stopping registries');
  void stopAll().finally(() => process.exit(130));
});

try {
  // --scale-out: warm planning at 10,000 tags from bulk listings, and shards; see bench/scale-out.ts.
  if (args.has('--scale-out')) await import('./scale-out.js');
  else if (SCALE) await mainScale();
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
