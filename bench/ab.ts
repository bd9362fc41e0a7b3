/**
 * `npx tsx bench/ab.ts DIR_A DIR_B [--repos N --tags N --rounds N --latency MS -- extra sync args]`:
 * two builds (each a `node scripts/build.mjs DIR` output) side by side on the same registries,
 * runs interleaved A, B, A, B… so that a busy shared machine slows both alike. Prints the median
 * wall time per build for a cold copy (fresh destination each round) and a warm re-sync.
 * A side may carry its own sync arguments after `::`, e.g. `dist::--streams 16` (then A and B
 * can be the same build).
 * `--big MIB`: instead, one image with a single MIB-sized layer, copied cold by each side in turn;
 * prints wall time and peak RSS (`/usr/bin/time -f %M`) per side.
 * `--tiny`: 1 KiB layers instead of 8 MiB and 1 MiB (what is left is the cost per request).
 * `--floor`: each round also streams every unique blob once into a fresh registry (bench/floor.ts,
 * 4 streams, in this process) and prints each side's cold time as a ratio to that round's floor.
 * Per run it also gives the request count (from the JSON report) and the CPU time the source and
 * destination registries spent (from /proc), since on a small machine they share the cores.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startRegistry, stopAll, tempDir } from '../test/harness/index.js';
import { benchArgs } from './args.js';
import { streamBlobsOnce } from './floor.js';
import { startCountingProxy } from './proxy.js';
import { buildRefSet, pushBigImage, pushRefSet } from './refset.js';

const { own, extra, opt } = benchArgs();
const [dirA, dirB] = own.filter((a, i) => !a.startsWith('--') && !own[i - 1]?.startsWith('--'));
if (!dirA || !dirB) throw new Error('usage: bench/ab.ts DIR_A DIR_B [--repos N --tags N --rounds N]');
const NODE = process.execPath;
const MiB = 1024 * 1024;
const tmp = tempDir('oci-mirror-ab');

/**
 * One sync by `side` under /usr/bin/time: wall ms, the process's own CPU ms (user + system; steadier
 * than wall time on a loaded machine) and peak RSS in MB.
 */
function runMeasured(
  side: string,
  config: string,
): Promise<{ ms: number; cpuMs: number; rssMB: number; requests: number }> {
  const [dir, own = ''] = side.split('::');
  const cli = resolve(dir as string, 'cli.js');
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const args = [cli, 'sync', config, '-o', 'json', '--no-progress', ...own.split(' ').filter(Boolean)];
    const child = spawn('/usr/bin/time', ['-f', 'AB %M %U %S', NODE, ...args, ...extra], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => {
      const m = /AB (\d+) ([\d.]+) ([\d.]+)/.exec(err);
      if (code !== 0 || !m) return rej(new Error(`${cli}: ${err}`));
      let requests = Number.NaN;
      try {
        requests = (JSON.parse(out) as { report: { summary: { requests: number } } }).report.summary.requests;
      } catch {
        // not a JSON report: leave the count out
      }
      res({
        ms: performance.now() - t0,
        cpuMs: (Number(m[2]) + Number(m[3])) * 1000,
        rssMB: Number(m[1]) / 1024,
        requests,
      });
    });
  });
}

/** `--big MIB`: one single-layer image, each side copies it cold in turn; time and peak RSS. */
async function bigAB(sizeMiB: number, rounds: number): Promise<void> {
  const src = await startRegistry();
  const repo = 'bench/big';
  await pushBigImage(src, repo, sizeMiB * MiB);
  const got: Record<string, { ms: number; cpuMs: number; rssMB: number }[]> = { A: [], B: [] };
  for (let round = 0; round < rounds; round++) {
    for (const label of round % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
      const dst = await startRegistry();
      const cfg = join(tmp.path, `big-${label}-${round}.yaml`);
      writeFileSync(
        cfg,
        `apiVersion: oci-mirror/v1\nkind: Config\nartifacts:\n  - source: ${src.host}/${repo}\n    destination: ${dst.host}/mirror/big\n    selector: { tags: ["1.0.0"] }\n`,
      );
      got[label]?.push(await runMeasured(label === 'A' ? (dirA as string) : (dirB as string), cfg));
      await dst.stop();
    }
  }
  for (const [label, xs] of Object.entries(got)) {
    process.stdout.write(
      `${label} ${label === 'A' ? dirA : dirB}: big ${sizeMiB} MiB: ${median(xs.map((x) => x.ms)).toFixed(0)} ms, ` +
        `peak RSS ${median(xs.map((x) => x.rssMB)).toFixed(0)} MB [${xs.map((x) => x.rssMB.toFixed(0)).join(', ')}]\n`,
    );
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** CPU time (user + system, ms) a harness registry has used so far, found by its directory in /proc. */
function registryCpuMs(reg: { dir: string }): number {
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmd.startsWith('docker-registry') || !cmd.includes(reg.dir)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // utime and stime are fields 14 and 15 of stat (11 and 12 after the command), in 1/100 s.
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // the process went away while listing
    }
  }
  return Number.NaN;
}

