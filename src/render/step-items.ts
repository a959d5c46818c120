import type { CardBlock } from "../cards/card-schema.ts";
import type { Playbook, Step } from "../playbooks/playbook-schema.ts";
import { handoffNotes } from "./step-provenance.ts";

type StepItem = Extract<CardBlock, { type: "steps" }>["items"][number];

/** "Wait 3-5 minutes", as the guide prescribes it. */
export function waitText(wait: NonNullable<Step["wait"]>): string {
  const { minMinutes: min, maxMinutes: max } = wait;
  const span = min === max ? `${min}` : `${min}–${max}`;
  return `Wait ${span} minute${max === 1 ? "" : "s"} before going on.`;
}

/**
 * Notes for a step in an overview: its own notes plus what the walkthrough will do there (wait, ask for
 * input, offer a choice, hand off to Support), so the overview tells the whole story without the buttons.
 */
function overviewNotes(step: Step, playbook: Playbook): string[] {
  const notes = [...(step.notes ?? [])];
  // Most waits are already spelled out in the step text; say it again only where it is not.
  if (step.wait && !/\bwait\b/i.test(step.text)) notes.push(waitText(step.wait));
  if (step.input) notes.push(`You will be asked: ${step.input.label}${step.input.hint ? ` (${step.input.hint})` : ""}`);
  if (step.choice) {
    const options = step.choice.options.map((o) => {
      const branch = playbook.branches.find((b) => b.id === o.branch);
      return `${o.label} → ${branch ? branch.label : o.branch}`;
    });
    notes.push(`**${step.choice.prompt}** ${options.join(" · ")}`);
  }
  notes.push(...handoffNotes(step));
  return notes;
}

/** Numbered step items with sub-steps kept; `status` marks walkthrough progress where known. */
export function stepItems(steps: Step[], playbook: Playbook, status?: (step: Step) => StepItem["status"]): StepItem[] {
  return steps.map((step, i) => {
    const item: StepItem = { label: String(i + 1), text: step.text };
    if (step.substeps?.length) item.substeps = [...step.substeps];
    const notes = overviewNotes(step, playbook);
    if (notes.length > 0) item.notes = notes;
    if (step.warnings?.length) item.warnings = [...step.warnings];
    const s = status?.(step);
    if (s) item.status = s;
    return item;
  });
}

/** Every step of a playbook in walkthrough order, with the section it belongs to. */
export function allSteps(playbook: Playbook): { step: Step; section: string }[] {
  return [
    ...playbook.troubleshooting.map((step) => ({ step, section: "Troubleshooting" })),
    ...playbook.solution.map((step) => ({ step, section: "Solution" })),
    ...playbook.branches.flatMap((b) => b.steps.map((step) => ({ step, section: b.label }))),
  ];
}
