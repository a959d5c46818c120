import { saysScreenRefused } from "./who-may-charge.ts";

/**
 * A card that is only how the driver started, not what failed, is not the card reader's evidence.
 *
 * Access Control's first step asks "how the driver initiated the session (mobile app, RFID card, tap to
 * pay/ credit card)": the card is the means, and the refusal on the screen ("Access Restricted/Access
 * Denied") is the symptom. The RFID Reader article is the reader itself: the station "might not respond to
 * the ChargePoint card (RFID) tap", an Unknown RFID alarm, the RFID section of the latest status. Station
 * Connections is the driver joining a driver group. So when the screen refused the driver, or the message
 * is about joining a group, the card words drop out ("taps his fob and the display reads Access
 * Restricted", "she badges in but is not in the group yet, how does she join"), unless the reader itself
 * is said to fail ("the reader doesn't respond", "no beep", "Unknown RFID"). Wording asked for a screen
 * ("we want the screen to say tap your badge") is the message's wording, not its subject.
 */
const cardWords = new Set([
  "card",
  "cards",
  "badge",
  "badges",
  "badged",
  "badging",
  "fob",
  "fobs",
  "rfid",
  "tap",
  "taps",
  "tapped",
  "tapping",
  "swipe",
  "swipes",
  "swiped",
  "swiping",
  "scan",
  "scanned",
]);
/** The reader itself failing: the RFID article's own symptom and checks. The first words are said only of the reader. */
const readerOwnWords = new Set([
  "reader",
  "readers",
  "respond",
  "responding",
  "responds",
  "response",
  "beep",
  "beeps",
  "beeped",
  "beeping",
  "unknown",
  "sensor",
  "pad",
  "nfc",
  "damaged",
]);
/** Everything the reader failing is said with: its own words, and what any part failing is said with. */
const readerFails = new Set([
  ...readerOwnWords,
  "register",
  "registers",
  "registering",
  "detect",
  "detects",
  "recognize",
  "recognise",
  "recognized",
  "nothing",
  "dead",
  "light",
  "lights",
  "read",
  "reading",
]);
const joinWords = new Set(["join", "joining", "joined", "group", "connection", "code"]);
const wishWords = new Set(["want", "wants", "to", "could", "can", "make", "have", "get", "let"]);
const sayWords = new Set(["say", "read", "show", "display"]);
const screenWords = new Set(["screen", "screens", "display", "displays"]);

/** "the display read Access Denied" is the screen reporting, not a card the reader could not read. */
const reporters = new Set([...screenWords, "station", "charger", "it", "lcd"]);

export const cardMeansCues: ReadonlySet<string> = cardWords;

/** "we want the screen to say tap your badge": the wording starts after the wished verb. */
function wordingStart(words: readonly string[]): number {
  for (let i = 2; i < words.length; i++) {
    if (!sayWords.has(words[i]!)) continue;
    // "want the screen to say", "make the display read", "can the screens show".
    const screen = screenWords.has(words[i - 1]!)
      ? i - 1
      : words[i - 1] === "to" && screenWords.has(words[i - 2]!)
        ? i - 2
        : -1;
    if (screen < 0) continue;
    const before = words.slice(Math.max(0, screen - 3), screen);
    if (before.some((w) => wishWords.has(w))) return i + 1;
  }
  return -1;
}

/**
 * A beep heard is the reader working ("tapped the fob, got a beep, then Access Restricted"); only a beep
 * missing ("no beep", "never beeps", "without a beep") is the reader's symptom.
 */
const beepWords = new Set(["beep", "beeps", "beeped", "beeping"]);
const beepDenied = new Set(["no", "not", "never", "without", "nor", "didn", "doesn", "won", "cannot"]);
function beepHeard(words: readonly string[], i: number): boolean {
  return beepWords.has(words[i]!) && !words.slice(Math.max(0, i - 3), i).some((w) => beepDenied.has(w));
}

/** Positions of card words that are only the means (or screen wording), to be dropped; none otherwise. */
export function cardMeansPositions(words: readonly string[]): number[] {
  const cards: number[] = [];
  for (let i = 0; i < words.length; i++) if (cardWords.has(words[i]!)) cards.push(i);
  if (cards.length === 0) return cards;
  const wording = wordingStart(words);
  if (wording >= 0) return cards.filter((k) => k >= wording);
  // Joining a group ("tap their badge and get nothing because they're not connected") yields only to the
  // reader's own words; a refusal on the screen yields to any sign the reader failed.
  if (words.some((w) => joinWords.has(w)))
    return words.some((w, i) => readerOwnWords.has(w) && !beepHeard(words, i)) ? [] : cards;
  if (
    words.some(
      (w, i) => readerFails.has(w) && !(w === "read" && reporters.has(words[i - 1] ?? "")) && !beepHeard(words, i),
    )
  )
    return [];
  return saysScreenRefused(words) ? cards : [];
}
