/** The interface every credential provider implements, and what it is given. */
import type { Transport } from '../../oci/transport.js';
import type { Credential } from '../credentials.js';
import type { IdTokenSource } from '../oidc.js';

/** A credential and when it stops being valid. */
export interface Exchanged {
  credential: Credential;
  /** Epoch milliseconds when the credential expires; undefined: it does not (or we cannot tell). */
  expiresAt?: number;
}

/** Turns an identity (OIDC token, key, file, environment) into registry credentials for one host. */
export interface CredentialProvider {
  /** Short name for messages, e.g. `ecr`. */
  readonly name: string;
  /** Get a fresh credential (no caching here; see `RefreshingCredential`). */
  fetch(): Promise<Exchanged>;
}

/**
 * Service endpoints of the exchanges. The defaults are the public cloud endpoints; overrides exist
 * for tests (local fakes) and are only settable programmatically, never from a config file, so a
 * config cannot redirect an OIDC token to another server.
 */
export interface ProviderEndpoints {
  /** AWS STS, default `https://sts.<region>.amazonaws.com/`. */
  sts?: string;
  /** ECR API, default `https://api.ecr.<region>.amazonaws.com/`. */
  ecr?: string;
  /** ECR Public API, default `https://api.ecr-public.us-east-1.amazonaws.com/`. */
  ecrPublic?: string;
  /** Google STS token URL, default `https://sts.googleapis.com/v1/token`. */
  googleSts?: string;
  /** IAM Credentials base, default `https://iamcredentials.googleapis.com/v1`. */
  iamCredentials?: string;
  /** Entra authority, default `https://login.microsoftonline.com`. */
  entra?: string;
  /** ACR exchange URL, default `https://<host>/oauth2/exchange`. */
  acrExchange?: string;
  /** JFrog exchange URL, default `https://<host>/access/api/v1/oidc/token`. */
  jfrog?: string;
  /** Quay federation URL, default `https://<host>/oauth2/federation/robot/token`. */
  quay?: string;
  /** Docker Hub OIDC exchange, default `https://identity.docker.com/oauth/token`. */
  dockerhub?: string;
}

/** What a provider may use. */
export interface ProviderContext {
  /** The registry host the credential is for. */
  host: string;
  transport: Transport;
  env: NodeJS.ProcessEnv;
  now: () => number;
  endpoints: ProviderEndpoints;
  /** The CI's OIDC token for an audience; asked right before each exchange (tokens live minutes). */
  idToken: IdTokenSource;
}
