/**
 * Value checks used by the semantic pass: references, regexes, semver ranges, Go durations and
 * file-path confinement. Each returns a problem description (or undefined) rather than throwing,
 * so the caller can attach file:line:column.
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { compileRange } from '../select/version.js';

const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?`;

/** Checks a registry host (`host` or `host:port`, no scheme or path). */
export function checkHost(s: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) return 'must be a bare host[:port], without a scheme';
  if (s.includes('/')) return 'must be a bare host[:port], without a path';
  if (!new RegExp(`^${DOMAIN}$`).test(s)) return `\`${s}\` is not a valid host[:port]`;
  return undefined;
}

/** Checks a version range with the same parser `select/` runs it with (Masterminds/flux forms). */
export function checkSemverRange(range: string): string | undefined {
  try {
    compileRange(range);
    return undefined;
  } catch (err) {
    return `\`${range}\` is not a valid version range: ${err instanceof Error ? err.message : String(err)}`;
  }
}

const DURATION_UNIT: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Parses a Go duration (`48h`, `1h30m`, `500ms`) into milliseconds, or returns a problem. With
 * `days`, `d` (24h) is accepted too — for inputs like a cache TTL, not for flux-compatible fields.
 */
export function parseGoDuration(s: string, options: { days?: boolean } = {}): number | string {
  if (s === '0') return 0;
  const units = options.days ? 'ns|us|µs|μs|ms|s|m|h|d' : 'ns|us|µs|μs|ms|s|m|h';
  const m = new RegExp(`^([-+]?)((?:[0-9]*\\.?[0-9]+(?:${units}))+)$`).exec(s);
  const examples = options.days ? '90s, 30m, 1h30m, 7d' : '90s, 30m, 48h, 1h30m';
  if (!m) return `\`${s}\` is not a duration (use e.g. ${examples})`;
  let total = 0;
  for (const part of (m[2] ?? '').matchAll(new RegExp(`([0-9]*\\.?[0-9]+)(${units})`, 'g'))) {
    total += Number(part[1]) * (part[2] === 'd' ? 86_400_000 : (DURATION_UNIT[part[2] ?? 's'] ?? 0));
  }
  if (m[1] === '-') return 'must not be negative';
  return total;
}

/**
 * Resolves `p` against `root` and checks it stays inside `root`'s tree, following symlinks of
 * whatever part of the path exists. Returns the absolute path or a problem.
 */
export function confinePath(p: string, root: string): { path: string } | string {
  if (p === '') return 'must not be empty';
  const abs = resolve(root, p);
  const realRoot = realOrSelf(root);
  const lexical = relative(resolve(root), abs);
  if (escapes(lexical)) {
    return isAbsolute(p)
      ? `\`${p}\` is outside the config directory`
      : `\`${p}\` leaves the config directory`;
  }
  const real = realOfExistingPrefix(abs);
  if (escapes(relative(realRoot, real)))
    return `\`${p}\` resolves (through a symbolic link) outside the config directory`;
  return { path: abs };
}

function escapes(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
}

/** realpath of the longest existing prefix, with the missing tail appended. */
function realOfExistingPrefix(abs: string): string {
  let cur = abs;
  const tail: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(cur), ...tail.reverse());
    } catch {
      const parent = dirname(cur);
      if (parent === cur) return abs;
      tail.push(cur.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
      cur = parent;
    }
  }
}
