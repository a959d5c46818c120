import { saysOwnMessage } from "./screen-wording.ts";

/**
 * The words a person wants shown on the screens are what the message asks to display, not what it asks
 * about. Station Messages' steps write "Station message Text line 1 and Station message Text line 2"; what
 * those lines say is the site's business: "Staff parking only", "Visitors use Lot D", "Tap your badge".
 * Read word by word, such wording is another article's evidence (Access Control's restricted use, the card
 * reader's tap, the Waitlist's queue), and it outweighed the frame that asks for it. So once the message
 * asks for wording on a screen (screen-wording.ts), the wording itself is dropped and the frame decides:
 * the quoted text, or, unquoted, the few words after the verb that asks for it ("to read members only
 * after 6pm"). A screen that _says_ something ("the screen says 'Access Denied'") reports a state and is
 * never dropped: without the wish, nothing here runs.
 */
const sayVerbs = new Set(["say", "says", "saying", "read", "reading", "display", "displaying", "show", "showing"]);
const screenish = new Set([
  "screen",
  "screens",
  "display",
  "displays",
  "lcd",
  "charger",
  "chargers",
  "station",
  "stations",
]);
const wishes = new Set(["to", "can", "could", "want", "wants", "like", "make", "should", "would"]);
/** Where unquoted wording ends: a new clause, or the screen it is for ("… on the screens"). */
const clauseEnds = new Set([
  "and",
  "but",
  "is",
  "are",
  "so",
  "because",
  "how",
  "what",
  "when",
  "will",
  "can",
  "could",
  "possible",
  "if",
  "on",
  "instead",
  "please",
]);
const maxUnquoted = 6;
const maxPurpose = 8;
/** What stands right before a say-verb used as a verb. */
const verbSlots = new Set(["to", "can", "could", "should", "would", "will", "it", "them", "they", ...screenish]);
const reports = new Set(["says", "said", "shows", "showed", "reads", "displays", "displayed", "showing", "saying"]);

/**
 * A wish within the few words before position `at`, with no screen reporting right before it: "want the
 * chargers to display 'X'" is asked for; "the display shows 'X'" is seen.
 */
function wishedBefore(words: readonly string[], at: number): boolean {
  const from = Math.max(0, at - 6);
  for (let k = at - 1; k >= from; k--) {
    const w = words[k]!;
    // The site's own message said to read it: its wording, not a state seen ("our station message says 'X'").
    if (saysOwnMessage(words, k)) return true;
    if (reports.has(w) && screenish.has(words[k - 1] ?? "")) return false;
    if (wishes.has(w)) return true;
  }
  return false;
}

/** Where `seq` first occurs in `words` at or after `from`, or -1. */
function indexOfRun(words: readonly string[], seq: readonly string[], from = 0): number {
  outer: for (let i = from; i + seq.length <= words.length; i++) {
    for (let k = 0; k < seq.length; k++) if (words[i + k] !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Positions of the wording asked for on a screen, given the message's words and each quotation's words
 * (normalised the same way). Call only when the message asks for screen wording.
 */
export function wordingContentPositions(words: readonly string[], quotes: readonly (readonly string[])[]): number[] {
  const positions: number[] = [];
  let quotedAny = false;
  let from = 0;
  for (const quote of quotes) {
    if (quote.length === 0) continue;
    const at = indexOfRun(words, quote, from);
    if (at < 0) continue;
    quotedAny = true;
    from = at + quote.length;
    // "the screen says 'Access Denied', can we make it say 'See front desk'": the first is the state seen.
    if (!wishedBefore(words, at)) continue;
    for (let k = at; k < at + quote.length; k++) positions.push(k);
  }
  if (quotedAny) return withPurpose(words, positions);
  // Unquoted: "we want the chargers to read members only after 6pm": after a say-verb that a wish or a
  // screen stands right before.
  for (let i = 1; i < words.length; i++) {
    // "to show up in the right place" is appearing somewhere, not wording.
    if (!sayVerbs.has(words[i]!) || words[i + 1] === "up") continue;
    // The verb, not the noun: "to show", "can the screens say", not "get the display to …".
    if (!verbSlots.has(words[i - 1]!) || !wishedBefore(words, i + 1)) continue;
    for (let k = i + 1; k < Math.min(words.length, i + 1 + maxUnquoted); k++) {
      if (clauseEnds.has(words[k]!) || words[k] === "so") break;
      positions.push(k);
    }
    break;
  }
  return withPurpose(words, positions);
}

/**
 * "… so visitors can join the group themselves": the purpose of the wording is what it tells drivers
 * about, the same scene as the wording itself.
 */
function withPurpose(words: readonly string[], positions: number[]): number[] {
  if (positions.length === 0) return positions;
  const last = positions[positions.length - 1]!;
  for (let k = last + 1; k <= Math.min(words.length - 1, last + 3); k++) {
    if (words[k] !== "so") continue;
    const end = Math.min(words.length, k + 1 + maxPurpose);
    for (let j = k; j < end; j++) positions.push(j);
    break;
  }
  return positions;
}

export const wordingReason = "wording for the screen, not what is asked";
