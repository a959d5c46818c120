import type { ActionPayload } from "../cards/card-actions.ts";
import { infoCard } from "../render/info-card.ts";
import { isSetUp } from "../render/walkthrough-end-card.ts";
import type { InputRecord } from "./session-state.ts";
import { runStepTool } from "./step-tools.ts";
import { record, type Turn, type TurnReply } from "./turn.ts";
import { statusCard, walkStepCard } from "./walk-cards.ts";
import { activeWalk, applyMove, changedPlaybook, currentWalk, escalateWalk } from "./walk-flow.ts";
import { currentStep, navigate } from "./walkthrough.ts";

/**
 * What the person typed or pasted for the current step: checked by the step's tool, kept with the
 * result as evidence. An invalid entry is shown on the step and not kept.
 */
export async function submitInput(
  turn: Turn,
  text: string,
  mode: TurnReply["mode"],
  payload?: ActionPayload,
): Promise<TurnReply> {
  const found = currentWalk(turn, payload ?? {});
  if ("cards" in found) return found;
  const { w, playbook } = found;
  const step = currentStep(playbook, w);
  if (!step) return changedPlaybook(turn, playbook, w);
  if (payload?.step && payload.step !== step.id) return { cards: [walkStepCard(playbook, w)], mode };
  if (!step.input) return applyMove(turn, playbook, w, { kind: "done" }, mode);
  if (!text.trim()) return { cards: [walkStepCard(playbook, w, `Type or paste: ${step.input.label}`)], mode };

  const result = step.input.tool ? runStepTool(step.input.tool, text, playbook.id) : undefined;
  record(turn, "step", {
    playbook: playbook.id,
    step: step.id,
    action: "submit",
    ...(result ? { data: { tool: result.tool, verdict: result.verdict } } : {}),
  });
  if (result?.verdict === "invalid") {
    const first = result.errors[0]?.message ?? result.summary;
    return { cards: [walkStepCard(playbook, w, first, result)], mode };
  }
  const input: InputRecord = {
    step: step.id,
    label: step.input.label,
    text: text.trim(),
    by: turn.by,
    at: turn.at,
    ...(result
      ? { tool: result.tool, verdict: result.verdict, summary: result.summary, figures: result.figures, result }
      : {}),
  };
  // Evidence the playbook asks for is filled by the step or tool of the same name (e.g. "latest-status").
  const evidence = playbook.escalation.evidence
    .filter((e) => e.id === step.id || (step.input?.tool !== undefined && e.id === step.input.tool))
    .map((e) => e.id);
  const moved = navigate(playbook, w, { kind: "input", record: input, evidence }, turn.by, turn.at);
  turn.state = { ...turn.state, walkthrough: moved.walkthrough };
  return { cards: [walkStepCard(playbook, moved.walkthrough)], mode };
}

/** "Did that fix it?": yes closes the walkthrough as resolved; no escalates it. */
export async function answerOutcome(turn: Turn, fixed: boolean, payload: ActionPayload): Promise<TurnReply> {
  const found = activeWalk(turn);
  if (!found || (payload.session && payload.session !== found.w.id)) {
    return { cards: [infoCard("That walkthrough is over", ["Ask again to start a new one."])] };
  }
  const { w, playbook } = found;
  if (w.status !== "awaiting-outcome") {
    // "No" after the fact still escalates (idempotently); anything else is a repeat of an answer given.
    if (!fixed && w.status !== "active") return escalateWalk(turn, playbook, w, "not-fixed");
    return { cards: [statusCard(playbook, w)] };
  }
  if (!fixed) {
    record(turn, "not-resolved", { playbook: playbook.id, data: { walkthrough: w.id } });
    return escalateWalk(turn, playbook, { ...w, status: "escalated" }, "not-fixed");
  }
  turn.state = { ...turn.state, walkthrough: { ...w, status: "fixed" } };
  record(turn, "resolved", { playbook: playbook.id, data: { walkthrough: w.id } });
  const card = isSetUp(playbook)
    ? infoCard(`Done: ${playbook.title}`, [
        "The walkthrough is recorded as complete. Ask here again if something does not work as described.",
      ])
    : infoCard(`Resolved: ${playbook.title}`, [
        "Glad that fixed it. The walkthrough is recorded as resolved; ask here again if it comes back.",
      ]);
  return { cards: [card], mode: "replace" };
}
