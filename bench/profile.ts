/**
 * `npx tsx bench/profile.ts DIR [--warm] [--tiny] [--keep PREFIX] [--repos N --tags N] [-- extra sync args]`: one cold copy
 * (and with --warm, then a warm re-sync) of the reference set by the build in DIR under
 * `node --cpu-prof`, then the functions and modules where the CLI's own CPU went (self time),
 * with the request count per host from the counting proxies. For finding where a run spends CPU
 * on a 2-core machine where the registries run too.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stopAll, tempDir } from '../test/harness/index.js';
import { benchArgs } from './args.js';
import { startCountingProxy } from './proxy.js';
import { startRefSet } from './refset.js';

const { own, extra, opt } = benchArgs();
const dir = own.find((a, i) => !a.startsWith('--') && !own[i - 1]?.match(/^--(repos|tags|keep)$/));
if (!dir) throw new Error('usage: bench/profile.ts DIR [--warm] [--repos N --tags N]');
const tmp = tempDir('oci-mirror-profile');

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Loaded before the CLI: when the process exits, how long after its start (ms). */
const EXIT_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('PROFILE-EXIT '+performance.now().toFixed(0)+'\\n'))`;

function run(config: string, profDir: string): Promise<number> {
  const t0 = performance.now();
  const args = [
    '--import',
    EXIT_HOOK,
    '--cpu-prof',
    '--cpu-prof-dir',
    profDir,
    resolve(dir as string, 'cli.js'),
  ];
  return new Promise((res, rej) => {
    const child = spawn(
      process.execPath,
      [...args, 'sync', config, '-o', 'json', '--no-progress', ...extra],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => {
      const exit = /PROFILE-EXIT (\d+)/.exec(err)?.[1];
      if (exit) process.stdout.write(`process: exit event ${exit} ms after its start\n`);
      return code === 0 ? res(performance.now() - t0) : rej(new Error(err));
    });
  });
}

function summarize(label: string, profDir: string, wallMs: number): void {
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no profile in ${profDir}`);
  const keep = own[own.indexOf('--keep') + 1];
  if (own.includes('--keep') && keep) copyFileSync(join(profDir, file), `${keep}.${label}.cpuprofile`);
  const prof = JSON.parse(readFileSync(join(profDir, file), 'utf8')) as Profile;
  const self = new Map<number, number>();
  prof.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
  });
  const byFn = new Map<string, number>();
  const byModule = new Map<string, number>();
  let total = 0;
  for (const n of prof.nodes) {
    const us = self.get(n.id) ?? 0;
    total += us;
    const url = n.callFrame.url.replace(/^.*\/(dist|node_modules)\//, '$1/');
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${url}:${n.callFrame.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    const mod = n.callFrame.url ? url.replace(/:\d+$/, '') : n.callFrame.functionName;
    byModule.set(mod, (byModule.get(mod) ?? 0) + us);
  }
  // Inclusive time per function (a function counted once per sample, however deep it recurs).
  const parent = new Map<number, number>();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const inclusive = new Map<string, number>();
  prof.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (!f?.url || f.url.startsWith('node:')) continue;
      const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(dist|node_modules)\//, '$1/')}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + (prof.timeDeltas[i] ?? 0));
    }
  });
  const idle = byFn.get('(idle) :0') ?? 0;
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  process.stdout.write(
    `${label}: wall ${wallMs.toFixed(0)} ms, profiled ${((prof.endTime - prof.startTime) / 1000).toFixed(0)} ms, ` +
      `busy ${((total - idle) / 1000).toFixed(0)} ms (idle ${(idle / 1000).toFixed(0)} ms)\n` +
      `by script:\n${top(byModule, 12)}\nby function:\n${top(byFn, 25)}\n` +
      `inclusive (bundle code):\n${top(inclusive, 40)}\n`,
  );
}

try {
  const { set, src, dst } = await startRefSet(
    opt('--repos', 10),
    opt('--tags', 5),
    // `--tiny`: 1 KiB layers, so what is left is the cost per request and per tag, not per byte.
    own.includes('--tiny') ? { sharedSize: 1024, uniqueSize: 1024 } : {},
  );
  const srcP = await startCountingProxy(src.url);
  const dstP = await startCountingProxy(dst.url);
  const lines = ['apiVersion: oci-mirror/v1', 'kind: Config', 'artifacts:'];
  for (const repo of set.repos) {
    lines.push(
      `  - source: ${srcP.host}/${repo}`,
      `    destination: ${dstP.host}/mirror/${repo.split('/').pop()}`,
      `    selector: { semver: ">=0.0.0", limit: 0 }`,
    );
  }
  const cfg = join(tmp.path, 'profile.yaml');
  writeFileSync(cfg, `${lines.join('\n')}\n`);
  const kinds = () =>
    JSON.stringify({
      source: { total: srcP.counts().total, ...srcP.counts().byKind },
      destination: { total: dstP.counts().total, ...dstP.counts().byKind },
    });
  const coldDir = join(tmp.path, 'cold');
  summarize('cold', coldDir, await run(cfg, coldDir));
  process.stdout.write(`requests: ${kinds()}\n`);
  if (own.includes('--warm')) {
    const warmDir = join(tmp.path, 'warm');
    summarize('warm', warmDir, await run(cfg, warmDir));
  }
  await srcP.close();
  await dstP.close();
} finally {
  await stopAll();
  await tmp.cleanup();
  process.exit(process.exitCode ?? 0);
}
