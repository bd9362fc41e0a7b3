/**
 * The planner's seam (`DigestSource`): what it asks and in which order. A source that answers a
 * HEAD only once the destination HEAD of the same tag has been asked (and the other way round)
 * proves that both go out together, one round trip per tag instead of two; a sequential planner
 * would wait forever and the test would time out.
 */
import { describe, expect, it } from 'vitest';
import type { ArtifactEntry } from '../../../src/config/model.js';
import type { RegistryClient } from '../../../src/oci/client.js';
import { formatReference, type Reference } from '../../../src/oci/reference.js';
import { type DigestSource, planEntry } from '../../../src/sync/plan.js';

const entry = (over: Partial<ArtifactEntry> = {}): ArtifactEntry => ({
  name: 'app',
  source: 'src.example/app',
  destinations: ['dst.example/mirror/app'],
  selector: { limit: 0 },
  overwrite: false,
  includeReferrers: false,
  position: { file: 'mirror.yaml', line: 1, column: 1 },
  ...over,
});

const DIGEST = `sha256:${'a'.repeat(64)}`;
const OTHER = `sha256:${'b'.repeat(64)}`;

/** Answers only when both sides of a tag were asked: a rendezvous per tag. */
function rendezvous(dst: Record<string, string | undefined>, known: Record<string, string> = {}) {
  const asked = new Map<string, { src?: () => void; dst?: () => void }>();
  const calls: string[] = [];
  const meet = (tag: string, side: 'src' | 'dst') =>
    new Promise<void>((resolve) => {
      const slot = asked.get(tag) ?? {};
      slot[side] = resolve;
      asked.set(tag, slot);
      if (slot.src && slot.dst) {
        slot.src();
        slot.dst();
      }
    });
  const digests: DigestSource = {
    tags: async () => ['1.0.0', '1.1.0', '2.0.0'],
    source: async (ref: Reference) => {
      calls.push(`source ${formatReference(ref)}`);
      await meet(ref.tag as string, 'src');
      return DIGEST;
    },
    manifest: async () => {
      throw new Error('no manifest read at plan time without a platform filter');
    },
    destination: async (ref: Reference) => {
      calls.push(`destination ${formatReference(ref)}`);
      await meet(ref.tag as string, 'dst');
      const d = dst[ref.tag as string];
      return d === undefined
        ? undefined
        : { digest: d, mediaType: 'application/vnd.oci.image.index.v1+json', size: 1 };
    },
    known: (ref) => known[formatReference(ref)],
  };
  return { digests, calls };
}

describe('planEntry through a DigestSource', () => {
  it('asks the source and the destination of a tag together and classifies copy, skip and drift', async () => {
    const { digests } = rendezvous({ '1.0.0': undefined, '1.1.0': DIGEST, '2.0.0': OTHER });
    const plan = await planEntry({} as RegistryClient, entry(), {
      overwrite: false,
      parallelism: 8,
      digests,
    });
    expect(plan.tags.map((t) => [t.src.tag, t.action])).toEqual([
      ['2.0.0', 'drift'],
      ['1.1.0', 'skip'],
      ['1.0.0', 'copy'],
    ]);
    // A plan carries digests, not manifests: the copy reads the manifest by digest.
    expect(plan.tags.every((t) => t.manifest === undefined)).toBe(true);
  });

  it('asks no destination the state cache answers, and still checks drift live', async () => {
    const calls: string[] = [];
    const digests: DigestSource = {
      tags: async () => ['1.0.0', '1.1.0'],
      source: async (ref) => {
        calls.push(`source ${ref.tag}`);
        return DIGEST;
      },
      manifest: async () => {
        throw new Error('unexpected');
      },
      destination: async (ref) => {
        calls.push(`destination ${ref.tag}`);
        return { digest: OTHER, mediaType: 'application/vnd.oci.image.index.v1+json', size: 1 };
      },
      known: (ref) => (ref.tag === '1.0.0' ? DIGEST : OTHER),
    };
    const plan = await planEntry({} as RegistryClient, entry(), {
      overwrite: false,
      parallelism: 8,
      digests,
    });
    expect(plan.tags.map((t) => [t.src.tag, t.action, t.row.reason])).toEqual([
      ['1.1.0', 'drift', 'destination differs from source (overwrite: false)'],
      ['1.0.0', 'skip', 'up-to-date (remembered)'],
    ]);
    expect(calls.sort()).toEqual(['destination 1.1.0', 'source 1.0.0', 'source 1.1.0']);
  });
});
