#!/usr/bin/env node
// The oci-mirror command line: loads ./cli/index.js through Node's compile cache (see scripts/build.mjs).
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(`oci-mirror: needs Node.js 22.19 or newer (24 recommended); this is ${process.version}\n`);
  process.exit(1);
}
module.enableCompileCache?.();
await import('./cli/index.js');
