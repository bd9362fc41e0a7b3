/**
 * The seam between the registry client and authentication. The client declares which scopes a
 * request needs; an `Authorizer` (implemented in `src/auth/`) supplies the Authorization header and
 * learns from `WWW-Authenticate` challenges. Defined here so `oci/` does not import `auth/`.
 */

/** One resource scope, e.g. `{ type: 'repository', name: 'library/nginx', actions: ['pull'] }`. */
export interface Scope {
  type: string;
  name: string;
  actions: string[];
}

export interface Authorizer {
  /** The Authorization header value for a request to `host` needing `scopes`, or undefined (anonymous). */
  authorization(host: string, scopes: readonly Scope[]): Promise<string | undefined>;
  /**
   * Learn from a 401 answer. Returns true when the request should be retried (new credentials or
   * a token with wider scope are now available), false when retrying cannot help.
   */
  challenge(
    host: string,
    wwwAuthenticate: string | undefined,
    scopes: readonly Scope[],
    sent: string | undefined,
  ): Promise<boolean>;
}

/** An authorizer that never authenticates. */
export const anonymous: Authorizer = {
  authorization: async () => undefined,
  challenge: async () => false,
};

/** `repository:<name>:<actions>` scope helper. */
export function repositoryScope(name: string, ...actions: string[]): Scope {
  return { type: 'repository', name, actions };
}
