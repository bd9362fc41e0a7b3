/** When a job can have the runner's OIDC ID token, why not, and which hosts need it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { noIdToken, usesIdToken } from '../../../src/auth/id-token-env.js';
import type { HostEntry } from '../../../src/config/model.js';

const dir = mkdtempSync(join(tmpdir(), 'id-token-env-'));
function event(name: string, payload: unknown, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const path = join(dir, `${name}-${Math.random()}.json`);
  writeFileSync(path, JSON.stringify(payload));
  return {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: name,
    GITHUB_EVENT_PATH: path,
    GITHUB_REPOSITORY: 'acme/mirror',
    ...extra,
  };
}
const pr = (head: unknown) => ({
  pull_request: { number: 1, head: { repo: head }, base: { repo: { full_name: 'acme/mirror' } } },
});

describe('noIdToken', () => {
  it('is undefined when the runner offers a token', () => {
    expect(
      noIdToken({ ACTIONS_ID_TOKEN_REQUEST_URL: 'http://x', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }),
    ).toBeUndefined();
  });
  it('tells a fork pull request (also a deleted fork) from pull_request_target and a same-repository one', () => {
    expect(noIdToken(event('pull_request', pr({ full_name: 'someone/fork', fork: true })))?.cause).toBe(
      'fork',
    );
    expect(noIdToken(event('pull_request', pr(null)))?.cause).toBe('fork');
    expect(noIdToken(event('pull_request_review', pr({ full_name: 'someone/fork' })))?.cause).toBe('fork');
    // pull_request_target runs in the base repository: the token is there once granted.
    const target = noIdToken(event('pull_request_target', pr({ full_name: 'someone/fork', fork: true })));
    expect(target?.cause).toBe('permission');
    expect(target?.message).toContain('pull_request_target runs in the base repository');
    expect(noIdToken(event('pull_request', pr({ full_name: 'acme/mirror', fork: false })))?.cause).toBe(
      'permission',
    );
    expect(noIdToken(event('push', {}))?.message).toMatch(
      /^ACTIONS_ID_TOKEN_REQUEST_URL .* grant the job `permissions: id-token: write`/,
    );
  });
  it('names Dependabot, and says when this is not Actions at all', () => {
    expect(
      noIdToken(event('pull_request', pr({ full_name: 'acme/mirror' }), { GITHUB_ACTOR: 'dependabot[bot]' }))
        ?.cause,
    ).toBe('dependabot');
    expect(noIdToken({})?.cause).toBe('outside-actions');
  });
});

describe('usesIdToken', () => {
  const h = (extra: Partial<HostEntry>): HostEntry => ({
    host: 'r.example.com',
    position: { file: 'f', line: 1, column: 1 },
    ...extra,
  });
  it('is true for the Actions token providers and the cloud exchanges that present it', () => {
    for (const x of [
      { credential: { provider: 'github' } },
      { credential: { provider: 'forgejo' } },
      { provider: 'ecr', roleArn: 'arn:aws:iam::1:role/r' },
      {
        provider: 'gar',
        workloadIdentityProvider: 'projects/1/locations/global/workloadIdentityPools/p/providers/q',
      },
      { provider: 'acr', tenantId: 't', clientId: 'c' },
      { provider: 'jfrog' },
      { provider: 'quay' },
      { provider: 'dockerhub' },
    ] as Partial<HostEntry>[])
      expect(usesIdToken(h(x)), JSON.stringify(x)).toBe(true);
  });
  it('is false for static credentials and ambient cloud identities', () => {
    for (const x of [
      {},
      { credential: { value: 'v' } },
      { credential: { provider: 'gcp' } },
      { credential: { provider: 'aws' } },
      { provider: 'ecr' },
      { provider: 'gar' },
      { provider: 'acr' },
      { provider: 'ghcr' },
    ] as Partial<HostEntry>[])
      expect(usesIdToken(h(x)), JSON.stringify(x)).toBe(false);
  });
});
