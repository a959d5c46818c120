import { cardActions } from "../cards/card-actions.ts";
import type { Card, CardBlock } from "../cards/card-schema.ts";
import type { Playbook, Step } from "../playbooks/playbook-schema.ts";
import type { ToolResult } from "../tools/tool-result.ts";
import { actions, button, context, list, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";
import { waitText } from "./step-items.ts";
import { handoffNotes, sourceText } from "./step-provenance.ts";
import { toolResultBlocks } from "./tool-result-blocks.ts";

/** One walkthrough step as the engine knows it; plain data. */
export interface StepView {
  /** Walkthrough session id; every button carries it so a press reaches the right walkthrough. */
  session: string;
  playbook: Playbook;
  step: Step;
  /** 1-based position k in "Step k of n". */
  index: number;
  total: number;
  /** "Troubleshooting", "Solution", or the label of the branch being followed. */
  section: string;
  /** The checker's verdict on what was submitted at this step, shown above the step. */
  previousResult?: ToolResult;
  /** A problem with the last action (e.g. an empty submission), shown next to the input. */
  error?: string;
  canGoBack: boolean;
}

function inputBlock(step: Step, error: string | undefined): CardBlock | null {
  if (!step.input) return null;
  const block: CardBlock = { type: "input", id: "answer", label: step.input.label };
  if (step.input.hint) block.placeholder = step.input.hint;
  if (step.input.multiline) block.multiline = true;
  if (error) block.error = error;
  return block;
}

/** "Step k of n": the instruction with its sub-steps, notes, warnings, wait, input and the ways on. */
export function stepCard(view: StepView): Card {
  const { session, playbook, step } = view;
  const ref = { session, playbook: playbook.id, step: step.id };
  const position = `Step ${view.index} of ${view.total}`;
  // After an entry the step's checker refused, Done waits until an entry passes (Skip still moves on).
  const refused = view.previousResult?.verdict === "invalid";
  const choiceButtons =
    step.choice?.options.map((o) => button(o.label, cardActions.walkChoose, { ...ref, branch: o.branch })) ?? [];
  return renderCard("step", {
    title: `${position}: ${playbook.title}`,
    position: { type: "header", text: position },
    where: context(`${playbook.title} · ${view.section}`),
    previousResult: view.previousResult ? toolResultBlocks(view.previousResult) : null,
    instruction: text(step.text),
    substeps: list(undefined, step.substeps),
    warnings: (step.warnings ?? []).map((w) => text(w, "warning")),
    notes: (step.notes ?? []).map((n) => context(n)),
    wait: step.wait && !/\bwait\b/i.test(step.text) ? text(`⏱ ${waitText(step.wait)}`) : null,
    escalate: handoffNotes(step).map((n) => text(n, "warning")),
    source: context(sourceText(playbook, step)),
    // Without an input the error has no field to sit next to, so it stands on its own.
    error: view.error && !step.input ? text(view.error, "error") : null,
    input: inputBlock(step, view.error),
    // Submit sits right under its input; a choice (if any) comes after, once the answer has been checked.
    submit: step.input ? actions([button("Submit", cardActions.walkSubmit, ref, "primary")]) : null,
    choice: step.choice ? text(`**${step.choice.prompt}**`) : null,
    choices: actions(choiceButtons),
    actions: actions([
      !step.choice && !refused && button("Done", cardActions.walkDone, ref, step.input ? undefined : "primary"),
      view.canGoBack && button("Back", cardActions.walkBack, ref),
      button("Skip", cardActions.walkSkip, ref),
      button("Escalate", cardActions.escalate, ref, step.escalate || step.replacement ? "danger" : undefined),
    ]),
  });
}
