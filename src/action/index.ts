/**
 * Entry point of the action (`dist/index.js`): says that it started, then loads the rest. The
 * runner shows nothing until the first line, and loading the action's modules takes a while on a
 * cold runner; everything else (main.js and, on demand, the engine, the cache client, helm tooling,
 * octokit) comes in as separate chunks of the bundle.
 */
import { VERSION } from '../version.js';

process.stdout.write(`oci-mirror ${VERSION}: starting\n`);
await import('./main.js');
