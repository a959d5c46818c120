import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import type { Playbook, Step } from "../playbooks/playbook-schema.ts";
import { actions, button, context, header, list, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";
import { allSteps } from "./step-items.ts";
import { replacementText } from "./step-provenance.ts";

export interface WalkthroughEndView {
  session: string;
  playbook: Playbook;
  /** Step ids in the order they were done / skipped. */
  done: string[];
  skipped: string[];
  /** The step the walkthrough ended on, when it names a replacement or stops the walkthrough. */
  last?: Step;
}

function stepTexts(playbook: Playbook, ids: string[]): string[] {
  const steps = allSteps(playbook);
  // An id the playbook no longer has (edited mid-walkthrough) is still worth listing, by its id.
  return ids.map((id) => steps.find((s) => s.step.id === id)?.step.text ?? id);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Whether the playbook sets something up rather than fixes a fault (the guide's Configure section: Just
 * Charge, firmware upgrades, station messages). Its end is a neutral completion, not "Did that fix it?".
 */
export function isSetUp(playbook: Pick<Playbook, "section">): boolean {
  return playbook.section === "Configure";
}

/** What the last step leaves to do: a replacement the guide names, or a stop. Support is offered, not opened. */
function endNote(last: Step | undefined) {
  if (last?.replacement) return text(replacementText(last.replacement), "warning");
  if (last?.stop) return text(`**Stopped here:** ${last.text}`, "warning");
  if (last?.addition) return context(`Team addition (not in the guide): ${last.addition}`);
  return null;
}

/** The end of a walkthrough: what was done and skipped, then "Did that fix it?" (a set-up: a neutral end). */
export function walkthroughEndCard(view: WalkthroughEndView): Card {
  const { playbook } = view;
  const ref = { session: view.session, playbook: playbook.id };
  const setUp = isSetUp(playbook);
  return renderCard("walkthrough-end", {
    title: `Walkthrough finished: ${playbook.title}`,
    header: header("Walkthrough finished"),
    summary: text(
      `**${playbook.title}**: ${plural(view.done.length, "step")} done, ${plural(view.skipped.length, "step")} skipped.`,
    ),
    done: list("Done", stepTexts(playbook, view.done)),
    skipped: list("Skipped", stepTexts(playbook, view.skipped)),
    nextAction: endNote(view.last),
    question: setUp
      ? text("That was the last step. If the dashboard does not show what the steps describe, escalate.")
      : text("**Did that fix it?**"),
    actions: actions(
      setUp
        ? [button("Finish", cardActions.resolvedYes, ref, "primary"), button("Escalate…", cardActions.resolvedNo, ref)]
        : [
            button("Yes, it's fixed", cardActions.resolvedYes, ref, "primary"),
            button("No, escalate", cardActions.resolvedNo, ref, "danger"),
          ],
    ),
  });
}
