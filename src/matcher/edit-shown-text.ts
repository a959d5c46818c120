/**
 * Text a screen shows, quoted, and a line of it asked to be edited: "screen shows 'Join the waitlist at the
 * front desk' (our own message) - how do I edit the second line?". The quote is what the station message says
 * now; its words (the waitlist, a card, "members only") name other articles, but what is asked is Station
 * Messages' own task (the guide's "Station message Text line 1 and Station message Text line 2"). A screen
 * that says something with no edit asked ("the screen says 'Access Denied' when she taps") reports a state
 * and is left alone, and so is an edit of anything but the text ("fix it", "change the price").
 */
const editVerbs = new Set([
  ...["edit", "change", "update", "reword", "rewrite", "replace", "remove", "delete", "alter"],
  ...["edited", "changed", "updated", "reworded", "rewritten", "replaced", "removed", "deleted", "altered"],
]);
const textObjects = new Set(["line", "lines", "message", "messages", "text", "wording", "words", "row"]);
/** Between the verb and its object: "edit the second line", "change our custom message", "update line 2". */
const objectWindow = 4;
/** A driver or money beside the edit is another task: "change the driver's card", "update the price line". */
const otherObjects = new Set(["price", "pricing", "rate", "fee", "card", "cards", "policy", "group", "address", "pin"]);

export const shownTextReason = "the text shown now, not what is asked";

/** Words without which the rule cannot fire (word-gates.ts). */
export const editShownTextCues: ReadonlySet<string> = editVerbs;

export function asksToEditShownText(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!editVerbs.has(words[i]!)) continue;
    const window = words.slice(i + 1, i + 1 + objectWindow);
    const at = window.findIndex((w) => textObjects.has(w));
    if (at >= 0 && !window.slice(0, at).some((w) => otherObjects.has(w))) return true;
    // The object first: "wants that first line changed to the site name".
    const before = words.slice(Math.max(0, i - 2), i);
    if (before.some((w) => textObjects.has(w))) return true;
  }
  return false;
}

/**
 * Positions of the quoted words in `words` (each quotation normalised the same way). Rules before this one may
 * have dropped some of a quote's words already (a card tapped only to start), so a quote is found from its
 * first word that is still there, matching its words in order and skipping those that are gone.
 */
export function shownTextPositions(words: readonly string[], quotes: readonly (readonly string[])[]): number[] {
  const positions: number[] = [];
  let from = 0;
  for (const quote of quotes) {
    for (let q = 0; q < quote.length; q++) {
      const start = words.indexOf(quote[q]!, from);
      if (start < 0) continue;
      let k = start;
      const found: number[] = [];
      for (let j = q; j < quote.length && k < words.length; j++) {
        if (words[k] === quote[j]) found.push(k++);
      }
      // Most of the quote must be there, or the word found is the message's own.
      if (found.length * 2 < quote.length) break;
      positions.push(...found);
      from = k;
      break;
    }
  }
  return positions;
}
