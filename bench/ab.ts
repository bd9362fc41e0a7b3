/**
 * `npx tsx bench/ab.ts DIR_A DIR_B [--repos N --tags N --rounds N --latency MS -- extra sync args]`:
 * two builds (each a `node scripts/build.mjs DIR` output) side by side on the same registries,
 * runs interleaved A, B, A, B… so that a busy shared machine slows both alike. Prints the median
 * wall time per build for a cold copy (fresh destination each round) and a warm re-sync.
 * A side may carry its own sync arguments after `::`, e.g. `dist::--streams 16` (then A and B
 * can be the same build).
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startRegistry, stopAll, tempDir } from '../test/harness/index.js';
import { startCountingProxy } from './proxy.js';
import { buildRefSet, pushRefSet } from './refset.js';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const extra = sep >= 0 ? argv.slice(sep + 1) : [];
const own = sep >= 0 ? argv.slice(0, sep) : argv;
const opt = (name: string, dflt: number): number => {
  const i = own.indexOf(name);
  return i >= 0 ? Number(own[i + 1]) : dflt;
};
const [dirA, dirB] = own.filter((a, i) => !a.startsWith('--') && !own[i - 1]?.startsWith('--'));
if (!dirA || !dirB) throw new Error('usage: bench/ab.ts DIR_A DIR_B [--repos N --tags N --rounds N]');
const NODE = process.execPath;
const MiB = 1024 * 1024;
const tmp = tempDir('oci-mirror-ab');

function run(side: string, config: string): Promise<number> {
  const [dir, own = ''] = side.split('::');
  const cli = resolve(dir as string, 'cli.js');
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const args = [cli, 'sync', config, '-o', 'json', '--no-progress', ...own.split(' ').filter(Boolean)];
    const child = spawn(NODE, [...args, ...extra], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) =>
      code === 0 ? res(performance.now() - t0) : rej(new Error(`${cli}: ${err}`)),
    );
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

try {
  const set = buildRefSet({
    repos: opt('--repos', 10),
    tags: opt('--tags', 5),
    sharedSize: 8 * MiB,
    uniqueSize: 1 * MiB,
  });
  const src = await startRegistry();
  await pushRefSet(src, set);
  const delayMs = opt('--latency', 0);
  const srcEp = delayMs > 0 ? await startCountingProxy(src.url, { delayMs }) : src;
  const times: Record<string, { cold: number[]; warm: number[] }> = {
    A: { cold: [], warm: [] },
    B: { cold: [], warm: [] },
  };
  for (let round = 0; round < opt('--rounds', 3); round++) {
    for (const [label, dir] of round % 2 === 0
      ? [
          ['A', dirA],
          ['B', dirB],
        ]
      : [
          ['B', dirB],
          ['A', dirA],
        ]) {
      const dst = await startRegistry();
      const dstEp = delayMs > 0 ? await startCountingProxy(dst.url, { delayMs }) : dst;
      const lines = ['apiVersion: oci-mirror/v1', 'kind: Config', 'artifacts:'];
      for (const repo of set.repos) {
        lines.push(
          `  - source: ${srcEp.host}/${repo}`,
          `    destination: ${dstEp.host}/mirror/${repo.split('/').pop()}`,
          `    selector: { semver: ">=0.0.0", limit: 0 }`,
        );
      }
      const cfg = join(tmp.path, `ab-${label}-${round}.yaml`);
      writeFileSync(cfg, `${lines.join('\n')}\n`);
      times[label as string]?.cold.push(await run(dir as string, cfg));
      times[label as string]?.warm.push(await run(dir as string, cfg));
      if ('close' in dstEp) await dstEp.close();
      await dst.stop();
    }
  }
  for (const [label, t] of Object.entries(times)) {
    process.stdout.write(
      `${label} ${label === 'A' ? dirA : dirB}: cold ${median(t.cold).toFixed(0)} ms [${t.cold.map((x) => x.toFixed(0)).join(', ')}], warm ${median(t.warm).toFixed(0)} ms [${t.warm.map((x) => x.toFixed(0)).join(', ')}]\n`,
    );
  }
  const ratio = (k: 'cold' | 'warm') => median(times.B?.[k] ?? []) / median(times.A?.[k] ?? []);
  process.stdout.write(`B/A: cold ${ratio('cold').toFixed(2)}x, warm ${ratio('warm').toFixed(2)}x\n`);
  if ('close' in srcEp) await srcEp.close();
} finally {
  await stopAll();
  await tmp.cleanup();
  process.exit(process.exitCode ?? 0);
}
