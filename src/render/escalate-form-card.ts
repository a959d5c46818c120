import { cardActions } from "../cards/card-actions.ts";
import type { Card, CardBlock } from "../cards/card-schema.ts";
import { actions, button, header, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

export interface EscalateFormView {
  /** What was asked before, offered as the starting text when it reads as a real question. */
  initial?: string;
  /** Why the last submission was not filed (e.g. it was only "thanks"). */
  error?: string;
  /** The note typed with a refused submission, kept so nothing typed is lost. */
  note?: string;
}

/** The input's id; the Submit's value comes back keyed by it. */
export const problemInputId = "problem";
export const problemLabel = "What is wrong?";
/** Why "ok", "thanks" and the like are not filed: what the form (or Slack's modal) says instead. */
export const problemNeeded =
  "Say what is wrong in a few words (the station, what it shows, what you tried), so Support can act on it.";
export const problemHint = "e.g. station CPF-6 shows Faulted since this morning; rebooting did not help";
/** The optional note's input id: anything else Support should know (who to call, when the site is open). */
export const noteInputId = "note";
export const noteLabel = "Note for Support (optional)";

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
  const note: CardBlock = {
    type: "input",
    id: noteInputId,
    label: noteLabel,
    placeholder: "e.g. the site manager is on site until 5 pm, call 555-0100",
    multiline: true,
    maxLength: 1000,
  };
  if (view.note) note.initial = view.note;
  return renderCard("escalate-form", {
    title: "Escalate to Support",
    header: header("Escalate to Support"),
    intro: text(
      "Say in a sentence or two what is wrong: the station, what it shows, what you tried. Support gets it with a link to this thread.",
    ),
    input,
    note,
    actions: actions([button("Submit", cardActions.escalateSubmit, undefined, "primary")]),
  });
}
