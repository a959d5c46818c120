/**
 * Pricing Policy asked by what a driver paid: "how do I see what she was charged", "how much did the
 * driver pay for that session". The guide answers it in the Historical Sessions tab's Fee column and the
 * session's receipt, checked against the pricing rule, so the question reads as the receipt. Historical
 * Sessions alone is Slow or Zero Energy's too (the energy and charging time of a session): the amount paid
 * is what tells the two apart.
 */
const askWords = new Set(["what", "much"]);
const paidWords = new Set(["paid", "pay", "pays", "charged", "billed", "owes", "owed", "spent"]);
/** "what she was charged", "how much the driver paid", "what the customer got billed". */
const between = new Set([
  "a",
  "the",
  "that",
  "this",
  "each",
  "driver",
  "drivers",
  "customer",
  "customers",
  "user",
  "users",
  "person",
  "someone",
  "guy",
  "lady",
  "man",
  "woman",
  "member",
  "employee",
  "resident",
  "guest",
  "visitor",
  "client",
  "she",
  "he",
  "they",
  "we",
  "was",
  "were",
  "got",
  "did",
  "does",
  "do",
  "actually",
  "really",
  "exactly",
]);

/** Whether the words ask what someone paid or was charged. */
export function asksAmountPaid(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!askWords.has(words[i]!)) continue;
    // "how much" and "what" both ask an amount; "much" alone must follow "how".
    if (words[i] === "much" && words[i - 1] !== "how") continue;
    // "a percentage of what drivers pay" is a share of the amount, not a question about it.
    if (words[i] === "what" && words[i - 1] === "of") continue;
    for (let j = i + 1; j <= i + 5 && j < words.length; j++) {
      const w = words[j]!;
      if (paidWords.has(w)) return j > i + 1;
      if (!between.has(w)) break;
    }
  }
  return false;
}
