/**
 * Issue 9, points 2-4: cut and stalled bodies are retried as whole requests, a flipped byte on a
 * read is fetched again once (twice fails closed), `--timeout` bounds every wait (planning too),
 * and every failure names side, operation, reference and status with registry bytes escaped.
 * Real registries behind the harness fault proxy.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../src/report/schema.js';
import {
  buildImage,
  type FaultMatchInput,
  type FaultProxy,
  getManifestRaw,
  pushContent,
  startFaultProxy,
  startRegistry,
  stopAll,
  type TempDir,
  type TestRegistry,
  tempDir,
} from '../harness/index.js';
import { cli } from './cli-run.js';

let src: TestRegistry;
let dst: TestRegistry;
let s: FaultProxy;
let d: FaultProxy;
let dir: TempDir;
const TAGS = ['1.0', '1.1', '2.0'];
const digests = new Map<string, string>();
let n = 0;

interface Row {
  status: string;
  tag?: string;
  error?: { message: string; side?: string; operation?: string; httpStatus?: number; kind?: string };
}
interface Entry {
  error?: Row['error'];
  tags: Row[];
}

/** Fails with a clear message when `p` has not settled once `ms` have passed (a hang, not a timing). */
function notHanging<T>(p: Promise<T>, what: string, ms = 60_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: still pending (hung)`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Mirror every tag of app/ft into a fresh destination repository. */
async function run(...flags: string[]) {
  const repo = `mirror/ft${++n}`;
  const path = join(dir.path, `ft${n}.yaml`);
  writeFileSync(
    path,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - name: ft
    source: ${s.host}/app/ft
    destination: ${d.host}/${repo}
    selector: { limit: 0 }
`,
  );
  const r = await notHanging(cli(['sync', path, '-o', 'json', ...flags]), 'oci-mirror sync');
  const doc = JSON.parse(r.stdout);
  expect(validateReport(doc)).toEqual([]);
  const entries = doc.report.results as Entry[];
  return { code: r.code, entries, rows: entries.flatMap((e) => e.tags), summary: doc.report.summary, repo };
}

/** Every tag at `repo` holds exactly the source's manifest. */
async function allCorrect(repo: string): Promise<void> {
  for (const tag of TAGS) expect((await getManifestRaw(dst, repo, tag))?.digest).toBe(digests.get(tag));
}

const is =
  (method: string, part: string) =>
  (req: FaultMatchInput): boolean =>
    req.method === method && req.path.includes(part);

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  [s, d] = await Promise.all([startFaultProxy(src.url), startFaultProxy(dst.url)]);
  dir = tempDir('fault-tolerance-test-');
  for (const tag of TAGS) {
    const img = buildImage({ seed: `ft-${tag}`, sharedLayerSize: 3_000, uniqueLayerSize: 800 });
    digests.set(tag, await pushContent(src, 'app/ft', tag, img));
  }
});
afterAll(async () => {
  await Promise.all([s?.stop(), d?.stop()]);
  dir?.cleanup();
  await stopAll();
});

