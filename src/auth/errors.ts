/** Errors of credential sources and exchanges; each message says what was attempted and what to fix. */
import { AuthError } from '../oci/errors.js';

/** Getting or exchanging a credential for a registry host failed. */
export class CredentialError extends AuthError {
  /** The provider's error code when it gave one (e.g. STS `AccessDenied`, Entra `invalid_client`). */
  readonly code: string | undefined;
  constructor(host: string, message: string, options?: { status?: number; code?: string; cause?: unknown }) {
    super(host, message, options);
    this.code = options?.code;
  }
}

/** The GitHub Actions OIDC token could not be obtained. */
export class OidcTokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * No ID token for this job: GitHub offers none to a fork's or Dependabot's pull request, or the
 * runner refused the request (HTTP 401/403). A dry run reads such hosts anonymously.
 */
export class IdTokenUnavailableError extends OidcTokenError {}
