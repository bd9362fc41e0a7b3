/** Whether dist/ must be rebuilt before the demo or the benchmark runs it. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when dist/cli.js is missing or older than anything the build reads. */
export function distIsStale(root: string): boolean {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) return true;
  const inputs = ['src', 'scripts/build.mjs', 'package.json', 'package-lock.json']
    .map((p) => join(root, p))
    .filter((p) => existsSync(p));
  return statSync(cli).mtimeMs < Math.max(...inputs.map(newestMtime));
}
