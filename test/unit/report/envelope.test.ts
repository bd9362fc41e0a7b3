import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  REPORT_SCHEMA_URL,
  renderJson,
  renderJsonChunks,
  renderYaml,
  toReport,
} from '../../../src/report/envelope.js';
import { REPORT_SCHEMA, validateReport } from '../../../src/report/schema.js';
import { renderText } from '../../../src/report/text.js';
import { clearSecretsForTesting, registerSecret } from '../../../src/secrets.js';
import { dryRunResult, runResult } from './fixtures.js';

const meta = { reporter: { name: 'oci-mirror', version: '0.1.0' }, configFile: 'mirror.yaml' };

/** A deep copy of a valid document to break. */
function doc(): Record<string, unknown> & { report: Record<string, unknown> } {
  return JSON.parse(renderJson(toReport(runResult(), meta)));
}

describe('toReport', () => {
  it('builds the DESIGN §5 envelope', () => {
    const d = toReport(runResult(), meta);
    expect(Object.keys(d)).toEqual(['apiVersion', 'kind', '$schema', 'report']);
    expect(d.apiVersion).toBe('oci-mirror/v1');
    expect(d.kind).toBe('Report');
    expect(d.$schema).toBe(REPORT_SCHEMA_URL);
    expect((REPORT_SCHEMA as { $id: string }).$id).toBe(REPORT_SCHEMA_URL);
    expect(Object.keys(d.report)).toEqual([
      'reporter',
      'timestamp',
      'durationMs',
      'dryRun',
      'configFile',
      'summary',
      'results',
    ]);
    expect(d.report.timestamp).toBe('2025-01-02T03:04:05.678Z');
    expect(d.report.summary).toEqual({
      entries: 2,
      copied: 1,
      overwritten: 1,
      skipped: 1,
      drifted: 1,
      wouldCopy: 0,
      wouldOverwrite: 0,
      failed: 2,
      failedEntries: 1,
      notChecked: 0,
      bytes: 12_348_726,
      blobs: { copied: 8, mounted: 2, existing: 5 },
      requests: 340,
    });
    expect(d.report.results[1]?.error).toEqual({
      message: 'list tags ghcr.io/a/gone: GET returned HTTP 404',
      side: 'source',
      operation: 'list tags ghcr.io/a/gone',
      httpStatus: 404,
      code: 'NAME_UNKNOWN',
      kind: 'RegistryError',
    });
  });

  it('omits undefined fields', () => {
    const d = toReport(dryRunResult(), { reporter: meta.reporter });
    expect('configFile' in d.report).toBe(false);
    const entry = d.report.results[0]!;
    expect('position' in entry).toBe(false);
    expect('error' in entry).toBe(false);
    expect(entry.status).toBe('completed');
    expect(Object.keys(entry.tags[0]!)).toEqual([
      'source',
      'tag',
      'sourceDigest',
      'digest',
      'destination',
      'status',
      'bytes',
      'blobs',
      'manifests',
      'durationMs',
    ]);
    expect(renderJson(d)).not.toContain('undefined');
  });
});

describe('rendered documents', () => {
  it.each([
    ['run', runResult],
    ['dry run', dryRunResult],
  ])('JSON and YAML of a %s validate against the schema', (_, make) => {
    const d = toReport(make(), meta);
    expect(validateReport(d)).toEqual([]);
    const json = renderJson(d);
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.split('\n')[1]).toBe('  "apiVersion": "oci-mirror/v1",');
    expect(validateReport(JSON.parse(json))).toEqual([]);
    const yaml = renderYaml(d);
    expect(yaml.startsWith('apiVersion: oci-mirror/v1\nkind: Report\n$schema: ')).toBe(true);
    expect(parse(yaml)).toEqual(JSON.parse(json));
    expect(validateReport(parse(yaml))).toEqual([]);
  });

  it.each([
    ['run', runResult],
    ['dry run', dryRunResult],
    ['run without entries', () => ({ ...runResult(), entries: [] })],
    ['run of one entry', () => ({ ...runResult(), entries: runResult().entries.slice(0, 1) })],
  ])('JSON of a %s, written one entry at a time, is the whole document JSON.stringify gives', (_, make) => {
    const d = toReport(make(), meta);
    const pieces = [...renderJsonChunks(d)];
    expect(pieces.join('')).toBe(`${JSON.stringify(d, null, 2)}\n`);
    expect(renderJson(d)).toBe(`${JSON.stringify(d, null, 2)}\n`);
    // The head with the first entry, one piece per further entry, the tail: never the whole text at once.
    expect(pieces).toHaveLength(Math.max(1, d.report.results.length + 1));
  });

  it('keeps long values on one YAML line', () => {
    const result = runResult();
    const long = `x${'y'.repeat(300)} z`;
    result.entries[0]!.tags[4]!.error!.message = long;
    expect(renderYaml(toReport(result, meta))).toContain(`message: ${long}\n`);
  });
});

