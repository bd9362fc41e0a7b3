/**
 * `npx tsx bench/warm.ts DIR_A [DIR_B ...] [--repos N --tags N --rounds N --skopeo --state] [-- extra sync args]`:
 * the warm re-sync row only, many times, with a timeline of each run. The reference set is copied
 * once (by DIR_A); then every round runs each build (a `node scripts/build.mjs DIR` output; a side
 * may carry its own sync arguments after `::`, e.g. `dist::--state-file /tmp/s.json`) and, with
 * `--skopeo`, `skopeo sync` on the same registries, in an order that rotates per round. Per run:
 * wall time, CPU (user + system) and peak RSS from `/usr/bin/time`, and from a preloaded probe
 * (`--import`, diagnostics_channel of the bundled undici): when the first request was created,
 * when the last response's headers came, how many requests and connections, when the `exit` event
 * fired — all in ms since the process started. Prints medians, and per round each build's wall
 * time divided by DIR_A's (and by skopeo's with `--skopeo`), the median of those ratios.
 * `--floor`: also, each round, the request floor: the same requests (per repository its tag list,
 * then a source and a destination HEAD per tag, all repositories at once) from this process, with
 * up to 32 connections per host as the CLI has, nothing else: what the registries need for them.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Agent, request } from 'undici';
import { MediaTypes, stopAll, tempDir } from '../test/harness/index.js';
import { benchArgs } from './args.js';
import { refSetConfig, skopeoSyncArgs, startRefSet } from './refset.js';

const { own, extra, opt } = benchArgs();
const VALUE_FLAGS = /^--(repos|tags|rounds)$/;
const sides = own.filter((a, i) => !a.startsWith('--') && !VALUE_FLAGS.test(own[i - 1] ?? ''));
if (sides.length === 0) throw new Error('usage: bench/warm.ts DIR_A [DIR_B ...] [--rounds N --skopeo]');
const NODE = process.execPath;
const tmp = tempDir('oci-mirror-warm');

const PROBE = join(tmp.path, 'probe.mjs');
writeFileSync(
  PROBE,
  `import dc from 'node:diagnostics_channel';
import module from 'node:module';
const t = { start: performance.now(), requests: 0, connects: 0, bundle: null, engine: null, first: null, last: null, output: null };
dc.subscribe('undici:request:create', () => { t.requests++; t.first ??= performance.now(); });
dc.subscribe('undici:request:headers', () => { t.last = performance.now(); });
dc.subscribe('undici:client:beforeConnect', () => { t.connects++; });
module.registerHooks({
  load(url, context, next) {
    if (url.endsWith('/cli/index.js')) t.bundle ??= performance.now();
    else if (/\\/cli\\/\\d+\\.index\\.js$/.test(url)) t.engine ??= performance.now();
    return next(url, context);
  },
});
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (...args) => { t.output ??= performance.now(); return write(...args); };
process.on('exit', () => process.stderr.write('WARM-PROBE ' + JSON.stringify({ ...t, exit: performance.now() }) + '\\n'));
`,
);

interface Run {
  ms: number;
  cpuMs: number;
  rssMB: number;
  /** From the probe (oci-mirror only). */
  probe?: {
    start: number;
    bundle: number;
    engine: number;
    first: number;
    last: number;
    output: number;
    exit: number;
    requests: number;
    connects: number;
  };
}

