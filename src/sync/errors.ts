/** Turning thrown errors into report rows, and tagging errors with the side they happened on. */
import {
  AuthError,
  DigestMismatchError,
  NetworkError,
  OciError,
  PullLimitError,
  RegistryError,
  type Side,
  StoredDigestMismatchError,
} from '../oci/errors.js';
import { isRetryableNetworkError } from '../oci/retry.js';
import { redact } from '../secrets.js';
import type { ErrorInfo, TagResult } from './model.js';

/** A tag write failed; `repair` says what the tag was left holding. The original error is the cause. */
export class TagWriteError extends OciError {
  constructor(
    readonly target: string,
    readonly original: Error,
    readonly repair: string,
  ) {
    super(`${original.message}; ${repair}`, { cause: original });
    if (original instanceof OciError && original.side !== undefined) this.side = original.side;
  }
}

/** The run was cancelled (a signal): the work was aborted or never started. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** Run `fn`; an error it throws is marked as happening on `side` (unless already marked). */
export async function onSide<T>(side: Side, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof OciError && err.side === undefined) err.side = side;
    throw err;
  }
}

/** Report form of an error: message, side, operation, HTTP status, registry code. Secrets redacted. */
export function errorInfo(err: unknown): ErrorInfo {
  const e = err instanceof Error ? err : new Error(String(err));
  const info: ErrorInfo = { message: redact(e.message), kind: e.name };
  if (e instanceof OciError && e.side !== undefined) info.side = e.side;
  if (e instanceof OciError && e.operation !== undefined) info.operation = e.operation;
  if (e instanceof RegistryError) {
    info.httpStatus = e.status;
    if (e.code !== undefined) info.code = e.code;
  }
  if (e instanceof AuthError && e.status !== undefined) info.httpStatus = e.status;
  if (e instanceof TagWriteError) {
    info.repair = redact(e.repair);
    info.operation ??= `put manifest ${e.target}`;
    const original = errorInfo(e.original);
    if (original.httpStatus !== undefined) info.httpStatus = original.httpStatus;
    if (original.code !== undefined) info.code = original.code;
    if (original.operation !== undefined) info.operation = original.operation;
  }
  return info;
}

/**
 * The error is worth retrying the whole job for: network trouble (resets, cut or stalled bodies,
 * undici socket errors), a server-side failure, or a blob whose bytes arrived altered.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof RegistryError) return err.status === 429 || err.status === 408 || err.status >= 500;
  // A read that did not match its digest twice in a row is read afresh once more by the retry;
  // a registry that keeps lying still fails closed. (A write the registry stored differently is
  // settled by the tag write itself, not retried here.)
  if (err instanceof DigestMismatchError) return !(err instanceof StoredDigestMismatchError);
  return err instanceof NetworkError || isRetryableNetworkError(err);
}

/**
 * Run `fn` again once when it fails with a transient error (after the request-level retries):
 * planning's counterpart of a copy job's whole-job retry, so one unlucky lookup does not fail a tag.
 */
export async function onceMore<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (!isTransient(err)) throw err;
    return fn();
  }
}

/**
 * The row fields for a tag that could not be done because of `err`: `deferred` (with the reason and
 * when to retry) when a source host's pull limit held it back, else `failed` with the error.
 */
export function rowOutcome(err: unknown): Pick<TagResult, 'status' | 'reason' | 'error' | 'retryAt'> {
  if (err instanceof PullLimitError)
    return {
      status: 'deferred',
      reason: redact(err.message),
      ...(err.retryAt ? { retryAt: err.retryAt.toISOString() } : {}),
    };
  return { status: 'failed', error: errorInfo(err) };
}
