/**
 * Package a local chart directory into a `.tgz` deterministically: the same directory gives the
 * same bytes on every run and machine (sorted entries, fixed time, modes and owners, `.helmignore`
 * honoured), so an unchanged chart never drifts at the destination.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Header, Pax } from 'tar';
import { ChartError } from './errors.js';
import { HelmIgnore } from './ignore.js';
import { type ChartMetadata, parseChartMetadata } from './metadata.js';

/** The mtime of every entry: fixed so that bytes depend on content only. */
const EPOCH = new Date('1980-01-01T00:00:00Z');

export interface PackagedChart {
  metadata: ChartMetadata;
  tgz: Buffer;
}

async function walk(root: string, rel: string, ignore: HelmIgnore, out: string[], depth = 0): Promise<void> {
  if (depth > 64) throw new ChartError(`${root}: directory tree too deep (symlink loop?)`);
  const dir = join(root, rel);
  for (const name of (await readdir(dir)).sort()) {
    const path = rel === '' ? name : `${rel}/${name}`;
    const st = await stat(join(root, path));
    if (ignore.ignores(path, st.isDirectory())) continue;
    if (st.isDirectory()) await walk(root, path, ignore, out, depth + 1);
    else if (st.isFile()) out.push(path);
  }
}

function entry(path: string, size: number): Buffer[] {
  const data = {
    path,
    mode: 0o644,
    uid: 0,
    gid: 0,
    size,
    mtime: EPOCH,
    type: 'File' as const,
    uname: '',
    gname: '',
  };
  const header = new Header(data);
  const block = Buffer.alloc(512);
  const needPax = header.encode(block);
  if (!needPax) return [block];
  const pax = new Pax({ path, mtime: EPOCH } as ConstructorParameters<typeof Pax>[0]).encode();
  return [pax, block];
}

/** Package the chart in `dir` (validated `Chart.yaml`) into deterministic `.tgz` bytes. */
export async function packageChart(dir: string): Promise<PackagedChart> {
  let chartYaml: Buffer;
  try {
    chartYaml = await readFile(join(dir, 'Chart.yaml'));
  } catch (cause) {
    throw new ChartError(`${dir}: not a chart directory (no Chart.yaml)`, { cause });
  }
  let requirements: Buffer | undefined;
  try {
    requirements = await readFile(join(dir, 'requirements.yaml'));
  } catch {
    requirements = undefined;
  }
  const metadata = parseChartMetadata(chartYaml, dir, requirements);
  let ignoreText = '';
  try {
    ignoreText = await readFile(join(dir, '.helmignore'), 'utf8');
  } catch {
    ignoreText = '';
  }
  const files: string[] = [];
  await walk(dir, '', new HelmIgnore(ignoreText, dir), files);
  const blocks: Buffer[] = [];
  for (const rel of files) {
    const data = await readFile(join(dir, rel));
    blocks.push(...entry(`${metadata.name}/${rel}`, data.length), data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad > 0) blocks.push(Buffer.alloc(pad));
  }
  blocks.push(Buffer.alloc(1024));
  return { metadata, tgz: gzipSync(Buffer.concat(blocks), { level: 9 }) };
}
