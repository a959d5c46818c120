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
