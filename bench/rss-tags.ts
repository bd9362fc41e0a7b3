/**
 * `npx tsx bench/rss-tags.ts DIR_A [DIR_B] [--repos N --tags N --rounds N]`: the `--scale` row
 * "N×M tags warm with a state file" at a chosen size, for one or two builds, interleaved; prints
 * wall ms, CPU ms and peak RSS (`/usr/bin/time`) of the measured warm run of each.
 * PE_NODE_ARGS adds node flags to the CLI (e.g. `--require` a memory logger).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startRegistry, stopAll, tempDir } from '../test/harness/index.js';
import { benchArgs } from './args.js';
import { inParallel, pushTinyImage, writeEntriesConfig } from './scale.js';

const { own, opt } = benchArgs();
const dirs = own.filter((a, i) => !a.startsWith('--') && !own[i - 1]?.startsWith('--'));
if (dirs.length === 0) throw new Error('usage: bench/rss-tags.ts DIR_A [DIR_B] [--repos N --tags N]');
const nRepos = opt('--repos', 30);
const perRepo = opt('--tags', 100);
const rounds = opt('--rounds', 1);
const nodeArgs = (process.env.PE_NODE_ARGS ?? '').split(' ').filter(Boolean);
const tmp = tempDir('oci-mirror-rss-tags');

const src = await startRegistry();
const dst = await startRegistry();
const repos = Array.from({ length: nRepos }, (_, i) => `many/r${String(i).padStart(3, '0')}`);
const tags = Array.from({ length: perRepo }, (_, i) => `1.0.${i}`);
await inParallel(repos, 4, (repo) => pushTinyImage(src, repo, tags, 8));
await inParallel(repos, 4, (repo) => pushTinyImage(dst, `mirror/${repo}`, tags, 8, repo));
const cfg = writeEntriesConfig(join(tmp.path, 'tags.yaml'), repos, src, dst);

/** `dir` may carry node flags for the CLI after `::` (e.g. `/tmp/b::--max-semi-space-size=8`). */
function run(side: string, state: string, flags: string[] = []) {
  const [dir = side, own = ''] = side.split('::');
  flags = [...own.split(' ').filter(Boolean), ...flags];
  return new Promise<{ ms: number; cpuMs: number; rssMB: number }>((res, rej) => {
    const args = [
      ...flags,
      resolve(dir, 'cli.js'),
      'sync',
      cfg,
      '-o',
      'json',
      '--no-progress',
      '--state-file',
      state,
    ];
    const t0 = performance.now();
    const child = spawn('/usr/bin/time', ['-f', 'RT %M %U %S', process.execPath, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    child.on('close', (code) => {
      const m = /RT (\d+) ([\d.]+) ([\d.]+)/.exec(err);
      if (code !== 0 || !m) return rej(new Error(`${dir}: exit ${code}: ${err.slice(-2000)}`));
      res({
        ms: Math.round(performance.now() - t0),
        cpuMs: Math.round((Number(m[2]) + Number(m[3])) * 1000),
        rssMB: Math.round(Number(m[1]) / 1024),
      });
    });
  });
}

for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? dirs : [...dirs].reverse();
  for (const dir of order) {
    const state = join(tmp.path, 'state.json');
    rmSync(state, { force: true });
    await run(dir, state);
    console.log(JSON.stringify({ dir, tags: nRepos * perRepo, ...(await run(dir, state, nodeArgs)) }));
  }
}
await stopAll();
