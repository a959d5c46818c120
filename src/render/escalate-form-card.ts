import { cardActions } from "../cards/card-actions.ts";
import type { Card, CardBlock } from "../cards/card-schema.ts";
import { actions, button, header, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

export interface EscalateFormView {
  /** What was asked before, offered as the starting text when it reads as a real question. */
  initial?: string;
  /** Why the last submission was not filed (e.g. it was only "thanks"). */
  error?: string;
}

/** The input's id; the Submit's value comes back keyed by it. */
export const problemInputId = "problem";
export const problemLabel = "What is wrong?";
export const problemHint = "e.g. station CPF-6 shows Faulted since this morning; rebooting did not help";

/**
 * "Escalate…" where no playbook is known: ask what is wrong first, so Support gets a real question.
 * Submit files the escalation at once. (In Slack the same question opens as a modal.)
 */
export function escalateFormCard(view: EscalateFormView = {}): Card {
  const input: CardBlock = {
    type: "input",
    id: problemInputId,
    label: problemLabel,
    placeholder: problemHint,
    multiline: true,
    maxLength: 2000,
  };
  if (view.initial) input.initial = view.initial;
  if (view.error) input.error = view.error;
  return renderCard("escalate-form", {
    title: "Escalate to Support",
    header: header("Escalate to Support"),
    intro: text(
      "Say in a sentence or two what is wrong: the station, what it shows, what you tried. Support gets it with a link to this thread.",
    ),
    input,
    actions: actions([button("Submit", cardActions.escalateSubmit, undefined, "primary")]),
  });
}
