/**
 * The only reader of the action's inputs: each is read and validated here, and a bad value names
 * the input and what it accepts.
 */
import * as core from '@actions/core';

export interface ActionInputs {
  config: string;
  dryRun: 'auto' | 'true' | 'false';
  overwrite: boolean;
  concurrency: number;
  retries: number;
  timeoutMs: number;
  driftExitCode: number;
  insecure: boolean;
  envsubst: boolean;
}

/** An input with a value outside what it accepts. */
export class InputError extends Error {}

export const DEFAULT_CONFIG = '.github/oci-mirror.yaml';

function bool(name: string, fallback: boolean): boolean {
  const v = core.getInput(name).trim().toLowerCase();
  if (v === '') return fallback;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new InputError(`${name}: expected true or false, got "${v}"`);
}

function int(name: string, fallback: number, min: number): number {
  const v = core.getInput(name).trim();
  if (v === '') return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new InputError(`${name}: expected an integer >= ${min}, got "${v}"`);
  return Number(v);
}

function duration(name: string, fallbackMs: number): number {
  const v = core.getInput(name).trim();
  if (v === '') return fallbackMs;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let matched = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/gy)) {
    total += Number(m[1]) * (units[m[2] as string] as number);
    matched += m[0].length;
  }
  if (matched !== v.length)
    throw new InputError(`${name}: expected a duration like 90s, 5m or 1h30m, got "${v}"`);
  return total;
}

/** Read every input. */
export function readInputs(): ActionInputs {
  const dryRun = (core.getInput('dry-run').trim().toLowerCase() || 'auto') as ActionInputs['dryRun'];
  if (!['auto', 'true', 'false'].includes(dryRun))
    throw new InputError(`dry-run: expected auto, true or false, got "${dryRun}"`);
  return {
    config: core.getInput('config').trim() || DEFAULT_CONFIG,
    dryRun,
    overwrite: bool('overwrite', false),
    concurrency: int('concurrency', 4, 1),
    retries: int('retries', 3, 0),
    timeoutMs: duration('timeout', 5 * 60_000),
    driftExitCode: int('drift-exit-code', 2, 0),
    insecure: bool('insecure', false),
    envsubst: !bool('no-envsubst', false),
  };
}
