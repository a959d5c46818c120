/**
 * Which of several word tests a message can pass, from the words each cannot pass without: one pass of map
 * lookups over the message instead of one scan per test. Bit `k` of the answer stands for `needs[k]`; a test
 * with no words listed (undefined) is always open. At most 31 tests, since the bits are a small integer.
 */
export function wordGates(needs: readonly (ReadonlySet<string> | undefined)[]): (words: readonly string[]) => number {
  if (needs.length > 31) throw new Error(`wordGates takes at most 31 tests, not ${needs.length}`);
  const bitsOfWord = new Map<string, number>();
  let always = 0;
  needs.forEach((words, k) => {
    if (words === undefined) always |= 1 << k;
    else for (const w of words) bitsOfWord.set(w, (bitsOfWord.get(w) ?? 0) | (1 << k));
  });
  return (words) => {
    let open = always;
    for (const w of words) open |= bitsOfWord.get(w) ?? 0;
    return open;
  };
}

/**
 * A rule that adds a concept: its test, the concept, how to explain it, and optionally the words it cannot fire
 * without (its module's cues), so that a family of rules is run only where each can fire (`openRules`).
 */
export type WordRule = readonly [(words: readonly string[]) => boolean, string, string, ReadonlySet<string>?];

/**
 * The rules of a family that can fire on some words, in the family's order: a rule with cues only when the
 * words have one of them (one pass for the whole family), a rule without whenever the family runs.
 */
export function openRules<R extends WordRule>(rules: readonly R[]): (words: readonly string[]) => readonly R[] {
  const open = wordGates(rules.map((rule) => rule[3]));
  const all = 2 ** rules.length - 1;
  return (words) => {
    const bits = open(words);
    return bits === all ? rules : rules.filter((_, k) => (bits & (1 << k)) !== 0);
  };
}

/**
 * The concepts (and how to explain them) of a family's rules that fire on some words: each rule run only
 * where its cues let it (`openRules`), in the family's order.
 */
export function firedConcepts(rules: readonly WordRule[]): (words: readonly string[]) => (readonly [string, string])[] {
  const open = openRules(rules);
  return (words) => open(words).flatMap(([says, concept, from]) => (says(words) ? [[concept, from] as const] : []));
}
