/**
 * `list-images -o hauler|zarf` against the tools' own schemas (copies under test/fixtures/schemas,
 * provenance in the README there), and the points where the schema alone does not catch a
 * mistake: Hauler's OCI `name`/`repoURL` split, local charts by relative path, Zarf's unique
 * chart names within a component.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { renderImageList } from '../../../src/report/images.js';
import type { ChartImageListing } from '../../../src/sync/charts.js';

const SCHEMAS = join(import.meta.dirname, '../../fixtures/schemas');
const compile = (file: string) =>
  new Ajv2020({ allErrors: true, strict: false }).compile(
    JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')),
  );
const haulerSchema = compile('hauler-v1.schema.json');
const zarfSchema = compile('zarf-package.schema.json');

const img = (image: string) => ({
  image,
  destination: `registry.example.com/team/${image.split('/').slice(1).join('/')}`,
});
const LISTINGS: ChartImageListing[] = [
  {
    name: 'vault',
    source: 'https://helm.releases.hashicorp.com',
    version: '0.28.0',
    chart: 'registry.example.com/charts/vault:0.28.0',
    images: [img('docker.io/hashicorp/vault:1.17.2')],
  },
  {
    name: 'vault',
    source: 'https://helm.releases.hashicorp.com',
    version: '0.29.0',
    chart: 'registry.example.com/charts/vault:0.29.0',
    images: [img('docker.io/hashicorp/vault:1.18.1')],
  },
  {
    name: 'tools',
    source: 'oci://ghcr.io/acme/charts/tools',
    version: '1.4.0',
    chart: 'registry.example.com/charts/tools:1.4.0',
    images: [img('ghcr.io/acme/app:1.0')],
  },
  {
    name: 'demo_app.v2',
    source: './charts/demo-app',
    localPath: '/home/ci/work/charts/demo-app',
    version: '0.1.0',
    chart: 'registry.example.com/charts/demo_app.v2:0.1.0',
    images: [img('docker.io/library/nginx:1.27')],
  },
];

describe('Hauler manifests', () => {
  it('validate against Hauler’s v1 types, with OCI charts split into name and repoURL and local charts by relative path', () => {
    const docs = parseAllDocuments(renderImageList(LISTINGS, 'hauler')).map((d) => d.toJS());
    for (const d of docs) {
      expect(haulerSchema(d), JSON.stringify(haulerSchema.errors)).toBe(true);
    }
    expect(docs[1].spec.charts).toEqual([
      { name: 'vault', repoURL: 'https://helm.releases.hashicorp.com', version: '0.28.0' },
      { name: 'vault', repoURL: 'https://helm.releases.hashicorp.com', version: '0.29.0' },
      { name: 'tools', repoURL: 'oci://ghcr.io/acme/charts', version: '1.4.0' },
      { name: './charts/demo-app', version: '0.1.0' },
    ]);
    expect(docs[0].spec.images.map((i: { name: string }) => i.name)).toContain('ghcr.io/acme/app:1.0');
  });

  it('the schema catches the mistakes it is there for', () => {
    const bad = {
      apiVersion: 'content.hauler.cattle.io/v1',
      kind: 'Charts',
      metadata: { name: 'x' },
      spec: { charts: [{ name: 'a', repoUrl: 'oci://x' }] },
    };
    expect(haulerSchema(bad)).toBe(false);
  });
});

describe('Zarf package', () => {
  it('validates against Zarf’s package schema; component names follow its pattern, chart names are unique per component', () => {
    const pkg = parse(renderImageList(LISTINGS, 'zarf'));
    expect(zarfSchema(pkg), JSON.stringify(zarfSchema.errors)).toBe(true);
    expect(pkg.components.map((c: { name: string }) => c.name)).toEqual(['vault', 'tools', 'demo-app-v2']);
    expect(pkg.components[0].charts).toEqual([
      {
        name: 'vault-0.28.0',
        url: 'https://helm.releases.hashicorp.com',
        repoName: 'vault',
        version: '0.28.0',
        namespace: 'vault',
      },
      {
        name: 'vault-0.29.0',
        url: 'https://helm.releases.hashicorp.com',
        repoName: 'vault',
        version: '0.29.0',
        namespace: 'vault',
      },
    ]);
    expect(pkg.components[1].charts[0]).toMatchObject({
      url: 'oci://ghcr.io/acme/charts/tools',
      version: '1.4.0',
    });
    expect(pkg.components[2].charts[0]).toMatchObject({ localPath: './charts/demo-app' });
    for (const c of pkg.components) {
      const names = c.charts.map((x: { name: string }) => x.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('the schema catches the mistakes it is there for', () => {
    expect(zarfSchema({ kind: 'ZarfPackageConfig', components: [{ name: 'Bad_Name' }] })).toBe(false);
    expect(
      zarfSchema({
        kind: 'ZarfPackageConfig',
        components: [{ name: 'ok', charts: [{ name: 'c', path: 'x' }] }],
      }),
    ).toBe(false);
  });
});
