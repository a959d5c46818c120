/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two neighbours
 * each cost 1, so "hlep" is one edit from "help". Enough to suggest a command or id after a typo.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = d[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** How many edits still count as a typo: none for very short words, where everything is close. */
export function typoBudget(word: string): number {
  if (word.length <= 2) return 0;
  return word.length <= 4 ? 1 : 2;
}

/** Candidates within the typo budget of `word`, nearest first (ties keep the candidates' order). */
export function closestWords(word: string, candidates: readonly string[], limit = 3): string[] {
  const needle = word.toLowerCase();
  const budget = typoBudget(needle);
  return candidates
    .map((candidate, index) => ({ candidate, index, distance: editDistance(needle, candidate.toLowerCase()) }))
    .filter((c) => c.distance <= budget || (needle.length >= 4 && c.candidate.toLowerCase().startsWith(needle)))
    .sort((x, y) => x.distance - y.distance || x.index - y.index)
    .slice(0, limit)
    .map((c) => c.candidate);
}
