/**
 * Station Unreachable's symptom as people say it ("offline", "can't reach it", "not communicating"): the
 * trouble that a swap (after-a-swap.ts) or an update (update-before-trouble.ts) came before. Each rule adds
 * its own words to these.
 */
export const unreachableWords: readonly string[] = [
  "unreachable",
  "offline",
  "reach",
  "reachable",
  "online",
  "communicating",
];
