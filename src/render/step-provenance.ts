import type { Playbook, Step } from "../playbooks/playbook-schema.ts";

/**
 * The sentences a card uses to say where a step comes from and what happens after it. Kept in one place
 * so "the guide says to contact Support" is only ever written for steps where the guide says it
 * (`escalate: true`, checked by `cpbot lint` against the step's source lines).
 */

export const guideSaysSupportText = "The guide says to contact Support at this step.";

/** A replacement the guide names is the next action, not a Support hand-off: escalation is only offered. */
export function replacementText(what: string): string {
  return `**Next action: ${what}.** The guide does not say to contact Support here; press Escalate if you want Support to help arrange it.`;
}

/** "Guide: Relay Stuck Closed, lines 780-782", or the team's reason for an addition. */
export function sourceText(playbook: Playbook, step: Step): string | undefined {
  if (step.source) return `Guide: ${playbook.article}, ${lineWord(step.source)} ${step.source}`;
  if (step.addition) return `Team addition (not in the guide): ${step.addition}`;
  return undefined;
}

const lineWord = (source: string) => (/[-,]/.test(source) ? "lines" : "line");

/** What a step hands on, for overviews and step cards alike. */
export function handoffNotes(step: Step): string[] {
  const notes: string[] = [];
  if (step.escalate) notes.push(guideSaysSupportText);
  if (step.replacement) notes.push(replacementText(step.replacement));
  if (step.stop) notes.push("The walkthrough ends at this step: none of the remaining steps apply.");
  return notes;
}
