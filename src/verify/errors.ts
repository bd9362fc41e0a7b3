/** Why a signature check refused an image, in plain words, with the check that failed. */

/** Which check refused: the report and the text output name it. */
export type VerifyCheck =
  | 'no-signature'
  | 'bundle'
  | 'untrusted'
  | 'identity'
  | 'digest-mismatch'
  | 'no-timestamp'
  | 'trusted-root';

/** A verification that failed (the tag is not copied). */
export class VerificationFailedError extends Error {
  override name = 'VerificationFailedError';
  constructor(
    readonly check: VerifyCheck,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
