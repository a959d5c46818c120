import { cardActions } from "../cards/card-actions.ts";
import type { Button } from "../cards/card-schema.ts";
import { type DialogueIntent, normaliseReply } from "./read-dialogue.ts";

/** Which button verb each dialogue word presses, in order of preference, on whatever card is current. */
const pressesFor: Partial<Record<DialogueIntent, string[]>> = {
  affirm: [cardActions.walkDone, cardActions.resolvedYes, cardActions.walkStart],
  fixed: [cardActions.resolvedYes],
  negate: [cardActions.resolvedNo],
  "not-fixed": [cardActions.resolvedNo],
  skip: [cardActions.walkSkip],
  back: [cardActions.walkBack],
  start: [cardActions.walkStart],
};

// At a choice the options carry the meaning: "Cleared (Available)" is what "it cleared" answers.
const positive = /^(?:yes\b)|\b(?:cleared|fixed|available|resolved|works?|right place)\b/i;
const negative = /^(?:no\b)|\b(?:still|remains?|persists?|not|wrong)\b/i;

/** A label without its explanation in brackets: "Cleared (ENABLE,AVAILABLE)" → "cleared". */
function bareLabel(label: string): string {
  return normaliseReply(label.replace(/\s*\([^)]*\)\s*$/, ""));
}

/**
 * The button that a typed reply presses on the card the thread is at: a word equal to a button's label
 * ("skip", "Port 2", "cleared") presses it on every platform; otherwise the reply's meaning picks the
 * button that says the same (Done for "logged in", the "Still OUT_OF_SERVICE" option for "still faulted").
 * Undefined when nothing on the card fits, or when two options would.
 */
export function pressByWords(
  buttons: readonly Button[],
  text: string,
  intent: DialogueIntent | undefined,
): Button | undefined {
  const said = normaliseReply(text);
  if (!said) return undefined;
  const byLabel = buttons.filter((b) => normaliseReply(b.label) === said || bareLabel(b.label) === said);
  if (byLabel.length === 1) return byLabel[0];

  const options = buttons.filter((b) => b.action === cardActions.walkChoose);
  if (options.length > 0 && intent) {
    // "yes"/"no" answer a yes/no question; outcome words ("it cleared") also match what the option says.
    const yesNo = intent === "affirm" ? /^yes\b/i : intent === "negate" ? /^no\b/i : undefined;
    const outcome = intent === "fixed" ? positive : intent === "not-fixed" ? negative : undefined;
    const other = outcome === positive ? negative : positive;
    const fitting = yesNo
      ? options.filter((o) => yesNo.test(o.label))
      : outcome
        ? options.filter((o) => outcome.test(o.label) && !other.test(o.label))
        : [];
    if (fitting.length === 1) return fitting[0];
    // Otherwise "ok" at a choice does not pick for the person; Skip / Back still work there.
    if (yesNo || outcome) return undefined;
  }
  for (const action of intent ? (pressesFor[intent] ?? []) : []) {
    const button = buttons.find((b) => b.action === action);
    if (button) return button;
  }
  return undefined;
}
