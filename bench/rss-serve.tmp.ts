import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRegistry, tempDir } from '../test/harness/index.js';
import { inParallel, pushTinyImage, writeEntriesConfig } from './scale.js';

const nRepos = 100,
  perRepo = 100;
const tmp = tempDir('oci-mirror-rss-serve');
const src = await startRegistry();
const dst = await startRegistry();
const repos = Array.from({ length: nRepos }, (_, i) => `many/r${String(i).padStart(3, '0')}`);
const tags = Array.from({ length: perRepo }, (_, i) => `1.0.${i}`);
await inParallel(repos, 4, (repo) => pushTinyImage(src, repo, tags, 8));
await inParallel(repos, 4, (repo) => pushTinyImage(dst, `mirror/${repo}`, tags, 8, repo));
const cfg = writeEntriesConfig(join(tmp.path, 'tags.yaml'), repos, src, dst);
writeFileSync('/tmp/rss/cfg-path', cfg);
console.log('READY', cfg);
setInterval(() => {}, 1 << 30);
