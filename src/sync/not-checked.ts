/**
 * Dry runs without secrets or OIDC ID token (fork and Dependabot pull requests): a host whose
 * credential variable was empty, or whose credential needs an ID token the job cannot have, is
 * read anonymously, and what that cannot read is "not checked" rather than failed.
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
 * Why each host in `hosts` is used without its credential, keyed by host: an empty `${VAR}`
 * (`missingSecret`) or no OIDC ID token for this job (`noIdToken`).
 */
export function hostsWithoutCredential(
  hosts: readonly HostEntry[],
  emptySecretWhy: string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of hosts) {
    if (h.missingSecret !== undefined)
      out.set(
        h.host,
        `${h.host} has no credential because \${${h.missingSecret}} is empty (${emptySecretWhy})`,
      );
    else if (h.noIdToken !== undefined)
      out.set(
        h.host,
        `${h.host} was read anonymously because this job has no OIDC ID token (${h.noIdToken})`,
      );
  }
  return out;
}

/**
 * Turn the auth failures of entries that touch a host in `without` (host → why it has no
 * credential) into `notChecked`, in place: the plan error is cleared and the failed rows on that
 * host dropped, with the reason saying why. Other failures stay failures.
 */
export function markNotChecked(entries: EntryResult[], without: ReadonlyMap<string, string>): void {
  if (without.size === 0) return;
  const reasonOf = (ref: string | undefined) => {
    const host = ref ? registryOf(ref) : undefined;
    return host ? without.get(host) : undefined;
  };
  for (const e of entries) {
    const reasons = new Set<string>();
    const explain = (ref: string | undefined): boolean => {
      const why = reasonOf(ref);
      if (!why) return false;
      reasons.add(why);
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
