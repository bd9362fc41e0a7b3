/**
 * `npx tsx bench/plan-entries.ts DIR_A [DIR_B] [--entries N --delay MS --rounds N]`: the `--scale`
 * planning row at a chosen size — N one-tag entries planned (`oci-mirror plan`) behind MS of latency
 * each way — for one or two builds (`node scripts/build.mjs DIR`), interleaved A, B, B, A… Prints
 * wall ms, requests, and the requests in flight at each proxy (sampled every 50 ms: median and max).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Agent, request } from 'undici';
import { HostLimiter } from '../src/sync/pool.js';
import { MediaTypes, startRegistry, stopAll, tempDir } from '../test/harness/index.js';
import { benchArgs } from './args.js';
import { startCountingProxy } from './proxy.js';
import { inParallel, pushTinyImage, writeEntriesConfig } from './scale.js';

const { own, opt } = benchArgs();
const dirs = own.filter((a, i) => !a.startsWith('--') && !own[i - 1]?.startsWith('--'));
if (dirs.length === 0) throw new Error('usage: bench/plan-entries.ts DIR_A [DIR_B] [--entries N --delay MS]');
const n = opt('--entries', 200);
const delayMs = opt('--delay', 25);
const rounds = opt('--rounds', 1);
/** Extra node flags for the CLI (e.g. PE_NODE_ARGS=--cpu-prof). */
const nodeArgs = (process.env.PE_NODE_ARGS ?? '').split(' ').filter(Boolean);
const PER_HOST = 32;
const tmp = tempDir('oci-mirror-plan-entries');

const src = await startRegistry();
const repos = Array.from({ length: n }, (_, i) => `one/r${String(i).padStart(4, '0')}`);
await inParallel(repos, 16, (repo) => pushTinyImage(src, repo, ['1.0.0']));
const dst = await startRegistry();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function once(dir: string) {
  const s = await startCountingProxy(src.url, { delayMs });
  const d = await startCountingProxy(dst.url, { delayMs });
  const cfg = writeEntriesConfig(join(tmp.path, 'entries.yaml'), repos, s, d);
  const samples: { src: number; dst: number }[] = [];
  const timer = setInterval(() => samples.push({ src: s.inFlight().now, dst: d.inFlight().now }), 50);
  let err = '';
  const t0 = performance.now();
  const code = await new Promise<number>((res) => {
    const args = [...nodeArgs, resolve(dir, 'cli.js'), 'plan', cfg, '-o', 'json', '--no-progress'];
    const child = spawn('/usr/bin/time', ['-f', 'PE %M %U %S', process.execPath, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('close', (c) => res(c ?? 1));
  });
  const ms = performance.now() - t0;
  clearInterval(timer);
  const m = /PE (\d+) ([\d.]+) ([\d.]+)/.exec(err);
  if (code !== 0 || !m) throw new Error(`${dir}: exit ${code}: ${err}`);
  const busy = samples.filter((x) => x.src + x.dst > 0);
  const out = {
    dir,
    code,
    ms: Math.round(ms),
    cpuMs: Math.round((Number(m[2]) + Number(m[3])) * 1000),
    rssMB: Math.round(Number(m[1]) / 1024),
    requests: s.counts().total + d.counts().total,
    byKind: {
      ...s.counts().byKind,
      ...Object.fromEntries(Object.entries(d.counts().byKind).map(([k, v]) => [`dst ${k}`, v])),
    },
    firstRequestAfterMs: (samples.findIndex((x) => x.src + x.dst > 0) + 1) * 50,
    busyMs: busy.length * 50,
    inFlightSrc: { median: median(busy.map((x) => x.src)), max: s.inFlight().max },
    inFlightDst: { median: median(busy.map((x) => x.dst)), max: d.inFlight().max },
  };
  await s.close();
  await d.close();
  return out;
}

/**
 * The floor of this row: per entry a tag list, then the source and destination HEADs together,
 * all entries at once with `PER_HOST` requests in flight per host through one keep-alive pool.
 */
async function floor() {
  const s = await startCountingProxy(src.url, { delayMs });
  const d = await startCountingProxy(dst.url, { delayMs });
  const dispatcher = new Agent({ connections: PER_HOST, keepAliveTimeout: 10_000 });
  const hosts = new HostLimiter(PER_HOST);
  const accept = [MediaTypes.ociManifest, MediaTypes.ociIndex].join(', ');
  const call = (url: string, method: 'GET' | 'HEAD') =>
    hosts.run(new URL(url).host, async () => {
      const res = await request(url, { method, headers: { accept }, dispatcher });
      if (method === 'GET') return (await res.body.json()) as { tags?: string[] };
      await res.body.dump();
      return res.statusCode;
    });
  const t0 = performance.now();
  await Promise.all(
    repos.map(async (repo) => {
      const listed = (await call(`${s.url}/v2/${repo}/tags/list`, 'GET')) as { tags?: string[] };
      for (const t of listed.tags ?? [])
        await Promise.all([
          call(`${s.url}/v2/${repo}/manifests/${t}`, 'HEAD'),
          call(`${d.url}/v2/mirror/${repo}/manifests/${t}`, 'HEAD'),
        ]);
    }),
  );
  const ms = performance.now() - t0;
  const out = { floor: true, ms: Math.round(ms), requests: s.counts().total + d.counts().total };
  await dispatcher.close();
  await s.close();
  await d.close();
  return out;
}

for (let r = 0; r < rounds; r++) {
  if (process.env.PE_FLOOR) console.log(JSON.stringify(await floor()));
  const order = r % 2 === 0 ? dirs : [...dirs].reverse();
  for (const dir of order) console.log(JSON.stringify(await once(dir)));
}
await stopAll();
