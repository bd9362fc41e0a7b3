/**
 * Process-level V8 tuning for memory at scale, set at run time (the action cannot pass node flags,
 * and V8 reads only some flags after the heap exists: `--max-semi-space-size` is not one of them).
 *
 * Young generation (`--semi-space-growth-factor=1`): it stops growing. Blob streams allocate a
 * steady flow of short-lived 64 KiB buffers; by default V8 grows the young generation under that
 * load, and the off-heap buffers it keeps alive between scavenges add tens of MB of RSS while a
 * large layer streams. Planning at scale is the same story with small objects (a warm run of
 * 3,000 tags with a state file: 168 MB RSS with 26–42 MB of live heap, the rest a young generation
 * grown to its maximum, `bench/rss-tags.ts`). The flag is not set at start-up: with a young
 * generation that cannot grow from its initial size, loading the bundle and planning scavenge far
 * more often — a warm 50-tag run spent 276 ms in the garbage collector instead of 52 ms
 * (`bench/profile.ts`), a cold copy 1.0 s instead of 0.45 s. So it is set when the first blob
 * starts streaming (`tuneForStreaming`), or once the young generation has grown to
 * `YOUNG_CAP_BYTES` (`tuneForPlanning`, asked as planning goes).
 *
 * Old generation (`--heap-growing-percent`): the next full collection is due once the old
 * generation has grown this much past what the last one left alive. V8's own factor is up to 4×
 * on a machine with memory: planning 10,000 tags promotes ~10 KB per tag of request garbage (32–64
 * requests in flight outlive a scavenge or two), and the old generation grew to 88 MB around a
 * live heap of ~25 MB before the first full collection (peak RSS 221–239 MB). At 20% it stays
 * at ~30 MB (peak RSS 0.58–0.69×), for about ten full collections instead of three or four: CPU
 * 0.89–1.32× per round on a loaded machine, median 1.03× (README's performance section). V8 reads this flag at each full collection, so
 * it works when set late; it is set when planning or streaming starts.
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Young generation size (both semi-spaces) at which planning stops its growth. */
const YOUNG_CAP_BYTES = 16 * 1024 * 1024;

/** Old generation growth allowed between full collections, in percent of the live heap. */
const OLD_GROWTH_PERCENT = 20;

let youngCapped = false;
let oldTuned = false;

function tuneOldGeneration(): void {
  if (oldTuned) return;
  oldTuned = true;
  setFlagsFromString(`--heap-growing-percent=${OLD_GROWTH_PERCENT}`);
}

/** Apply the tuning for blob streams now (once per process; later calls do nothing). */
export function tuneForStreaming(): void {
  tuneOldGeneration();
  if (youngCapped) return;
  youngCapped = true;
  setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * Apply the old-generation tuning, and the young one once the young generation has reached
 * `YOUNG_CAP_BYTES` (cheap to call often: one heap statistics read until then, then nothing).
 */
export function tuneForPlanning(): void {
  tuneOldGeneration();
  if (youngCapped) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (young && young.space_size >= YOUNG_CAP_BYTES) tuneForStreaming();
}
