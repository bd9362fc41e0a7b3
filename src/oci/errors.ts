/**
 * Error classes of the registry client. Every message says what failed and for which reference;
 * every class keeps the underlying error as `cause`.
 */

/** One entry of a distribution error body: `{"errors":[{"code","message","detail"}]}`. */
export interface RegistryErrorDetail {
  code: string;
  message?: string;
  detail?: unknown;
}

/** Which end of a copy an error happened on. */
export type Side = 'source' | 'destination';

/** Base class of everything the client throws on purpose. */
export class OciError extends Error {
  /** Which side of a copy this concerns, when the caller knows it. */
  side?: Side;
  /** What the client was doing, e.g. `get manifest registry.example.com/app:1.0`, when known. */
  operation?: string;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A reference string that cannot be parsed. */
export class InvalidReferenceError extends OciError {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`invalid reference "${input}": ${reason}`);
  }
}

/** The registry answered with an unexpected HTTP status. */
export class RegistryError extends OciError {
  readonly method: string;
  /** URL without credentials or query secrets. */
  readonly url: string;
  readonly status: number;
  readonly errors: RegistryErrorDetail[];
  constructor(init: {
    operation: string;
    method: string;
    url: string;
    status: number;
    errors?: RegistryErrorDetail[];
    cause?: unknown;
  }) {
    const errors = init.errors ?? [];
    const codes = errors.map((e) => (e.message ? `${e.code}: ${e.message}` : e.code)).join('; ');
    super(
      `${init.operation}: ${init.method} ${init.url} returned HTTP ${init.status}${codes ? ` (${codes})` : ''}`,
      {
        cause: init.cause,
      },
    );
    this.method = init.method;
    this.url = init.url;
    this.status = init.status;
    this.errors = errors;
    this.operation = init.operation;
  }
  /** The first registry error code, e.g. `MANIFEST_UNKNOWN`, if the body had one. */
  get code(): string | undefined {
    return this.errors[0]?.code;
  }
}

/** The thing asked for does not exist (404, or a 401/403 from a registry that hides existence). */
export class NotFoundError extends RegistryError {}

/** Authentication or authorisation failed: bad credentials, token endpoint failure, insufficient scope. */
export class AuthError extends OciError {
  readonly status: number | undefined;
  readonly host: string;
  constructor(host: string, message: string, options?: { status?: number; cause?: unknown }) {
    super(`authentication to ${host} failed: ${message}`, options);
    this.host = host;
    this.status = options?.status;
  }
}

/** Content did not hash to the digest it was fetched by. The matching upload is never committed. */
export class DigestMismatchError extends OciError {
  constructor(
    readonly what: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`${what}: digest mismatch: expected ${expected}, got ${actual}`);
  }
}

/**
 * A manifest PUT was accepted but the registry says it stored other bytes than were sent (the
 * `Docker-Content-Digest` it returned differs): what the tag now points at is `stored`.
 */
export class StoredDigestMismatchError extends DigestMismatchError {
  constructor(
    what: string,
    expected: string,
    readonly stored: string,
  ) {
    super(what, expected, stored);
  }
}

/** Content larger than the client accepts (manifest size cap) or than it announced. */
export class SizeError extends OciError {}

/**
 * A pull (a GET of a manifest, which Docker Hub counts against its pull limit) not sent because the
 * host's pull limit is all but used up: what is left is kept in reserve. `retryAt` is when the
 * registry's window (`ratelimit-limit: N;w=SECONDS`) will have passed, when it said.
 */
export class PullLimitError extends OciError {
  constructor(
    readonly host: string,
    readonly remaining: number,
    readonly limit: number,
    readonly retryAt: Date | undefined,
  ) {
    super(
      `pull limit of ${host}: ${remaining} of ${limit} pulls left (kept in reserve); ${
        retryAt ? `retry after ${retryAt.toISOString()}` : 'retry when its window has passed'
      }`,
    );
  }
}

/** A network failure (reset, refused, timeout) after all retries. */
export class NetworkError extends OciError {}

/**
 * Registry bytes for a message: control and non-ASCII characters escaped (JSON style), cut to
 * `max` characters, so a garbage or hostile answer can neither flood nor forge output lines.
 */
export function excerpt(text: string, max = 80): string {
  const escaped = JSON.stringify(text.slice(0, max)).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > max ? `${escaped}…` : escaped;
}

/** True for the error an aborted request or a fired AbortSignal throws. */
function isAbort(err: unknown): boolean {
  return (
    err instanceof Error && (err.name === 'AbortError' || (err as { code?: unknown }).code === 'ABORT_ERR')
  );
}

/**
 * Make an error name the operation it happened in: an `OciError` gets `operation` (and its message
 * the prefix, unless it already names it); anything else (undici socket errors, parse errors) is
 * wrapped — a `NetworkError` when it is a network failure. Aborts pass through unchanged.
 */
export function withOperation(operation: string, err: unknown, network: (e: unknown) => boolean): unknown {
  if (err instanceof OciError) {
    err.operation ??= operation;
    if (!err.message.includes(operation)) err.message = `${operation}: ${err.message}`;
    return err;
  }
  if (isAbort(err) || !(err instanceof Error)) return err;
  const Kind = network(err) ? NetworkError : OciError;
  const wrapped = new Kind(`${operation}: ${err.message || err.name}`, { cause: err });
  wrapped.operation = operation;
  return wrapped;
}

/** Parse a distribution error body; tolerant of non-JSON bodies. */
export function parseErrorBody(body: string): RegistryErrorDetail[] {
  if (!body) return [];
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (Array.isArray(parsed.errors)) {
      return parsed.errors
        .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
        .map((e) => {
          const out: RegistryErrorDetail = { code: typeof e.code === 'string' ? e.code : 'UNKNOWN' };
          if (typeof e.message === 'string') out.message = e.message;
          if (e.detail !== undefined) out.detail = e.detail;
          return out;
        });
    }
  } catch {
    // not JSON: fall through
  }
  return [];
}