async function refSetAB(): Promise<void> {
  const set = buildRefSet({
    repos: opt('--repos', 10),
    tags: opt('--tags', 5),
    // `--tiny`: 1 KiB layers, so what is left is the cost per request and per tag, not per byte.
    sharedSize: own.includes('--tiny') ? 1024 : 8 * MiB,
    uniqueSize: own.includes('--tiny') ? 1024 : MiB,
  });
  const src = await startRegistry();
  await pushRefSet(src, set);
  const delayMs = opt('--latency', 0);
  const withFloor = own.includes('--floor');
  const srcEp = delayMs > 0 ? await startCountingProxy(src.url, { delayMs }) : src;
  type Run = { ms: number; cpuMs: number; rssMB: number; requests: number; regCpuMs: number };
  const times: Record<string, { cold: Run[]; warm: Run[] }> = {
    A: { cold: [], warm: [] },
    B: { cold: [], warm: [] },
  };
  const floors: { ms: number; regCpuMs: number; ownCpuMs: number }[] = [];
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
      const measured = async (): Promise<Run> => {
        const before = registryCpuMs(src) + registryCpuMs(dst);
        const run = await runMeasured(dir as string, cfg);
        return { ...run, regCpuMs: registryCpuMs(src) + registryCpuMs(dst) - before };
      };
      times[label as string]?.cold.push(await measured());
      times[label as string]?.warm.push(await measured());
      if ('close' in dstEp) await dstEp.close();
      await dst.stop();
    }
    if (withFloor) {
      const floorDst = await startRegistry();
      const floorSrc = delayMs > 0 ? await startCountingProxy(src.url, { delayMs }) : src;
      const floorEp = delayMs > 0 ? await startCountingProxy(floorDst.url, { delayMs }) : floorDst;
      const blobs = [...set.uniqueBlobs].map(([digest, b]) => ({ digest, repo: b.repo, size: b.size }));
      const before = registryCpuMs(src) + registryCpuMs(floorDst);
      const own0 = process.cpuUsage();
      const ms = await streamBlobsOnce(floorSrc.url, floorEp.url, 'floor/all', blobs, 4);
      const ownUsage = process.cpuUsage(own0);
      floors.push({
        ms,
        regCpuMs: registryCpuMs(src) + registryCpuMs(floorDst) - before,
        ownCpuMs: (ownUsage.user + ownUsage.system) / 1000,
      });
      if ('close' in floorEp) await floorEp.close();
      if ('close' in floorSrc) await floorSrc.close();
      await floorDst.stop();
    }
  }
  const list = (xs: Run[], k: keyof Run) => xs.map((x) => x[k].toFixed(0)).join(', ');
  const med = (xs: Run[], k: keyof Run) => median(xs.map((x) => x[k])).toFixed(0);
  for (const [label, t] of Object.entries(times)) {
    const vsFloor = withFloor
      ? `, ${median(t.cold.map((x, i) => x.ms / (floors[i]?.ms ?? Number.NaN))).toFixed(2)}x floor ` +
        `[${t.cold.map((x, i) => (x.ms / (floors[i]?.ms ?? Number.NaN)).toFixed(2)).join(', ')}]`
      : '';
    process.stdout.write(
      `${label} ${label === 'A' ? dirA : dirB}:\n` +
        `  cold wall ${med(t.cold, 'ms')} ms [${list(t.cold, 'ms')}]${vsFloor}\n` +
        `       cpu ${med(t.cold, 'cpuMs')} ms [${list(t.cold, 'cpuMs')}], registries' cpu ${med(t.cold, 'regCpuMs')} ms, ` +
        `${med(t.cold, 'requests')} requests, peak RSS ${med(t.cold, 'rssMB')} MB\n` +
        `  warm wall ${med(t.warm, 'ms')} ms [${list(t.warm, 'ms')}], cpu ${med(t.warm, 'cpuMs')} ms, ` +
        `registries' cpu ${med(t.warm, 'regCpuMs')} ms, ${med(t.warm, 'requests')} requests\n`,
    );
  }
  if (withFloor) {
    process.stdout.write(
      `floor: ${median(floors.map((f) => f.ms)).toFixed(0)} ms [${floors.map((f) => f.ms.toFixed(0)).join(', ')}], ` +
        `registries' cpu ${median(floors.map((f) => f.regCpuMs)).toFixed(0)} ms, ` +
        `own cpu ${median(floors.map((f) => f.ownCpuMs)).toFixed(0)} ms\n`,
    );
  }
  // Per round, B's run next to A's (same load), then the median of those ratios.
  const ratio = (k: 'cold' | 'warm', m: 'ms' | 'cpuMs') =>
    median((times.B?.[k] ?? []).map((b, i) => b[m] / (times.A?.[k]?.[i]?.[m] ?? Number.NaN)));
  process.stdout.write(
    `B/A (median of per-round ratios): cold wall ${ratio('cold', 'ms').toFixed(2)}x, cpu ${ratio('cold', 'cpuMs').toFixed(2)}x; ` +
      `warm wall ${ratio('warm', 'ms').toFixed(2)}x, cpu ${ratio('warm', 'cpuMs').toFixed(2)}x\n`,
  );
  if ('close' in srcEp) await srcEp.close();
}

try {
  if (opt('--big', 0) > 0) await bigAB(opt('--big', 0), opt('--rounds', 3));
  else await refSetAB();
} finally {
  await stopAll();
  await tmp.cleanup();
  process.exit(process.exitCode ?? 0);
}
