/**
 * Pricing Policy's "excessively billed" as a driver compares it: "billed way more than usual", "paid twice as
 * much as she expected", "the fee is double what it was". The comparison is money's only beside a money word
 * before it: "took way more than usual to charge" is a slow session, "used more energy than expected" a report.
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

const moneyWords = setOf(
  ...["billed", "bill", "charged", "paid", "pay", "paying", "cost", "costs", "price", "fee", "fees", "receipt"],
  ...["invoiced", "overcharged", "spent", "spend"],
);
/** "more than usual", "more than expected", "twice as much", "double what": a sum against the usual one. */
const usualWords = setOf("usual", "normal", "expected", "before", "last", "typical", "normally", "usually");

/** "the bill has been higher than my neighbour's": a sum held against another, the money word further back. */
const higherWords = setOf("higher", "bigger", "larger", "steeper");

/** Words without one of which the rule cannot fire. */
export const billedMoreCues: ReadonlySet<string> = new Set(["more", "twice", "double", "triple", ...higherWords]);

function comparesAbove(words: readonly string[], i: number): boolean {
  const w = words[i]!;
  if (higherWords.has(w)) return words[i + 1] === "than";
  if (w === "twice" || w === "triple") return words[i + 1] === "as" || words[i + 1] === "what";
  if (w === "double") return words[i + 1] === "what" || words[i + 1] === "the";
  return words[i + 1] === "than" && words.slice(i + 2, i + 5).some((x) => usualWords.has(x));
}

/** "she was billed way more than usual", "paid twice as much as she expected". */
export function saysBilledMoreThanUsual(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      billedMoreCues.has(w) &&
      comparesAbove(words, i) &&
      words.slice(Math.max(0, i - (higherWords.has(w) ? 8 : 4)), i).some((x) => moneyWords.has(x)),
  );
}
