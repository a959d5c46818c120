import { saysTroubleAfterSwap } from "./after-a-swap.ts";
import { normaliseText } from "./normalise-text.ts";

/**
 * The clause of a two-part message that carries its question, when the other part only sets the scene:
 *
 * - a part judged fine ("pricing is correct and the receipts look right, but the owner has had no payout"):
 *   what is fine is what the person already checked, so the other part is the question. A state ("Circuit
 *   Sharing is enabled but the breaker trips") is not a judgement and is left alone: that is most often the
 *   enabled thing's own question;
 * - an event, then "and now" a symptom ("cable got yanked, we put on a new cord, and now the station won't
 *   talk to the dashboard"): the event is when, the symptom after "now" is what.
 *
 * The clause is only proposed here; create-matcher.ts answers with it when, read alone, it clearly names
 * another article than the whole message did.
 */
const fineWords = new Set([
  ...["fine", "ok", "okay", "correct", "right", "good", "normal", "normally", "accurate", "current"],
  ...["perfect", "great"],
]);
/**
 * A judgement is said of a state: "the payouts are fine", "receipts look right", "cards work fine". An act done
 * well ("joined the group fine") is the story of the question, not a thing checked: Station Connections' driver
 * who joined and still cannot use the station.
 */
const judgeWords = new Set([
  ...["is", "are", "was", "were", "s", "looks", "look", "looked", "seems", "seem", "shows", "show", "all"],
  ...["work", "works", "working", "worked", "everything", "both"],
]);
/** A part with trouble in it is no judgement of fine: "not fine", "never right". */
const troubleWords = new Set(["not", "no", "never", "wrong", "nothing", "cannot", "cant", "wont", "isnt", "doesnt"]);
const turn = /\b(?:but|yet|however)\b/i;
const andNow = /(?:,|;|\band)\s+now\b/i;
/**
 * A new unit before "and now" is no mere scene: Replace Hardware's own symptoms (the station Unreachable, the
 * screen's CHARGEPOINT / STATION) are what follows a swap (after-a-swap.ts).
 */
const newUnit = /\b(?:replac\w*|swap\w*|exchang\w*|new (?:unit|head|station|charger|hardware|ct\d+|cpf\d+|cp\d+))\b/i;

/** "RFID cards work, but …": a part said to work, with nothing after the verb, is judged fine too. */
const workVerbs = new Set(["work", "works", "working"]);

/**
 * A trouble said to be over ("it was unreachable last week, it's back now, but …", "the fault cleared and it
 * came back up, but …") is what already happened, judged fine now like a part that works.
 */
const over =
  /\b(?:(?:it['’]?s|is|came|come|was|it)\s+back(?:\s+(?:now|online|up|again))?|back\s+(?:online|up)|recovered|resolved)\s*[,.;]?\s*$/;

export function judgedFine(clause: string): boolean {
  const words = clause.toLowerCase().match(/[a-z']+/g) ?? [];
  const judged =
    words.some((w, i) => fineWords.has(w) && words.slice(Math.max(0, i - 2), i).some((j) => judgeWords.has(j))) ||
    (words.length >= 2 && workVerbs.has(words[words.length - 1]!)) ||
    over.test(clause.toLowerCase().trim());
  return judged && !words.some((w) => troubleWords.has(w.replace("'", "")));
}

/** The clause to read alone, or undefined when the message has no such two parts. */
export function focusClause(text: string): string | undefined {
  const now = andNow.exec(text);
  const swapped = () => saysTroubleAfterSwap(normaliseText(text).split(" "));
  if (now && now.index > 0 && !newUnit.test(text.slice(0, now.index)) && !swapped()) {
    const after = text.slice(now.index + now[0].length).trim();
    if (after.split(/\s+/).length >= 3 && !turn.test(after)) return after;
  }
  const at = turn.exec(text);
  if (!at) return undefined;
  const before = text.slice(0, at.index);
  const after = text.slice(at.index + at[0].length);
  if (turn.test(after)) return undefined;
  if (judgedFine(before) && !judgedFine(after)) return after.trim();
  if (judgedFine(after) && !judgedFine(before)) return before.trim();
  return undefined;
}
