/** Scope sets for registry tokens: canonical strings, merging and coverage checks. */
import type { Scope } from '../oci/authorizer.js';

/** `repository:name:pull,push` with sorted, de-duplicated actions. */
export function formatScope(scope: Scope): string {
  return `${scope.type}:${scope.name}:${[...new Set(scope.actions)].sort().join(',')}`;
}

/** Parse `type:name:actions` (the name may contain `:` for host:port, so parse from both ends). */
export function parseScope(s: string): Scope | undefined {
  const first = s.indexOf(':');
  const last = s.lastIndexOf(':');
  if (first < 0 || last === first) return undefined;
  return {
    type: s.slice(0, first),
    name: s.slice(first + 1, last),
    actions: s
      .slice(last + 1)
      .split(',')
      .filter((a) => a !== ''),
  };
}

/** Merge scopes: one entry per (type, name) with the union of actions, sorted for stable keys. */
export function mergeScopes(...lists: (readonly Scope[])[]): Scope[] {
  const byKey = new Map<string, Scope>();
  for (const list of lists) {
    for (const s of list) {
      const key = `${s.type}:${s.name}`;
      const existing = byKey.get(key);
      if (existing) existing.actions = [...new Set([...existing.actions, ...s.actions])].sort();
      else byKey.set(key, { type: s.type, name: s.name, actions: [...new Set(s.actions)].sort() });
    }
  }
  return [...byKey.values()].sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`));
}

/** Canonical cache key of a scope set. */
export function scopeKey(scopes: readonly Scope[]): string {
  return mergeScopes(scopes).map(formatScope).join(' ');
}

/** True when `granted` includes every action of every scope in `needed` (`*` grants all). */
export function covers(granted: readonly Scope[], needed: readonly Scope[]): boolean {
  return needed.every((n) => {
    const g = granted.find((s) => s.type === n.type && s.name === n.name);
    return g !== undefined && (g.actions.includes('*') || n.actions.every((a) => g.actions.includes(a)));
  });
}
