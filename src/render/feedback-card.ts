import { cardActions } from "../cards/card-actions.ts";
import type { Card, CardBlock } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { actions, button, header, list, text } from "./card-blocks.ts";
import { feedbackLabels } from "./feedback-labels.ts";

export interface FeedbackView {
  playbook: Playbook;
  /** The person answered before (a second press); nothing new was recorded. */
  already?: boolean;
  /** Offer Start walkthrough (a first answer whose walkthrough is not running). */
  offerWalkthrough?: boolean;
}

function card(title: string, blocks: (CardBlock | null)[]): Card {
  return { kind: "info", title, blocks: blocks.filter((b): b is CardBlock => b !== null) };
}

/** "Fixed it" / "Done": thanks, and that it was recorded (or had been). */
export function helpedCard({ playbook, already }: FeedbackView): Card {
  const { yes } = feedbackLabels(playbook);
  const said = already
    ? `Your answer for ${playbook.title} was already recorded; thanks.`
    : `Thanks: recorded “${yes}” for ${playbook.title}.`;
  return card("Thanks for the feedback", [header("Thanks for the feedback"), text(said)]);
}

/**
 * "Didn't help" / "Stuck": recorded, then the guide's escalation offered, never opened: the article's own
 * conditions for Support and what to have ready, with Escalate… (and Start walkthrough when it has not run).
 */
export function notHelpedCard({ playbook, already, offerWalkthrough }: FeedbackView): Card {
  const { no } = feedbackLabels(playbook);
  const title = `${no}: ${playbook.title}`;
  const recorded = already
    ? "Your answer was already recorded. Nothing has been sent to Support."
    : `Recorded “${no}”. Nothing has been sent to Support.`;
  const when = playbook.escalation.when.map((r) => r.text);
  const ref = { playbook: playbook.id };
  return card(title, [
    header(title),
    text(recorded),
    list("Escalate to Support when", when),
    list(
      "Have this ready for Support",
      playbook.escalation.evidence.map((e) => (e.required ? e.label : `${e.label} (if available)`)),
    ),
    text(
      offerWalkthrough
        ? "Start the walkthrough to go step by step, or press **Escalate…** to hand it to Support with what this thread has."
        : "Press **Escalate…** to hand it to Support with what this thread has, or describe what you see now.",
    ),
    actions([
      offerWalkthrough && button("Start walkthrough", cardActions.walkStart, ref, "primary"),
      button("Escalate…", cardActions.escalate, ref),
    ]),
  ]);
}
