/**
 * The outcome asked for outweighs the scene: a station wanted to start on its own when a car is plugged
 * in is Just Charge, whatever the message says about cards first.
 *
 * Just Charge "allow[s] anyone to charge without any authentication; essentially the station remains in a
 * state of always authorized", and "typically will be used for auto dealerships and bus/car fleets". Those
 * sites ask for it by what they want to happen ("is there a mode where it just starts when a car is
 * plugged in?") after telling what they have ("the techs keep losing the RFID cards"). Read word by word,
 * the lost cards were the card reader's evidence. So a wish or question for charging that starts upon
 * plugging in adds `authfree`, and cards said to be lost or forgotten in that message are the scene, not the
 * question (dropped, see lostCardPositions). A station that does not start when plugged in is a fault,
 * not a wish: a negation before the start word keeps this rule out.
 */
const startWords = new Set([
  "start",
  "starts",
  "starting",
  "begin",
  "begins",
  "charge",
  "charges",
  "charging",
  "go",
  "goes",
]);
const whenWords = new Set(["when", "once", "whenever", "upon", "on", "after", "soon", "as"]);
const plugWords = new Set(["plug", "plugs", "plugged", "plugging"]);
const wishWords = new Set([
  "mode",
  "setting",
  "option",
  "way",
  "possible",
  "can",
  "could",
  "want",
  "wants",
  "wanted",
  "like",
  "should",
  "would",
  "so",
  "need",
  "needs",
]);
const notWords = new Set(["not", "never", "no", "cannot", "nor", "without", "wo"]);
const loseWords = new Set([
  "lose",
  "loses",
  "losing",
  "lost",
  "forget",
  "forgets",
  "forgot",
  "forgetting",
  "misplace",
  "misplaced",
  "misplacing",
  "missing",
]);
const cardWords = new Set(["card", "cards", "badge", "badges", "fob", "fobs", "rfid", "keycard", "keycards"]);

export const plugAndGoCues: ReadonlySet<string> = plugWords;

export function asksPlugAndGo(words: readonly string[]): boolean {
  if (!words.some((w) => wishWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (!startWords.has(words[i]!)) continue;
    // "does not start when plugged in" is a fault, not a wish.
    if (words.slice(Math.max(0, i - 3), i).some((w) => notWords.has(w))) continue;
    // "start when a car is plugged in", "charge as soon as they plug in", "starts on plug in".
    const when = words.slice(i + 1, i + 3).findIndex((w) => whenWords.has(w));
    if (when < 0) continue;
    if (words.slice(i + 2 + when, i + 8).some((w) => plugWords.has(w))) return true;
  }
  return false;
}

/** Cards said to be lost or forgotten, in a message asking for plug-and-go: the scene, to be dropped. */
export function lostCardPositions(words: readonly string[]): number[] {
  const lost: number[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!cardWords.has(words[i]!)) continue;
    if (words.slice(Math.max(0, i - 4), i).some((w) => loseWords.has(w)) || loseWords.has(words[i + 1] ?? ""))
      lost.push(i);
  }
  return lost.length > 0 && asksPlugAndGo(words) ? lost : [];
}