describe('schema', () => {
  it('rejects an unknown status', () => {
    const d = doc();
    (d.report.results as { tags: { status: string }[] }[])[0]!.tags[0]!.status = 'copied-ish';
    expect(validateReport(d)).toEqual([
      '/report/results/0/tags/0/status: must be equal to one of the allowed values: copied, overwritten, skipped, drifted, would-copy, would-overwrite, failed, deferred',
    ]);
  });

  it('rejects a missing summary', () => {
    const d = doc();
    delete d.report.summary;
    expect(validateReport(d)).toEqual(['/report: missing required property "summary"']);
  });

  it('rejects a negative count', () => {
    const d = doc();
    (d.report.summary as { copied: number }).copied = -1;
    expect(validateReport(d)).toEqual(['/report/summary/copied: must be >= 0']);
  });

  it('rejects a fractional count', () => {
    const d = doc();
    (d.report.summary as { blobs: { mounted: number } }).blobs.mounted = 1.5;
    expect(validateReport(d)).toEqual(['/report/summary/blobs/mounted: must be integer']);
  });

  it('rejects an extra property', () => {
    const d = doc();
    (d.report.results as Record<string, unknown>[])[0]!.color = 'blue';
    expect(validateReport(d)).toEqual(['/report/results/0: unknown property "color"']);
  });

  it('rejects a bad side, digest, timestamp, apiVersion and entry kind', () => {
    const d = doc();
    d.apiVersion = 'v2';
    d.report.timestamp = 'yesterday';
    const entry = (
      d.report.results as { kind: string; error: { side: string }; tags: { sourceDigest: string }[] }[]
    )[1]!;
    entry.kind = 'image';
    entry.error.side = 'middle';
    (d.report.results as (typeof entry)[])[0]!.tags[0]!.sourceDigest = 'sha256';
    expect(validateReport(d)).toEqual([
      '/apiVersion: must be "oci-mirror/v1"',
      '/report/timestamp: must match format "date-time"',
      '/report/results/0/tags/0/sourceDigest: must match pattern "^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$"',
      '/report/results/1/kind: must be equal to one of the allowed values: artifact, chart',
      '/report/results/1/error/side: must be equal to one of the allowed values: source, destination',
    ]);
  });

  it('rejects what is not a report at all', () => {
    expect(validateReport(null)).toEqual(['/: must be object']);
    expect(validateReport({})).toHaveLength(4);
  });
});

describe('redaction', () => {
  afterEach(() => clearSecretsForTesting());

  it('masks a registered secret in text, JSON and YAML', () => {
    registerSecret('s3cr3t-token');
    const result = runResult();
    result.entries[0]!.tags[4]!.error!.message = 'auth failed for token s3cr3t-token at reg.local';
    result.entries[1]!.error!.message = 'Bearer s3cr3t-token rejected';
    const text = renderText(result, { verbose: true });
    const d = toReport(result, meta);
    const json = renderJson(d);
    const yaml = renderYaml(d);
    for (const out of [text, json, yaml]) {
      expect(out).not.toContain('s3cr3t-token');
      expect(out).toContain('auth failed for token *** at reg.local');
      expect(out).toContain('Bearer *** rejected');
    }
  });

  it('masks a secret found in a key, a value and across the pieces of the JSON', () => {
    // `sult` is part of the `results` key itself, which the document's own key is redacted as.
    registerSecret('sult');
    registerSecret('"quoted\\secret"');
    const result = runResult();
    result.entries[0]!.tags[4]!.error!.message = 'token "quoted\\secret" and sult';
    const json = renderJson(toReport(result, meta));
    expect(json).not.toContain('sult');
    expect(json).not.toContain('quoted');
    const parsed = JSON.parse(json) as {
      report: Record<string, { tags: { error?: { message: string } }[] }[]>;
    };
    expect(Object.keys(parsed.report)).toContain('re***s');
    expect(parsed.report['re***s']).toHaveLength(2);
    expect(parsed.report['re***s']?.[0]?.tags[4]?.error?.message).toBe('token *** and ***');
  });

  it('masks secrets in documents built before the secret was registered', () => {
    const result = runResult();
    result.entries[0]!.tags[4]!.error!.message = 'leaked s3cr3t-token';
    const d = toReport(result, meta);
    registerSecret('s3cr3t-token');
    expect(renderJson(d)).toContain('"message": "leaked ***"');
    expect(renderYaml(d)).toContain('message: leaked ***');
  });
});
