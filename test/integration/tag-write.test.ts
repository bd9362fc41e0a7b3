/**
 * Issue 9, point 1: a failed tagged-manifest write never leaves wrong bytes under the tag. The
 * fault proxy flips one byte of the PUT body (inside `"architecture":"amd64"` of an index, which
 * distribution accepts and stores under the digest of what it received).
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
  skopeoInspectRaw,
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
let d: FaultProxy;
let dir: TempDir;
const image = buildImage({ seed: 'tagwrite', sharedLayerSize: 4_000, uniqueLayerSize: 1_000 });
const other = buildImage({ seed: 'tagwrite-other', sharedLayerSize: 4_000, uniqueLayerSize: 1_000 });
/** Offset of a byte inside the string `amd64` of the index: flipping it keeps the JSON valid. */
const ARCH_OFFSET = image.top.bytes.indexOf('"amd64"') + 1;

interface Row {
  status: string;
  destination: string;
  sourceDigest?: string;
  error?: { message: string; side?: string; repair?: string; operation?: string };
}

function config(name: string, tag: string): string {
  const path = join(dir.path, `${name}.yaml`);
  writeFileSync(
    path,
    `apiVersion: oci-mirror/v1
kind: Config
artifacts:
  - source: ${src.host}/app/tw:${tag}
    destination: ${d.host}/mirror/${name}
`,
  );
  return path;
}

async function sync(path: string, ...flags: string[]) {
  const r = await cli(['sync', path, '-o', 'json', ...flags]);
  const doc = JSON.parse(r.stdout);
  expect(validateReport(doc)).toEqual([]);
  const rows = (doc.report.results as { tags: Row[] }[]).flatMap((e) => e.tags);
  return { code: r.code, rows, summary: doc.report.summary, stderr: r.stderr };
}

const tagPut =
  (repo: string, tag: string) =>
  (req: FaultMatchInput): boolean =>
    req.method === 'PUT' && req.path === `/v2/mirror/${repo}/manifests/${tag}`;

async function held(repo: string, tag: string): Promise<string | undefined> {
  try {
    return (await getManifestRaw(dst, `mirror/${repo}`, tag))?.digest;
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  [src, dst] = await Promise.all([startRegistry(), startRegistry()]);
  d = await startFaultProxy(dst.url);
  dir = tempDir('tag-write-test-');
  await pushContent(src, 'app/tw', '1.0', image);
  expect(ARCH_OFFSET).toBeGreaterThan(0);
});
afterAll(async () => {
  await d?.stop();
  dir?.cleanup();
  await stopAll();
});

describe('a failed tag write leaves no wrong bytes under the tag', () => {
  it('the proxy rule really makes the registry store other bytes (the test can fail)', async () => {
    d.rules = [{ corruptRequestByte: ARCH_OFFSET, match: tagPut('probe', '1.0'), times: 1 }];
    // The harness client itself notices (the registry answers with another digest) and throws.
    await expect(
      pushContent({ ...dst, url: d.url, host: d.host } as TestRegistry, 'mirror/probe', '1.0', image),
    ).rejects.toThrow(/registry reported/);
    const stored = await held('probe', '1.0');
    expect(stored).toBeDefined();
    expect(stored).not.toBe(image.top.digest);
    d.rules = [];
  });

  it('one altered PUT: the same bytes are put again and the tag ends right', async () => {
    d.rules = [{ corruptRequestByte: ARCH_OFFSET, match: tagPut('once', '1.0'), times: 1 }];
    const run = await sync(config('once', '1.0'));
    d.rules = [];
    expect(run.code).toBe(0);
    expect(run.rows[0]?.status).toBe('copied');
    expect(await held('once', '1.0')).toBe(image.top.digest);
    const raw = await skopeoInspectRaw(dst, 'mirror/once:1.0');
    expect(Buffer.from(raw).equals(image.top.bytes)).toBe(true);
  });

  it('a new tag whose every PUT is altered: the run fails, the stored manifest is deleted, the next clean run copies it', async () => {
    d.rules = [{ corruptRequestByte: ARCH_OFFSET, match: tagPut('new', '1.0') }];
    const run = await sync(config('new', '1.0'));
    d.rules = [];
    expect(run.code).toBe(1);
    const row = run.rows[0] as Row;
    expect(row.status).toBe('failed');
    expect(row.error?.side).toBe('destination');
    expect(row.error?.repair).toMatch(/deleted/);
    expect(row.error?.message).toMatch(/stored different bytes/);
    expect(await held('new', '1.0')).toBeUndefined();
    const again = await sync(config('new', '1.0'));
    expect(again.code).toBe(0);
    expect(again.rows[0]?.status).toBe('copied');
    expect(await held('new', '1.0')).toBe(image.top.digest);
  });

  it('an overwrite whose every PUT is altered: the previous manifest is put back, and the next clean run overwrites it', async () => {
    const previous = await pushContent(dst, 'mirror/ow', '1.0', other);
    // Every PUT of the copy (4 = 1 + the default 3 retries) is altered; the restoring PUT is not.
    d.rules = [{ corruptRequestByte: ARCH_OFFSET, match: tagPut('ow', '1.0'), times: 4 }];
    const run = await sync(config('ow', '1.0'), '--overwrite');
    d.rules = [];
    expect(run.code).toBe(1);
    const row = run.rows[0] as Row;
    expect(row.status).toBe('failed');
    expect(row.error?.repair).toContain(`restored to its previous manifest ${previous}`);
    expect(await held('ow', '1.0')).toBe(previous);
    // Not drift of our own making: without --overwrite the tag is reported as the user's drift
    // (their previous manifest), and with it the copy goes through.
    const plain = await sync(config('ow', '1.0'));
    expect(plain.rows[0]).toMatchObject({ status: 'drifted' });
    expect((plain.rows[0] as Row & { destinationDigest?: string }).destinationDigest).toBe(previous);
    const again = await sync(config('ow', '1.0'), '--overwrite');
    expect(again.code).toBe(0);
    expect(again.rows[0]?.status).toBe('overwritten');
    expect(await held('ow', '1.0')).toBe(image.top.digest);
  });

  it('a PUT applied whose answer is lost is recognised as done', async () => {
    d.rules = [{ dropAnswer: true, match: tagPut('lost', '1.0') }];
    const run = await sync(config('lost', '1.0'), '--retries', '0');
    d.rules = [];
    expect(run.rows[0]?.status).toBe('copied');
    expect(run.code).toBe(0);
    expect(await held('lost', '1.0')).toBe(image.top.digest);
  });
});
