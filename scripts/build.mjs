// Bundle the action (dist/index.js) and the CLI (dist/cli.js → dist/cli/index.js) with @vercel/ncc.
// Each `import()` in the sources becomes a chunk next to its bundle (`<id>.index.js`), loaded only
// when that code runs: the action's @actions/cache (Azure storage SDK), helm tooling and the
// registry engine, the CLI's sync engine. The CLI lives in dist/cli/ so the two builds' chunk
// names cannot collide.
// `node scripts/build.mjs [OUTDIR]` builds into OUTDIR (default dist/); the freshness test builds
// into a temporary directory and compares byte for byte.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist'));
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const entries = [
  { src: 'src/action/index.ts', dir: '.' },
  { src: 'src/cli/main.ts', dir: 'cli' },
];

// dist/cli.js (the `oci-mirror` bin) loads the CLI bundle through V8's on-disk compile cache:
// a repeated run (a CronJob, a laptop) starts ~40 ms faster. Node keeps the cache in
// $NODE_COMPILE_CACHE or the OS temp directory, keyed by content, so it never goes stale.
const CLI_LAUNCHER = `#!/usr/bin/env node
// The oci-mirror command line: loads ./cli/index.js through Node's compile cache (see scripts/build.mjs).
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(\`oci-mirror: needs Node.js 22.19 or newer (24 recommended); this is \${process.version}\\n\`);
  process.exit(1);
}
module.enableCompileCache?.();
await import('./cli/index.js');
`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const entry of entries) {
  const tmp = mkdtempSync(join(tmpdir(), 'oci-mirror-ncc-'));
  execFileSync(
    process.execPath,
    [ncc, 'build', join(root, entry.src), '-o', tmp, '--quiet', '--target', 'es2023'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const target = join(out, entry.dir);
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(tmp)) {
    if (file === 'package.json') continue;
    // Beside index.js: its lazily imported chunks, and assets of lazily loaded libraries
    // (@azure/identity's browser login helper `xdg-open`, never used here; the .proto folders
    // proto-loader ships). Any other script is unexpected.
    if (/\.(c|m)?js$/.test(file) && !/^(\d+\.)?index\.m?js$/.test(file)) {
      throw new Error(`unexpected ncc output ${file} for ${entry.src}: expected index.js and its chunks`);
    }
    renameSync(join(tmp, file), join(target, file));
  }
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync(join(out, 'cli.js'), CLI_LAUNCHER);
chmodSync(join(out, 'cli.js'), 0o755);
writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
