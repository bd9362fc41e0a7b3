/** Credentials for registry hosts and the sources they come from. */
import { registerSecret } from '../secrets.js';

/**
 * What we know to authenticate to one registry host.
 * - `username` + `password`: Basic, or the password grant of a token server.
 * - `identityToken`: an OAuth2 refresh token (Docker's `identitytoken`), used with `grant_type=refresh_token`.
 * - `registryToken`: a bearer token sent as-is on every request (Docker's `registrytoken`, or a static token).
 */
export interface Credential {
  username?: string;
  password?: string;
  identityToken?: string;
  registryToken?: string;
  /**
   * Epoch ms from which the authenticator must ask the source again (a refreshed exchange, a
   * re-read file, a freshly signed JWT); undefined: valid for the whole session.
   */
  expiresAt?: number;
}

/** Looks up credentials for a registry API host (`host[:port]`); undefined when it has none. */
export type CredentialSource = (host: string) => Promise<Credential | undefined>;

/** Register every secret part of a credential for redaction. */
export function maskCredential(credential: Credential | undefined): Credential | undefined {
  if (credential) {
    registerSecret(credential.password);
    registerSecret(credential.identityToken);
    registerSecret(credential.registryToken);
    if (credential.username !== undefined && credential.password !== undefined) {
      registerSecret(Buffer.from(`${credential.username}:${credential.password}`).toString('base64'));
    }
  }
  return credential;
}

/** A fixed map of host → credential. */
export function staticCredentials(entries: Record<string, Credential>): CredentialSource {
  const map = new Map(Object.entries(entries).map(([host, cred]) => [host, maskCredential(cred)]));
  return async (host) => map.get(host);
}

/** Ask each source in turn; the first that knows the host wins. */
export function chainCredentials(...sources: CredentialSource[]): CredentialSource {
  return async (host) => {
    for (const source of sources) {
      const cred = await source(host);
      if (cred) return cred;
    }
    return undefined;
  };
}
