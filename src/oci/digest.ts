/** Digests: computing them, and a stream stage that verifies content against its digest. */
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { DigestMismatchError } from './errors.js';

/** `sha256:<hex>` of some bytes. */
export function sha256(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The algorithm part of a digest (`sha256`). */
export function digestAlgorithm(digest: string): string {
  return digest.slice(0, digest.indexOf(':'));
}

/** The hex part of a digest. */
export function digestHex(digest: string): string {
  return digest.slice(digest.indexOf(':') + 1);
}

/** Hash `bytes` with the algorithm of `digest` and compare. */
export function matchesDigest(bytes: Uint8Array, digest: string): boolean {
  return (
    `${digestAlgorithm(digest)}:${createHash(digestAlgorithm(digest)).update(bytes).digest('hex')}` === digest
  );
}

/**
 * A pass-through stream that hashes what flows through it and fails with `DigestMismatchError`
 * when the content does not match `expected` (or its size differs from `expectedSize`).
 *
 * It holds back the most recent chunk until the end of input is verified, so a consumer that
 * uploads what it reads never receives the complete content of a corrupt blob: an upload fed
 * from this stream cannot be committed with bad bytes.
 */
export class DigestVerifier extends Transform {
  readonly #hash: Hash;
  readonly #expected: string;
  readonly #expectedSize: number | undefined;
  readonly #what: string;
  #held: Buffer | undefined;
  #size = 0;

  constructor(expected: string, what: string, expectedSize?: number) {
    super();
    this.#expected = expected;
    this.#expectedSize = expectedSize;
    this.#what = what;
    this.#hash = createHash(digestAlgorithm(expected));
  }

  /** Bytes seen so far. */
  get size(): number {
    return this.#size;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    this.#hash.update(chunk);
    this.#size += chunk.length;
    if (this.#expectedSize !== undefined && this.#size > this.#expectedSize) {
      callback(new DigestMismatchError(this.#what, this.#expected, `more than ${this.#expectedSize} bytes`));
      return;
    }
    const previous = this.#held;
    this.#held = chunk;
    callback(null, previous);
  }

  override _flush(callback: TransformCallback): void {
    const actual = `${digestAlgorithm(this.#expected)}:${this.#hash.digest('hex')}`;
    if (actual !== this.#expected) {
      callback(new DigestMismatchError(this.#what, this.#expected, actual));
      return;
    }
    if (this.#expectedSize !== undefined && this.#size !== this.#expectedSize) {
      callback(
        new DigestMismatchError(
          this.#what,
          this.#expected,
          `${this.#size} bytes instead of ${this.#expectedSize}`,
        ),
      );
      return;
    }
    callback(null, this.#held);
  }
}
