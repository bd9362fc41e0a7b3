/**
 * `credential.provider: forgejo`: Forgejo Actions serve the same ID-token protocol as GitHub's
 * (ACTIONS_ID_TOKEN_REQUEST_URL + bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN, `&audience=`), so the
 * token is requested from the runner endpoint (here the OIDC issuer fake, which checks the bearer)
 * for the configured audience.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubIdTokenSource } from '../../src/auth/oidc.js';
import { providerFor } from '../../src/auth/providers/index.js';
import { type OidcIssuer, startOidcIssuer } from '../fakes/oidc-issuer.js';
import { providerContext } from './util.js';

const position = { file: 'c.yaml', line: 1, column: 1 };
let issuer: OidcIssuer;
beforeAll(async () => {
  issuer = await startOidcIssuer();
});
afterAll(async () => {
  await issuer?.stop();
});

describe('credential.provider: forgejo', () => {
  it('is the Actions ID token for the audience, from the runner endpoint', async () => {
    const ctx = providerContext('registry.example.com');
    ctx.idToken = githubIdTokenSource(ctx.transport, issuer.env);
    const provider = providerFor(
      { host: 'registry.example.com', credential: { provider: 'forgejo', audience: 'mirror' }, position },
      ctx,
    );
    expect(provider?.name).toBe('forgejo');
    const x = await provider?.fetch();
    const v = issuer.verify(x?.credential.registryToken ?? '');
    expect('claims' in v && v.claims.aud).toBe('mirror');
  });

  it('outside a runner the error names Forgejo', async () => {
    const ctx = providerContext('registry.example.com');
    const provider = providerFor(
      { host: 'registry.example.com', credential: { provider: 'forgejo' }, position },
      ctx,
    );
    await expect(provider?.fetch()).rejects.toThrow(
      /Forgejo Actions OIDC token for audience "registry.example.com"/,
    );
  });
});