describe('cut, stalled and altered answers are retried (point 2)', () => {
  it('a tag list cut mid-body is read again as a whole request', async () => {
    s.rules = [{ resetAfterBytes: 5, match: is('GET', '/tags/list'), times: 1 }];
    const r = await run();
    s.rules = [];
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ copied: 3, failed: 0 });
    await allCorrect(r.repo);
  });

  it('manifest bodies cut mid-body (source GETs, destination PUT answers lost) are retried', async () => {
    s.rules = [{ resetAfterBytes: 20, match: is('GET', '/manifests/'), times: 3 }];
    d.rules = [{ reset: true, match: is('PUT', '/manifests/'), times: 2 }];
    const r = await run();
    s.rules = [];
    d.rules = [];
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ copied: 3, failed: 0 });
    await allCorrect(r.repo);
  });

  it('a byte flipped once in a manifest or blob read is fetched again; the copy is exact', async () => {
    s.rules = [
      { corruptByte: 30, match: is('GET', '/manifests/'), times: 1 },
      { corruptByte: 10, match: is('GET', '/blobs/sha256:'), times: 1 },
    ];
    const r = await run();
    s.rules = [];
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ copied: 3, failed: 0 });
    await allCorrect(r.repo);
  });

  it('a manifest read that never matches its digest fails closed, naming side and operation', async () => {
    // The first tag planned (2.0) is HEADed and its copy reads the manifest by digest; the others
    // usually wait for the destination's tag list (none) and planning reads them by tag instead
    // of a HEAD (else their copies read them by digest too).
    s.rules = [
      { corruptByte: 30, match: is('GET', `/manifests/${digests.get('2.0')}`) },
      { corruptByte: 30, match: is('GET', `/manifests/${digests.get('1.0')}`) },
      { corruptByte: 30, match: (r) => r.method === 'GET' && r.path.endsWith('/manifests/1.0') },
    ];
    const r = await run();
    s.rules = [];
    expect(r.code).toBe(1);
    const copy = r.rows.find((t) => t.tag === '2.0') as Row;
    expect(copy.status).toBe('failed');
    expect(copy.error).toMatchObject({ side: 'source', kind: 'DigestMismatchError' });
    expect(copy.error?.operation).toContain(`get manifest ${s.host}/app/ft@${digests.get('2.0')}`);
    const planned = r.rows.find((t) => t.tag === '1.0') as Row;
    expect(planned.status).toBe('failed');
    expect(planned.error).toMatchObject({ side: 'source', kind: 'DigestMismatchError' });
    expect([`${s.host}/app/ft:1.0`, `${s.host}/app/ft@${digests.get('1.0')}`]).toContain(
      planned.error?.operation?.replace(/^get manifest /, '').replace(/ \(.*$/, ''),
    );
    expect(r.summary).toMatchObject({ copied: 1, failed: 2 });
    for (const tag of ['2.0', '1.0']) expect(await getManifestRaw(dst, r.repo, tag)).toBeUndefined();
  });

  it('a stalled manifest body is retried within --timeout', async () => {
    s.rules = [{ stallAfterBytes: 10, match: is('GET', '/manifests/'), times: 1 }];
    const r = await run('--timeout', '6s');
    s.rules = [];
    expect(r.code).toBe(0);
    expect(r.summary).toMatchObject({ copied: 3, failed: 0 });
    await allCorrect(r.repo);
  });
});

describe('--timeout bounds every wait (point 3)', () => {
  it('a source that accepts connections but never answers fails the tags within the budget, planning included', async () => {
    s.rules = [{ delayMs: 120_000, match: is('GET', '/manifests/') }];
    const r = await run('--timeout', '2s', '--retries', '0');
    s.rules = [];
    expect(r.code).toBe(1);
    expect(r.summary.failed).toBe(3);
    for (const row of r.rows) {
      expect(row.error?.side).toBe('source');
      expect(row.error?.message).toMatch(/get manifest .*app\/ft[:@].*timeout/i);
    }
  });

  it('--timeout 0 is refused', async () => {
    const r = await cli(['sync', join(dir.path, 'ft1.yaml'), '--timeout', '0s']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('--timeout: must be more than 0');
  });
});

describe('every failure says where and what (point 4)', () => {
  it('a tag list that is not JSON: the entry error names side and operation, with the bytes escaped and cut', async () => {
    const garbage = `\u001b[31mnot json\u0007${'x'.repeat(500)}`;
    s.rules = [{ status: 200, body: garbage, match: is('GET', '/tags/list') }];
    const r = await run();
    s.rules = [];
    expect(r.code).toBe(1);
    const error = r.entries[0]?.error;
    expect(error).toMatchObject({ side: 'source', operation: `list tags of ${s.host}/app/ft` });
    expect(error?.message).toContain('not JSON');
    expect(error?.message).toContain('\\u001b[31mnot json\\u0007');
    expect(error?.message).not.toContain('\u001b');
    expect(error?.message.length).toBeLessThan(300);
    expect(r.summary).toMatchObject({ failed: 1, failedEntries: 1 });
  });

  it('a connection reset on every manifest read names side, operation and reference', async () => {
    // 2.0, planned first, is read by its copy by digest; 1.1 usually by tag while planning.
    s.rules = [
      { reset: true, match: is('GET', `/manifests/${digests.get('2.0')}`) },
      { reset: true, match: is('GET', `/manifests/${digests.get('1.1')}`) },
      { reset: true, match: (r) => r.method === 'GET' && r.path.endsWith('/manifests/1.1') },
    ];
    const r = await run('--retries', '1');
    s.rules = [];
    const bad = r.rows.find((t) => t.tag === '2.0') as Row;
    expect(bad.error).toMatchObject({ side: 'source', kind: 'NetworkError' });
    expect(bad.error?.operation).toBe(`get manifest ${s.host}/app/ft@${digests.get('2.0')}`);
    expect(bad.error?.message).toContain(`get manifest ${s.host}/app/ft@${digests.get('2.0')}`);
    const planned = r.rows.find((t) => t.tag === '1.1') as Row;
    expect(planned.error).toMatchObject({ side: 'source', kind: 'NetworkError' });
    expect([
      `get manifest ${s.host}/app/ft:1.1`,
      `get manifest ${s.host}/app/ft@${digests.get('1.1')}`,
    ]).toContain(planned.error?.operation);
  });
});
