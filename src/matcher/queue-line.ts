/**
 * A "line" people wait in is the guide's Waitlist queue ("join the line", "the line policy", "front of
 * the line"). A line of text or of power is not: station messages have Text line 1 and Text line 2, and
 * the wiring has lines too. So a bare "line" reads as the queue unless a number, a text word or a power
 * word sits beside it.
 */
const lineWords = new Set(["line", "lines"]);
/** "line 1", "first line of the message", "power line", "line voltage": not a queue. */
const textOrPowerBefore = new Set([
  "text",
  "message",
  "messages",
  "first",
  "second",
  "top",
  "bottom",
  "each",
  "per",
  "new",
  "power",
  "phone",
  "status",
  "port",
  "log",
  "single",
  "one",
  "two",
  "l1",
  "l2",
  "hot",
  "neutral",
  "ground",
  "data",
  "command",
  "front",
]);
const textOrPowerAfter = new Set([
  "voltage",
  "volt",
  "of",
  "breaker",
  "item",
  "items",
  "character",
  "characters",
  "char",
  "chars",
  "text",
  "limit",
  "length",
  "side",
  "l1",
  "l2",
  "feed",
]);

/** Whether the word at `i` is a waiting line. `words` are the normalised words, stopwords included. */
export function lineMeansQueue(words: readonly string[], i: number): boolean {
  if (!lineWords.has(words[i]!)) return false;
  const before = words[i - 1] ?? "";
  const after = words[i + 1] ?? "";
  // "front of the line" is a queue, although "front" alone (a front panel line) is not.
  if (before === "the" && (words[i - 2] === "of" || words[i - 2] === "in")) return true;
  if (/^\d/.test(after) || /^\d/.test(before)) return false;
  return !textOrPowerBefore.has(before) && !textOrPowerAfter.has(after);
}
