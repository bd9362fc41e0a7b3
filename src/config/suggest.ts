/** "Did you mean …?" suggestions by edit distance. */

/** Damerau-Levenshtein (optimal string alignment) distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const row = d[i]!;
      const prev = d[i - 1]!;
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      row[j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * The nearest candidate to `word` as "did you mean `x`?", or undefined when nothing is close
 * (distance at most a third of the word's length, minimum 2, or a case-only difference).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const dist = editDistance(word, c);
    if (dist < bestD) {
      best = c;
      bestD = dist;
    }
  }
  if (best === undefined) return undefined;
  const max = Math.max(2, Math.floor(word.length / 3));
  if (bestD <= max) return `did you mean \`${best}\`?`;
  // A prefix/suffix match like `dest` → `destination`.
  if (word.length >= 3 && best.toLowerCase().startsWith(word.toLowerCase()))
    return `did you mean \`${best}\`?`;
  return undefined;
}
