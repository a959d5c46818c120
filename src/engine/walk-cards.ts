import type { Card } from "../cards/card-schema.ts";
import { BotError } from "../core/bot-error.ts";
import type { Playbook, Step } from "../playbooks/playbook-schema.ts";
import { infoCard } from "../render/info-card.ts";
import { stepCard } from "../render/step-card.ts";
import { plannedSteps } from "../render/step-items.ts";
import { walkthroughEndCard } from "../render/walkthrough-end-card.ts";
import type { ToolResult } from "../tools/tool-result.ts";
import type { Walkthrough } from "./session-state.ts";
import { currentStep, pathOf } from "./walkthrough.ts";

/** The cards a walkthrough shows: the current step with its progress, the end, and a finished state. */

/** The step card for the walkthrough's current step, with progress and the last check's result. */
export function walkStepCard(playbook: Playbook, w: Walkthrough, error?: string, result?: ToolResult): Card {
  const step = currentStep(playbook, w);
  const cursor = w.cursor;
  if (!step || !cursor) throw new BotError("This walkthrough has no current step.", "invalid_input");
  const path = pathOf(playbook, w);
  const index = path.findIndex((p) => p.step.id === step.id && p.branch === cursor.branch);
  const branch = cursor.branch ? playbook.branches.find((b) => b.id === cursor.branch) : undefined;
  const section = branch
    ? branch.label
    : cursor.index < playbook.troubleshooting.length
      ? "Troubleshooting"
      : "Solution";
  // A refused entry outranks an earlier accepted one: Done stays hidden until an entry passes.
  const refused = w.refused?.step === step.id ? w.refused.result : undefined;
  const shown = result ?? refused ?? (w.inputs[step.id]?.result as ToolResult | undefined);
  return stepCard({
    session: w.id,
    playbook,
    step,
    index: index + 1,
    // The planned count, not the path so far: entering a branch must not turn "9 of 9" into "10 of 10".
    total: Math.max(plannedSteps(playbook), index + 1),
    section,
    ...(shown ? { previousResult: shown } : {}),
    ...(error ? { error } : {}),
    canGoBack: w.trail.length > 0,
  });
}

export function endCard(playbook: Playbook, w: Walkthrough, last?: Step): Card {
  const ids = (status: "done" | "skipped") =>
    Object.entries(w.steps)
      .filter(([, r]) => r.status === status)
      .sort(([, a], [, b]) => a.at.localeCompare(b.at))
      .map(([id]) => id);
  return walkthroughEndCard({
    session: w.id,
    playbook,
    done: ids("done"),
    skipped: ids("skipped"),
    ...(last ? { last } : {}),
  });
}

export function statusCard(playbook: Playbook, w: Walkthrough): Card {
  if (w.status === "awaiting-outcome") return endCard(playbook, w);
  const words = {
    fixed: "was marked fixed",
    "not-fixed": "did not help; Escalate… hands it to Support",
    escalated: "was escalated to Support",
    abandoned: "was left for a newer one",
  };
  const said = w.status === "active" ? "is running" : words[w.status];
  return infoCard(`${playbook.title}: walkthrough finished`, [`This walkthrough ${said}.`]);
}
