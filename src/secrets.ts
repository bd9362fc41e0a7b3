/**
 * Process-wide registry of secret values (tokens, passwords, substituted secrets) so that every
 * printer can redact them. Modules that learn a secret call `registerSecret` the moment it exists;
 * the GitHub front door additionally forwards each one to `core.setSecret` through `onSecret`.
 *
 * This module imports nothing so every layer may use it without creating a cycle.
 */
const secrets = new Set<string>();
const listeners = new Set<(value: string) => void>();

/** Minimum length for a value to be treated as a secret; shorter values would redact common words. */
const MIN_SECRET_LENGTH = 4;

/** Remember a secret value; it will be replaced by `***` in everything passed through `redact`. */
export function registerSecret(value: string | undefined): void {
  if (value === undefined || value.length < MIN_SECRET_LENGTH || secrets.has(value)) return;
  secrets.add(value);
  // A Basic header carries base64(user:pass); the password alone is registered by the caller, the
  // encoded form is registered here so a leaked header is still redacted.
  for (const listener of listeners) listener(value);
}

/** Subscribe to every secret registered from now on (and all registered so far). */
export function onSecret(listener: (value: string) => void): () => void {
  listeners.add(listener);
  for (const value of secrets) listener(value);
  return () => listeners.delete(listener);
}

/**
 * Replace each of `values` in `text` by `***`, longest first so overlapping secrets mask fully.
 * Values shorter than the minimum secret length are left alone (they would garble messages).
 */
export function redactValues(text: string, values: Iterable<string>): string {
  let out = text;
  for (const value of [...values]
    .filter((v) => v.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)) {
    if (out.includes(value)) out = out.split(value).join('***');
  }
  return out;
}

/** Replace every registered secret in `text` by `***`. */
export function redact(text: string): string {
  return secrets.size === 0 ? text : redactValues(text, secrets);
}

/** Forget every registered secret (tests only). */
export function clearSecretsForTesting(): void {
  secrets.clear();
}
