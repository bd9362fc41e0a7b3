/**
 * The OCI 1.1 referrers API (distribution-spec end-12a/12b) in front of a real registry that lacks
 * it (distribution 2.8): a fault-proxy rule that answers `GET /v2/<name>/referrers/<digest>` from
 * the upstream's `sha256-<hex>` fallback index, as the spec says a registry that enables the API
 * must (it lists what the tag lists). Everything else reaches the real registry. It follows the
 * spec: always 200 with an OCI index (empty when there are none), 400 for an invalid digest,
 * `artifactType` filtering announced with `OCI-Filters-Applied`.
 */
import type { FaultRule } from '../harness/index.js';

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const PATH = /^\/v2\/(.+)\/referrers\/([^/?]+)(?:\?(.*))?$/;

export function referrersApiRule(upstreamUrl: string): FaultRule {
  return {
    match: (r) => r.method === 'GET' && PATH.test(r.path),
    respond: async (r) => {
      const [, name, digest, query] = PATH.exec(r.path) as RegExpExecArray;
      if (!/^sha256:[0-9a-f]{64}$/.test(digest ?? ''))
        return {
          status: 400,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ errors: [{ code: 'DIGEST_INVALID', message: 'invalid digest' }] }),
        };
      const res = await fetch(`${upstreamUrl}/v2/${name}/manifests/${digest?.replace(':', '-')}`, {
        headers: { accept: OCI_INDEX },
      });
      let manifests: { artifactType?: string }[] = [];
      if (res.ok) manifests = ((await res.json()) as { manifests?: typeof manifests }).manifests ?? [];
      else await res.arrayBuffer();
      const artifactType = new URLSearchParams(query ?? '').get('artifactType');
      const headers: Record<string, string> = { 'content-type': OCI_INDEX };
      if (artifactType) {
        manifests = manifests.filter((m) => m.artifactType === artifactType);
        headers['oci-filters-applied'] = 'artifactType';
      }
      return {
        status: 200,
        headers,
        body: JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests }),
      };
    },
  };
}
