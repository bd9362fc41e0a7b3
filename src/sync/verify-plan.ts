/**
 * Signature verification at plan time (`verify:`), as flux mirror does it: every selected tag's
 * source digest is verified before anything is copied (dry runs too). A refusal makes that tag a
 * failed row carrying the check that failed, and stops the entry: later tags are not planned
 * (tags before it still run). A valid signature younger than `minAge` skips the tag with reason
 * `signature-too-new`. Verified rows carry a `verification` block.
 */
import { readFile } from 'node:fs/promises';
import type { ArtifactEntry } from '../config/model.js';
import { formatReference } from '../oci/reference.js';
import {
  type ImageVerifier,
  policyOf,
  VerificationFailedError,
  type VerifyOutcome,
  type VerifyPolicy,
} from '../verify/index.js';
import { errorInfo } from './errors.js';
import type { ErrorInfo } from './model.js';
import type { EntryPlan, PlannedTag } from './plan.js';
import { mapPool } from './pool.js';

/** The entry's policy (reads a `publicKey.fromPath`); a bad key or pattern fails the entry. */
export async function entryPolicy(entry: ArtifactEntry): Promise<VerifyPolicy | undefined> {
  const spec = entry.verify;
  if (!spec) return undefined;
  const key = spec.publicKey;
  const pem = key?.value ?? (key?.fromPath !== undefined ? await readFile(key.fromPath, 'utf8') : undefined);
  return policyOf(spec, {
    ...(spec.trustedRoot !== undefined ? { trustedRoot: spec.trustedRoot } : {}),
    ...(pem !== undefined ? { publicKey: pem } : {}),
  });
}

function refusal(err: unknown): ErrorInfo {
  const info = errorInfo(err);
  if (err instanceof VerificationFailedError) {
    info.operation = 'verify signature';
    info.code = err.check;
  }
  return info;
}

/**
 * Verify the plan's tags in selection order, mutating their rows and actions; returns the plan
 * cut after the first refusal, plus log notes.
 */
export async function verifyPlan(
  plan: EntryPlan,
  entry: ArtifactEntry,
  policy: VerifyPolicy,
  verifier: ImageVerifier,
  parallelism: number,
): Promise<EntryPlan> {
  // One verification per source digest (several destinations share it).
  const digests = [
    ...new Set(
      plan.tags.filter((p) => p.action !== 'fail').map((p) => p.originalDigest ?? p.srcDigest ?? ''),
    ),
  ].filter((d) => d !== '');
  const outcomes = new Map<string, VerifyOutcome | { error: unknown }>();
  await mapPool(digests, Math.max(1, parallelism), async (digest) => {
    try {
      outcomes.set(digest, await verifier.verify(plan.source, digest, policy));
    } catch (error) {
      outcomes.set(digest, { error });
    }
  });
  const kept: PlannedTag[] = [];
  let stopped: PlannedTag | undefined;
  for (const p of plan.tags) {
    if (stopped && formatReference(p.src) !== formatReference(stopped.src)) break;
    const digest = p.originalDigest ?? p.srcDigest;
    const outcome = p.action === 'fail' || digest === undefined ? undefined : outcomes.get(digest);
    kept.push(p);
    if (!outcome) continue;
    if ('error' in outcome) {
      p.action = 'fail';
      p.row.status = 'failed';
      delete p.row.reason;
      p.row.error = refusal(outcome.error);
      stopped ??= p;
      continue;
    }
    if (outcome.status === 'too-new') {
      p.action = 'hold';
      p.row.status = 'skipped';
      p.row.reason = 'signature-too-new';
      p.row.verification = {
        ...outcome.verification,
        tooNew: { ageMs: outcome.ageMs, minAge: entry.verify?.minAge ?? '0s' },
      };
      continue;
    }
    p.row.verification = outcome.verification;
  }
  const notes = [...plan.notes];
  for (const [digest, o] of outcomes) {
    if ('error' in o)
      notes.push(`${entry.name}: ${digest}: signature refused: ${errorInfo(o.error).message}`);
    else
      notes.push(
        `${entry.name}: ${digest}: signature ${o.status}${o.cached ? ' (remembered)' : ''}: ${o.verification.subject ?? 'public key'}`,
      );
  }
  const dropped = plan.tags.length - kept.length;
  if (stopped && dropped > 0)
    notes.push(
      `${entry.name}: verification of ${formatReference(stopped.src)} failed; ${dropped} later rows not planned`,
    );
  return { ...plan, tags: kept, notes };
}
