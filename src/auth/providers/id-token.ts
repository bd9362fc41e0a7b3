/** The CI's OIDC token for a provider's exchange, with a failure worded as that provider's. */
import { CredentialError } from '../errors.js';
import type { ProviderContext } from './types.js';

/**
 * Ask for the OIDC token for `audience` right before an exchange (tokens live minutes). A failure
 * (no `id-token: write`, a fork, not in Actions) becomes a `CredentialError` naming the provider.
 */
export async function exchangeIdToken(
  ctx: ProviderContext,
  provider: string,
  audience: string | undefined,
  purpose = '',
): Promise<string> {
  try {
    return await ctx.idToken(audience);
  } catch (cause) {
    throw new CredentialError(
      ctx.host,
      `provider ${provider}: getting the OIDC token${purpose}: ${(cause as Error).message}`,
      { cause },
    );
  }
}
