/**
 * What part of a sharded run a process does (`--shard i/n`, `--shard-by`): parsed by the CLI and the
 * action before any engine code loads, so it stays free of heavy imports (see shard.ts).
 */
export type ShardBy = 'repository' | 'entry' | 'tag';

export const SHARD_BY: readonly ShardBy[] = ['repository', 'entry', 'tag'];

/** Which part of the work this process does. */
export interface ShardSpec {
  /** 1-based. */
  index: number;
  count: number;
  by: ShardBy;
}

/** A shard spec that cannot be used. */
export class ShardSpecError extends Error {
  override readonly name = 'ShardSpecError';
}

/** Parse `i/n` (1 ≤ i ≤ n). */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new ShardSpecError(`expected i/n (e.g. 2/8), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count)
    throw new ShardSpecError(`expected 1 ≤ i ≤ n in i/n, got "${text}"`);
  return { index, count };
}

/** Parse `repository|entry|tag`. */
export function parseShardBy(text: string): ShardBy {
  if ((SHARD_BY as readonly string[]).includes(text)) return text as ShardBy;
  throw new ShardSpecError(`expected repository, entry or tag, got "${text}"`);
}
