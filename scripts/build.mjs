// Bundle the action (dist/index.js) and the CLI (dist/cli.js) with @vercel/ncc.
// `node scripts/build.mjs [OUTDIR]` builds into OUTDIR (default dist/); the freshness test builds
// into a temporary directory and compares byte for byte.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(root, 'dist'));
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

const entries = [
  { src: 'src/action/main.ts', name: 'index.js' },
  { src: 'src/cli/main.ts', name: 'cli-main.js' },
];

// dist/cli.js (the `oci-mirror` bin) loads the CLI bundle through V8's on-disk compile cache:
// a repeated run (a CronJob, a laptop) starts ~40 ms faster. Node keeps the cache in
// $NODE_COMPILE_CACHE or the OS temp directory, keyed by content, so it never goes stale.
const CLI_LAUNCHER = `#!/usr/bin/env node
// The oci-mirror command line: loads ./cli-main.js through Node's compile cache (see scripts/build.mjs).
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(\`oci-mirror: needs Node.js 22.19 or newer (24 recommended); this is \${process.version}\\n\`);
  process.exit(1);
}
module.enableCompileCache?.();
// Before the bundle loads: keep V8's young generation from growing, so streamed blobs do not pile
// up RSS (see src/runtime.ts for the measurements).
(await import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
await import('./cli-main.js');
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
  for (const file of readdirSync(tmp)) {
    if (file === 'index.js' || file === 'index.mjs') {
      const target = join(out, entry.name);
      renameSync(join(tmp, file), target);
      if (entry.shebang) {
        const code = readFileSync(target, 'utf8');
        if (!code.startsWith('#!')) writeFileSync(target, `#!/usr/bin/env node\n${code}`);
        chmodSync(target, 0o755);
      }
    } else if (/^\d+\.index\.js$/.test(file)) {
      // A lazily imported chunk (the cloud credential libraries): named after its entry so the
      // action's and the CLI's chunks cannot collide in dist/.
      renameSync(join(tmp, file), join(out, file.replace('.index.js', `.${entry.name}`)));
    } else if (file !== 'package.json' && !/\.(c|m)?js$/.test(file)) {
      // Assets of lazily loaded libraries, the same for both entries: @azure/identity's browser
      // login helper `xdg-open` (never used here), and the .proto folders proto-loader ships.
      rmSync(join(out, file), { recursive: true, force: true });
      renameSync(join(tmp, file), join(out, file));
    } else if (file !== 'package.json') {
      throw new Error(`unexpected ncc output ${file} for ${entry.src}: keep the bundle to one file`);
    }
  }
  // Point the chunk loader at the renamed chunks.
  const bundle = join(out, entry.name);
  const code = readFileSync(bundle, 'utf8');
  const loader = 'return "" + chunkId + ".index.js";';
  if (code.includes(loader))
    writeFileSync(bundle, code.replace(loader, `return "" + chunkId + ".${entry.name}";`));
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync(join(out, 'cli.js'), CLI_LAUNCHER);
chmodSync(join(out, 'cli.js'), 0o755);
writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
