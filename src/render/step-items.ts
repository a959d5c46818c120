import type { CardBlock } from "../cards/card-schema.ts";
import type { Playbook, Step } from "../playbooks/playbook-schema.ts";
import { handoffNotes } from "./step-provenance.ts";

type StepItem = Extract<CardBlock, { type: "steps" }>["items"][number];

/**
 * A span of minutes as a person says it: "3–5 minutes", "2 hours", "48 hours" (the guide counts waits
 * over a day in hours, e.g. "wait 48 hours"), falling back to minutes when hours would need a fraction.
 */
export function humanDuration(minMinutes: number, maxMinutes: number): string {
  const inHours = maxMinutes >= 120 && minMinutes % 60 === 0 && maxMinutes % 60 === 0;
  const [min, max, unit] = inHours ? [minMinutes / 60, maxMinutes / 60, "hour"] : [minMinutes, maxMinutes, "minute"];
  const span = min === max ? `${min}` : `${min}–${max}`;
  return `${span} ${unit}${max === 1 ? "" : "s"}`;
}

/** "Wait 3–5 minutes before going on.", as the guide prescribes it. */
export function waitText(wait: NonNullable<Step["wait"]>): string {
  return `Wait ${humanDuration(wait.minMinutes, wait.maxMinutes)} before going on.`;
}

/**
 * How many steps a walkthrough of the playbook shows: the main steps plus, for each choice, its longest
 * branch. Fixed before the walkthrough starts, so "Step k of n" never grows when a branch is entered; a
 * shorter branch simply ends sooner.
 */
export function plannedSteps(playbook: Playbook): number {
  const main = [...playbook.troubleshooting, ...playbook.solution];
  let total = main.length;
  for (const step of main) {
    const lengths = (step.choice?.options ?? []).map(
      (o) => playbook.branches.find((b) => b.id === o.branch)?.steps.length ?? 0,
    );
    total += Math.max(0, ...lengths);
  }
  return total;
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
