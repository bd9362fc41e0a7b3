/**
 * Dry runs without secrets (fork and Dependabot pull requests): a host whose credential variable
 * was empty is read anonymously, and what that cannot read is "not checked" rather than failed.
 */
import type { HostEntry } from '../config/model.js';
import { parseRepository } from '../oci/reference.js';
import type { EntryResult, ErrorInfo } from './model.js';

/** An error that says "who are you" or "not you", which a missing credential explains. */
function isAuthFailure(e: ErrorInfo | undefined): boolean {
  if (!e) return false;
  const code = e.code?.toUpperCase();
  return (
    e.kind === 'AuthError' ||
    e.httpStatus === 401 ||
    e.httpStatus === 403 ||
    code === 'UNAUTHORIZED' ||
    code === 'DENIED' ||
    // Private repositories answer anonymous readers as if they did not exist.
    code === 'NAME_UNKNOWN'
  );
}

function registryOf(reference: string): string | undefined {
  try {
    return parseRepository(reference.replace(/^oci:\/\//, '').replace(/[:@][^/]*$/, '')).registry;
  } catch {
    return undefined;
  }
}

/**
 * Turn the auth failures of entries that touch a host with a missing secret into `notChecked`,
 * in place: the plan error is cleared and the failed rows on that host dropped, with the reason
 * saying which variable is empty. Other failures stay failures.
 */
export function markNotChecked(entries: EntryResult[], hosts: readonly HostEntry[], why: string): void {
  const missing = new Map(
    hosts.filter((h) => h.missingSecret !== undefined).map((h) => [h.host, h.missingSecret as string]),
  );
  if (missing.size === 0) return;
  const secretOf = (ref: string | undefined) => {
    const host = ref ? registryOf(ref) : undefined;
    return host ? { host, variable: missing.get(host) } : undefined;
  };
  for (const e of entries) {
    const reasons = new Set<string>();
    const explain = (ref: string | undefined): boolean => {
      const s = secretOf(ref);
      if (!s?.variable) return false;
      reasons.add(`${s.host} has no credential because \${${s.variable}} is empty (${why})`);
      return true;
    };
    if (isAuthFailure(e.error)) {
      const ref = e.error?.side === 'destination' ? e.destinations[0] : e.source;
      if (explain(ref)) delete e.error;
    }
    let dropped = 0;
    e.tags = e.tags.filter((t) => {
      if (t.status !== 'failed' || !isAuthFailure(t.error)) return true;
      const ref = t.error?.side === 'destination' ? t.destination : t.source;
      if (!explain(ref)) return true;
      dropped++;
      return false;
    });
    if (reasons.size > 0)
      e.notChecked = `${[...reasons].join('; ')}${dropped > 0 ? `; ${dropped} tag${dropped === 1 ? '' : 's'} not checked` : ''}`;
  }
}
