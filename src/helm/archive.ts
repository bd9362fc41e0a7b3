/** Read the files of a chart `.tgz` in memory (charts are small; the OCI layer is these exact bytes). */
import { gunzipSync } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';
import { ChartError } from './errors.js';

/** Largest uncompressed chart we read (helm's own limit is 20 MiB compressed; charts are small). */
const MAX_UNCOMPRESSED = 256 * 1024 * 1024;

/** Every regular file of the archive: path (as stored, e.g. `mychart/Chart.yaml`) → bytes. */
export function readArchive(tgz: Uint8Array, what: string): Map<string, Buffer> {
  let tarBytes: Buffer;
  try {
    tarBytes = gunzipSync(tgz, { maxOutputLength: MAX_UNCOMPRESSED });
  } catch (cause) {
    throw new ChartError(`${what}: not a gzip-compressed chart archive`, { cause });
  }
  const files = new Map<string, Buffer>();
  const parser = new Parser({ strict: true });
  let failure: unknown;
  parser.on('entry', (entry: ReadEntry) => {
    if (entry.type !== 'File' && entry.type !== 'OldFile') {
      entry.resume();
      return;
    }
    const chunks: Buffer[] = [];
    entry.on('data', (c: Buffer) => chunks.push(c));
    entry.on('end', () => files.set(entry.path.replace(/^\.\//, ''), Buffer.concat(chunks)));
  });
  parser.on('error', (err: unknown) => {
    failure = err;
  });
  parser.on('warn', (_code: string, message: string | Error) => {
    failure ??= message instanceof Error ? message : new Error(message);
  });
  parser.end(tarBytes);
  if (failure !== undefined) throw new ChartError(`${what}: not a valid tar archive`, { cause: failure });
  return files;
}

/** The chart's top directory in the archive and its files relative to it. */
export function chartFiles(tgz: Uint8Array, what: string): { root: string; files: Map<string, Buffer> } {
  const all = readArchive(tgz, what);
  const chartYaml = [...all.keys()].filter((p) => /^[^/]+\/Chart\.yaml$/.test(p)).sort();
  const first = chartYaml[0];
  if (first === undefined) throw new ChartError(`${what}: no <chart>/Chart.yaml in the archive`);
  const root = first.slice(0, first.indexOf('/'));
  const files = new Map<string, Buffer>();
  for (const [p, b] of all) if (p.startsWith(`${root}/`)) files.set(p.slice(root.length + 1), b);
  return { root, files };
}
