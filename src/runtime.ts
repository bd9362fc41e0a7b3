/**
 * Process-level V8 tuning: the young generation stops growing (`--semi-space-growth-factor=1`).
 *
 * Blob streams allocate a steady flow of short-lived 64 KiB buffers. By default V8 grows the young
 * generation under that load, and the off-heap buffers it keeps alive between scavenges add tens
 * of MB of RSS while a large layer streams. Keeping the semi-space from growing makes scavenges
 * free those buffers sooner, so memory stays flat whatever the blob size. Planning at scale is
 * the same story with small objects: a warm run of 3,000 tags with a state file peaked at 168 MB
 * RSS with 26–42 MB of live heap, the rest a young generation grown to its maximum
 * (`bench/rss-tags.ts`); frozen once it reached 16 MB, the peak was 141 MB at no CPU cost.
 *
 * The flag is not set at start-up: with a young generation that cannot grow from its initial
 * size, loading the bundle and planning scavenge far more often — a warm 50-tag run spent 276 ms
 * in the garbage collector instead of 52 ms (`bench/profile.ts`), a cold copy 1.0 s instead of
 * 0.45 s. So it is set when the first blob starts streaming (`tuneForStreaming`), or once the
 * young generation has grown to `YOUNG_CAP_BYTES` (`capYoungGeneration`, asked as planning goes).
 */
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

/** Young generation size (both semi-spaces) at which planning stops its growth. */
const YOUNG_CAP_BYTES = 16 * 1024 * 1024;

let tuned = false;

/** Apply the tuning (once per process; later calls do nothing). */
export function tuneForStreaming(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** Apply the tuning once the young generation has reached `YOUNG_CAP_BYTES` (cheap to call often). */
export function capYoungGeneration(): void {
  if (tuned) return;
  const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (young && young.space_size >= YOUNG_CAP_BYTES) tuneForStreaming();
}
