/**
 * Wishing the card step away is Just Charge's question, not the card reader's. Just Charge lets "anyone
 * charge without any authentication", for "auto dealerships and bus/car fleets". People who want it name the
 * card they want to stop using and the wish, apart: "our porters keep asking for the card to start the
 * charger for test drive cars, any way to skip that step", "they don't want to bother with badges for each
 * car". negation-scope.ts reads the card denied right beside its negator ("skip the card", "no badge"); this
 * reads the step skipped after the card was named, and the card as a bother. A card that fails (not read,
 * ignored, denied) is the reader's or Access Control's symptom, and then nothing here fires.
 */
const cardWords = new Set(["card", "cards", "badge", "badges", "fob", "fobs", "rfid", "badging", "tapping"]);
/** "skip that step", "bypass it", "get rid of that". */
const skipWords = new Set(["skip", "skipping", "bypass", "bypassing", "eliminate", "drop", "rid", "remove"]);
const stepWords = new Set(["step", "steps", "that", "it", "this", "part"]);
/** "don't want to bother with badges", "the hassle of cards". */
const botherWords = new Set(["bother", "bothering", "hassle", "fuss", "mess", "deal", "juggle", "juggling"]);
/** "a way around", "get around", "work around". */
const roundWords = new Set(["way", "get", "getting", "work", "go"]);
const notWords = new Set(["not", "no", "never", "without", "stop"]);
/** A card that fails is a symptom, not a wish. */
const failWords = new Set([
  ...["working", "work", "works", "read", "reads", "ignored", "ignores", "denied", "rejected", "unknown"],
  ...["broken", "fails", "failed", "nothing", "respond", "responding", "beep", "error"],
]);

function has(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return true;
  return false;
}

/** "asking for the card … any way to skip that step", "don't want to bother with badges for each one". */
export function saysCardStepSkipped(words: readonly string[]): boolean {
  const card = words.findIndex((w) => cardWords.has(w));
  if (card < 0 || words.some((w) => failWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // The step skipped after the card was named: "the card to start the charger … skip that step".
    if (skipWords.has(w) && i > card && has(words, i + 1, i + 2, stepWords)) return true;
    // "keeps needing cards … any way around that?", "a workaround for the badges": the step gone round.
    if (w === "workaround" || (i > card && w === "around" && has(words, i - 2, i - 1, roundWords))) return true;
    // The card as a bother, wished away: "don't want to bother with badges".
    if (botherWords.has(w) && has(words, i - 4, i - 1, notWords) && has(words, i + 1, i + 3, cardWords)) return true;
  }
  return false;
}

/** Words without one of which the rule cannot fire. */
export const cardStepCues: ReadonlySet<string> = new Set([...skipWords, ...botherWords, "around", "workaround"]);

/** Whether a term's source is the card wished away, which then stops counting for the card reader. */
export function isSkippedCardWord(source: string): boolean {
  return cardWords.has(source);
}
