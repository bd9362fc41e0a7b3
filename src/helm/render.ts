/**
 * Render a chart with `helm template` (subcharts included) and collect its images. Rendering runs
 * the chart's templates: only mirror charts you trust. A failure is a `RenderError` with helm's own
 * message, never an empty image list.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { RenderError } from './errors.js';
import { type FoundImage, imagesInAnnotations, imagesInManifests, mergeImages } from './images.js';
import type { ChartMetadata } from './metadata.js';

export interface RenderOptions {
  /** Inline values (written to a temporary values file, applied after `valuesFiles`). */
  values?: Record<string, unknown>;
  /** Values files (absolute paths), in order. */
  valuesFiles?: string[];
  /** `--set` overrides, applied last. */
  set?: Record<string, string>;
  kubeVersion?: string;
  apiVersions?: string[];
  /** Release namespace (default `default`). */
  namespace?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
}

function run(bin: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { env, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const detail = String(stderr).trim() || err.message;
      reject(new RenderError(detail.split('\n').slice(-20).join('\n'), { cause: err }));
    });
  });
}

/** `--set` needs `,` and `\` escaped in values. */
function setArg(key: string, value: string): string {
  return `${key}=${value.replace(/[\\,]/g, '\\$&')}`;
}

/** `helm template` of a chart archive: the rendered YAML. */
export async function renderChart(
  bin: string,
  tgz: Buffer,
  metadata: ChartMetadata,
  options: RenderOptions = {},
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'oci-mirror-render-'));
  try {
    const chartPath = join(dir, 'chart.tgz');
    await writeFile(chartPath, tgz);
    const args = ['template', metadata.name, chartPath, '--namespace', options.namespace ?? 'default'];
    for (const f of options.valuesFiles ?? []) args.push('--values', f);
    if (options.values && Object.keys(options.values).length > 0) {
      const valuesPath = join(dir, 'values.yaml');
      await writeFile(valuesPath, stringify(options.values));
      args.push('--values', valuesPath);
    }
    for (const [k, v] of Object.entries(options.set ?? {})) args.push('--set', setArg(k, v));
    if (options.kubeVersion) args.push('--kube-version', options.kubeVersion);
    for (const a of options.apiVersions ?? []) args.push('--api-versions', a);
    const env = { ...(options.env ?? process.env) };
    // Rendering a packaged chart needs no repository or registry configuration.
    env.HELM_CACHE_HOME = join(dir, 'cache');
    env.HELM_CONFIG_HOME = join(dir, 'config');
    env.HELM_DATA_HOME = join(dir, 'data');
    return await run(bin, args, env, options.timeoutMs ?? 120_000);
  } catch (err) {
    if (err instanceof RenderError)
      throw new RenderError(`helm template ${metadata.name} ${metadata.version}: ${err.message}`, {
        cause: err,
      });
    throw err;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Render and collect images (manifests + Chart.yaml annotations). Library charts only have annotations. */
export async function discoverImages(
  bin: string,
  tgz: Buffer,
  metadata: ChartMetadata,
  options: RenderOptions = {},
): Promise<FoundImage[]> {
  const annotated = imagesInAnnotations(metadata.annotations);
  if (metadata.type === 'library') return mergeImages([], annotated);
  const rendered = await renderChart(bin, tgz, metadata, options);
  return mergeImages(imagesInManifests(rendered), annotated);
}
