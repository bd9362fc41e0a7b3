/**
 * The registry token dance: learn each host's scheme from its `WWW-Authenticate` challenge, then
 * send Basic credentials or a bearer token fetched for exactly the scopes a request needs (widened
 * for push and for a mount's `from` repository), cached per host and scope set until expiry.
 */
import type { Authorizer, Scope } from '../oci/authorizer.js';
import { AuthError } from '../oci/errors.js';
import type { Transport } from '../oci/transport.js';
import { parseWwwAuthenticate } from './challenge.js';
import type { Credential, CredentialSource } from './credentials.js';
import { covers, mergeScopes, parseScope, scopeKey } from './scope.js';
import { fetchToken, type Token } from './token.js';

interface HostState {
  scheme?: 'basic' | 'bearer';
  realm?: string;
  service?: string;
  tokens: { scopes: Scope[]; token: Token }[];
  inflight: Map<string, Promise<Token>>;
}

interface CredentialEntry {
  promise: Promise<Credential | undefined>;
  settled: boolean;
  value?: Credential | undefined;
}

export interface AuthenticatorOptions {
  transport: Transport;
  credentials?: CredentialSource;
  now?: () => number;
  /** Prefer the OAuth2 POST form over GET for password credentials. */
  preferPost?: boolean;
}

export class Authenticator implements Authorizer {
  readonly #transport: Transport;
  readonly #credentials: CredentialSource;
  readonly #now: () => number;
  readonly #preferPost: boolean;
  readonly #hosts = new Map<string, HostState>();
  readonly #creds = new Map<string, CredentialEntry>();

  constructor(options: AuthenticatorOptions) {
    this.#transport = options.transport;
    this.#credentials = options.credentials ?? (async () => undefined);
    this.#now = options.now ?? Date.now;
    this.#preferPost = options.preferPost ?? false;
  }

  #state(host: string): HostState {
    let s = this.#hosts.get(host);
    if (!s) {
      s = { tokens: [], inflight: new Map() };
      this.#hosts.set(host, s);
    }
    return s;
  }

  /**
   * The host's credential, asked of the source once and again whenever the credential it gave has
   * an `expiresAt` that has passed (exchanged tokens, re-read files, per-request JWTs).
   */
  #credential(host: string): Promise<Credential | undefined> {
    let c = this.#creds.get(host);
    const expiresAt = c?.value?.expiresAt;
    if (c?.settled && expiresAt !== undefined && expiresAt <= this.#now()) c = undefined;
    if (!c) {
      const entry: CredentialEntry = { promise: this.#credentials(host), settled: false };
      this.#creds.set(host, entry);
      entry.promise.then(
        (value) => {
          entry.value = value;
          entry.settled = true;
        },
        // A failed lookup (helper crashed, exchange refused) is not cached, so a later request may try again.
        () => {
          if (this.#creds.get(host) === entry) this.#creds.delete(host);
        },
      );
      c = entry;
    }
    return c.promise;
  }

  /** Number of tokens fetched so far per host (for tests and reports). */
  tokenCount(host: string): number {
    return this.#state(host).tokens.length;
  }

  async authorization(host: string, scopes: readonly Scope[]): Promise<string | undefined> {
    // A credential already settled and not expired is used as is (no await per request).
    const known = this.#creds.get(host);
    const cred =
      known?.settled && (known.value?.expiresAt === undefined || known.value.expiresAt > this.#now())
        ? known.value
        : await this.#credential(host);
    if (cred?.registryToken !== undefined) return `Bearer ${cred.registryToken}`;
    const state = this.#state(host);
    if (state.scheme === 'basic') return basicHeader(cred);
    if (state.scheme === 'bearer') return `Bearer ${(await this.#token(host, state, scopes, cred)).token}`;
    return undefined;
  }

  async #token(
    host: string,
    state: HostState,
    scopes: readonly Scope[],
    cred: Credential | undefined,
  ): Promise<Token> {
    const now = this.#now();
    state.tokens = state.tokens.filter((t) => t.token.expiresAt > now);
    const cached = state.tokens.find((t) => covers(t.scopes, scopes));
    if (cached) return cached.token;
    const wanted = mergeScopes(scopes);
    const key = scopeKey(wanted);
    let pending = state.inflight.get(key);
    if (!pending) {
      if (state.realm === undefined) throw new AuthError(host, 'bearer challenge without a realm');
      pending = fetchToken(
        this.#transport,
        {
          host,
          realm: state.realm,
          ...(state.service !== undefined ? { service: state.service } : {}),
          scopes: wanted,
          credential: cred,
          preferPost: this.#preferPost,
        },
        now,
      );
      state.inflight.set(key, pending);
      try {
        const token = await pending;
        state.tokens.push({ scopes: wanted, token });
        return token;
      } finally {
        state.inflight.delete(key);
      }
    }
    return pending;
  }

  async challenge(
    host: string,
    wwwAuthenticate: string | undefined,
    scopes: readonly Scope[],
    sent: string | undefined,
  ): Promise<boolean> {
    const cred = await this.#credential(host);
    const state = this.#state(host);
    // A bearer token sent as-is was refused: retry only if the source has since given a new one.
    if (cred?.registryToken !== undefined) return sent !== `Bearer ${cred.registryToken}`;
    const challenges = wwwAuthenticate ? parseWwwAuthenticate(wwwAuthenticate) : [];
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm);
    const basic = challenges.find((c) => c.scheme === 'basic');
    if (bearer) {
      const wasBearer = state.scheme === 'bearer';
      state.scheme = 'bearer';
      state.realm = bearer.params.realm as string;
      if (bearer.params.service !== undefined) state.service = bearer.params.service;
      else delete state.service;
      // Drop the token that was refused; the next authorization() fetches a fresh one.
      const refused = sent?.startsWith('Bearer ') ? sent.slice(7) : undefined;
      const before = state.tokens.length;
      if (refused) state.tokens = state.tokens.filter((t) => t.token.token !== refused);
      // insufficient_scope names the scope it wants: fetch a token covering both.
      const extra = (bearer.params.scope ?? '')
        .split(' ')
        .map(parseScope)
        .filter((s): s is Scope => s !== undefined);
      if (extra.length > 0 && refused) {
        await this.#token(host, state, mergeScopes(scopes, extra), cred);
        return true;
      }
      return sent === undefined || !wasBearer || state.tokens.length < before;
    }
    if (basic) {
      state.scheme = 'basic';
      return basicHeader(cred) !== undefined && sent !== basicHeader(cred);
    }
    return false;
  }
}

function basicHeader(cred: Credential | undefined): string | undefined {
  if (cred?.username === undefined || cred.password === undefined) return undefined;
  return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`;
}
