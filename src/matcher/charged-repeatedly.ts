/**
 * A driver charged more than once for one session ("the app charged her 3 times", "billed him twice for
 * one charge"): the Pricing Policy article's "Excessively billed", whoever did the charging. Read from the
 * payment word and a count within two words of it, so a person between them ("charged her twice") does not
 * hide it. "Charged twice" written together is already a synonym of overcharged; this covers the rest.
 */
const paidWords = new Set(["charged", "billed", "debited", "paid"]);
// Not "again": "the car charged again after the reboot" is a session that started, not a price.
const onceMore = new Set(["twice", "repeatedly"]);
const manyWords = new Set(["2", "3", "4", "5", "multiple", "several", "many"]);

/** The company's own bill charged twice is the subscription's invoice, which the guide does not cover. */
const ownBill = new Set(["subscription", "subscriptions", "invoice", "invoices", "license", "renewal", "contract"]);

export function saysChargedRepeatedly(words: readonly string[]): boolean {
  if (words.some((w) => ownBill.has(w))) return false;
  return words.some((w, i) => {
    if (!paidWords.has(w)) return false;
    for (let j = i + 1; j <= i + 3 && j < words.length; j++) {
      const x = words[j]!;
      if (onceMore.has(x) || (x === "more" && words[j + 1] === "than" && words[j + 2] === "once")) return true;
      if (manyWords.has(x) && words[j + 1] === "times") return true;
    }
    return false;
  });
}
