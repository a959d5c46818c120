import { saysScreenRefused } from "./who-may-charge.ts";

/**
 * A card that fails while the app works is the card reader's, not Access Control's.
 *
 * The RFID Reader article's symptom is "The charging station might not respond to the ChargePoint card
 * (RFID) tap", and its first check tells the starts apart: "Remote Starts (Driver support started, CP App,
 * or Admin started)" against "RFID starts". A driver whom the app still starts is a driver the station
 * lets charge: the access policy lets them in, so what fails is the card's path. Access Control's symptom
 * is the screen's refusal ("Access Restricted/Access Denied"), and with that on the screen this rule
 * stays out (who-may-charge.ts reads it). So "the charger ignores their cards, the app still works" and
 * "badges do nothing but the phone starts it" read as the reader.
 */
const cardWords = new Set(["card", "cards", "badge", "badges", "fob", "fobs", "rfid", "tap", "taps", "tapping"]);
const appWords = new Set(["app", "apps", "phone", "phones", "mobile", "application"]);
const worksWords = new Set(["works", "working", "worked", "work", "fine", "ok", "okay", "starts", "started", "start"]);
const notWords = new Set(["not", "never", "no", "cannot", "nor"]);
/** The card's own failure said as being ignored: the reader's silence, not a refusal. */
const ignoredWords = new Set(["ignored", "ignores", "ignoring", "ignore"]);

export const cardAppCues: ReadonlySet<string> = new Set([...appWords, ...ignoredWords]);

/** "works with the app", "starts from the phone": the working word, then the app as the means. */
const viaWords = new Set(["with", "from", "via", "through", "using", "on", "in", "by"]);
/** The card failing, said near it: "doesn't read the card", "cards do nothing", "badge not working". */
const failWords = new Set(["not", "no", "nothing", "never", "fails", "failed", "failing", "dead", "cannot"]);

/** The app (or phone) said to work: "the app still works", "app is fine", "it starts from the app". */
function appWorks(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!appWords.has(words[i]!)) continue;
    // "the app still works", "app is fine", "app start works".
    for (let k = i + 1; k <= Math.min(words.length - 1, i + 3); k++) {
      if (!worksWords.has(words[k]!)) continue;
      if (!words.slice(i + 1, k).some((w) => notWords.has(w))) return true;
    }
    // "works with the app", "starts it from the phone".
    for (let v = i - 1; v >= Math.max(0, i - 3); v--) {
      if (!viaWords.has(words[v]!)) continue;
      for (let k = v - 1; k >= Math.max(0, v - 3); k--) {
        if (!worksWords.has(words[k]!)) continue;
        if (!words.slice(Math.max(0, k - 2), k).some((w) => notWords.has(w))) return true;
      }
    }
  }
  return false;
}

export function saysCardFailsAppWorks(words: readonly string[]): boolean {
  // The cheap test first: most messages with an app word have no card word at all.
  if (!words.some((w) => cardWords.has(w)) || saysScreenRefused(words)) return false;
  for (let i = 0; i < words.length; i++) {
    if (!cardWords.has(words[i]!)) continue;
    // "waved my card at your machine like 20 times. NOTHING": the failure may end the sentence after the card.
    const around = words.slice(Math.max(0, i - 4), i + 10);
    if (around.some((w) => ignoredWords.has(w))) return true;
    if (around.some((w) => failWords.has(w)) && appWorks(words)) return true;
  }
  return false;
}