function measured(cmd: string, args: string[]): Promise<{ run: Run; stderr: string }> {
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'WARM-TIME %M %U %S', cmd, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const m = /WARM-TIME (\d+) ([\d.]+) ([\d.]+)/.exec(err);
      if (code !== 0 || !m) return rej(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${err}`));
      const run: Run = { ms, cpuMs: (Number(m[2]) + Number(m[3])) * 1000, rssMB: Number(m[1]) / 1024 };
      const p = /WARM-PROBE (.*)/.exec(err)?.[1];
      if (p) run.probe = JSON.parse(p) as NonNullable<Run['probe']>;
      res({ run, stderr: err });
    });
  });
}

function runMirror(side: string, config: string): Promise<Run> {
  const [dir, args = ''] = side.split('::');
  const cli = resolve(dir as string, 'cli.js');
  return measured(NODE, [
    '--import',
    PROBE,
    cli,
    'sync',
    config,
    '-o',
    'json',
    '--no-progress',
    ...args.split(' ').filter(Boolean),
    ...extra,
  ]).then((r) => r.run);
}

function runSkopeo(yaml: string, dstHost: string): Promise<Run> {
  return measured('skopeo', skopeoSyncArgs(yaml, dstHost)).then((r) => r.run);
}

/** The warm run's requests alone, from this (already running) process through a fresh pool. */
async function requestFloor(srcUrl: string, dstUrl: string, repos: readonly string[]): Promise<Run> {
  const dispatcher = new Agent({ connections: 32, keepAliveTimeout: 10_000 });
  const accept = [MediaTypes.ociManifest, MediaTypes.ociIndex].join(', ');
  const head = async (url: string) => {
    const res = await request(url, { method: 'HEAD', headers: { accept }, dispatcher, reset: false });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(`request floor: HEAD ${url} answered ${res.statusCode}`);
  };
  const t0 = performance.now();
  await Promise.all(
    repos.map(async (repo) => {
      const res = await request(`${srcUrl}/v2/${repo}/tags/list?n=1000`, { dispatcher });
      const { tags = [] } = (await res.body.json()) as { tags?: string[] };
      const short = repo.split('/').pop();
      await Promise.all(
        tags.flatMap((t) => [
          head(`${srcUrl}/v2/${repo}/manifests/${t}`),
          head(`${dstUrl}/v2/mirror/${short}/manifests/${t}`),
        ]),
      );
    }),
  );
  const ms = performance.now() - t0;
  await dispatcher.close();
  return { ms, cpuMs: Number.NaN, rssMB: Number.NaN };
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const at = (i: number) => s[i] ?? Number.NaN;
  return (at(Math.floor((s.length - 1) / 2)) + at(Math.ceil((s.length - 1) / 2))) / 2;
};

try {
  const { set, src, dst } = await startRefSet(opt('--repos', 10), opt('--tags', 5));
  const skopeoLines = [`${src.host}:`, '  tls-verify: false', '  images:'];
  for (const repo of set.repos) skopeoLines.push(`    ${repo}: []`);
  const cfg = join(tmp.path, 'warm.yaml');
  writeFileSync(cfg, refSetConfig(set, src.host, dst.host));
  const skopeoYaml = join(tmp.path, 'warm.skopeo.yaml');
  writeFileSync(skopeoYaml, `${skopeoLines.join('\n')}\n`);
  process.stderr.write(`warm: cold copy of ${set.images.length} tags by ${sides[0]}\n`);
  await runMirror(sides[0] as string, cfg);
  const labels = [
    ...sides,
    ...(own.includes('--skopeo') ? ['skopeo'] : []),
    ...(own.includes('--floor') ? ['floor'] : []),
  ];
  const runs = new Map<string, Run[]>(labels.map((l) => [l, []]));
  // One unmeasured warm run each: the compile cache and the page cache are warm for all sides.
  for (const side of sides) await runMirror(side, cfg);
  const rounds = opt('--rounds', 7);
  for (let round = 0; round < rounds; round++) {
    const order = labels.map((_, i) => labels[(i + round) % labels.length] as string);
    for (const label of order) {
      const run =
        label === 'skopeo'
          ? await runSkopeo(skopeoYaml, dst.host)
          : label === 'floor'
            ? await requestFloor(src.url, dst.url, set.repos)
            : await runMirror(label, cfg);
      runs.get(label)?.push(run);
    }
    process.stderr.write(`warm: round ${round + 1}/${rounds}\n`);
  }
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');
  for (const label of labels) {
    const xs = runs.get(label) ?? [];
    const p = (k: keyof NonNullable<Run['probe']>) => median(xs.map((x) => x.probe?.[k] ?? Number.NaN));
    process.stdout.write(
      `${label}: wall ${f(median(xs.map((x) => x.ms)))} ms [${xs.map((x) => f(x.ms)).join(', ')}], ` +
        `cpu ${f(median(xs.map((x) => x.cpuMs)))} ms, peak RSS ${f(median(xs.map((x) => x.rssMB)))} MB\n` +
        (label === 'skopeo' || label === 'floor'
          ? ''
          : `  probe (ms since start, medians): preload ${f(p('start'))}, bundle ${f(p('bundle'))}, ` +
            `first chunk ${f(p('engine'))}, first request ${f(p('first'))}, last response ${f(p('last'))}, ` +
            `first output ${f(p('output'))}, exit event ${f(p('exit'))}; ${f(p('requests'))} requests, ` +
            `${f(p('connects'))} connections\n`),
    );
  }
  const ratio = (label: string, base: string, k: 'ms' | 'cpuMs' = 'ms') =>
    median((runs.get(label) ?? []).map((x, i) => x[k] / ((runs.get(base) ?? [])[i]?.[k] ?? Number.NaN)));
  for (const label of labels.slice(1)) {
    if (label !== 'skopeo' && label !== 'floor')
      process.stdout.write(
        `${label} / ${sides[0]} (median of per-round ratios): wall ${ratio(label, sides[0] as string).toFixed(2)}x, ` +
          `cpu ${ratio(label, sides[0] as string, 'cpuMs').toFixed(2)}x\n`,
      );
  }
  for (const base of ['skopeo', 'floor'])
    if (labels.includes(base))
      for (const side of sides)
        process.stdout.write(`${side} / ${base}: wall ${ratio(side, base).toFixed(2)}x\n`);
} finally {
  await stopAll();
  await tmp.cleanup();
  process.exit(process.exitCode ?? 0);
}
