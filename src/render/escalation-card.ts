import { cardActions } from "../cards/card-actions.ts";
import type { Card, CardBlock } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import type { ToolResult } from "../tools/tool-result.ts";
import { actions, button, context, fields, header, list, text } from "./card-blocks.ts";
import { formatTime } from "./format-time.ts";
import { renderCard } from "./render-card.ts";
import { allSteps } from "./step-items.ts";
import { toolResultBlocks } from "./tool-result-blocks.ts";

export type EscalationStatus = "open" | "claimed" | "need-info" | "resolved";

export interface Person {
  id: string;
  name?: string;
}

/** One change in an escalation's life; also the view of escalationStatusCard. */
export interface EscalationStatusUpdate {
  escalation: string;
  status: EscalationStatus;
  previous?: EscalationStatus;
  by: Person;
  /** ISO time */
  at: string;
  note?: string;
  /** What the escalation is about, so the update makes sense on its own in the origin thread. */
  subject?: string;
}

/** Everything Support needs to pick a case up without asking again; plain data the engine fills. */
export interface EscalationView {
  id: string;
  /** The unguessable reference the lifecycle buttons carry (see Handoff.ref). */
  ref?: string;
  status: EscalationStatus;
  requester: Person;
  assignee?: Person;
  /** ISO time the escalation was opened. */
  openedAt: string;
  /** Link back to the thread where the person asked, when the platform gives one. */
  originLink?: string;
  question?: string;
  /** The playbook followed; step ids are shown by their text. Absent when nothing matched. */
  playbook?: Playbook;
  stepsDone: string[];
  stepsSkipped: string[];
  inputs: { step: string; label: string; value: string }[];
  toolResults: ToolResult[];
  /** The playbook's evidence list, with what has been provided so far. */
  evidence: { label: string; required: boolean; provided: boolean; value?: string }[];
  note?: string;
  history: EscalationStatusUpdate[];
}

export const statusLabels: Record<EscalationStatus, string> = {
  open: "Open",
  claimed: "Claimed",
  "need-info": "Waiting for information",
  resolved: "Resolved",
};

export const personName = (p: Person) => p.name ?? p.id;

function stepTexts(playbook: Playbook | undefined, ids: string[]): string[] {
  const steps = playbook ? allSteps(playbook) : [];
  return ids.map((id) => steps.find((s) => s.step.id === id)?.step.text ?? id);
}

function lifecycleButtons(view: EscalationView) {
  const ref = { escalation: view.id, ...(view.ref ? { ref: view.ref } : {}) };
  const claim = button("Claim", cardActions.escalationClaim, ref, "primary");
  const needInfo = button("Need info", cardActions.escalationNeedInfo, ref);
  const resolve = button("Resolve", cardActions.escalationResolve, ref);
  switch (view.status) {
    case "open":
      return [claim, needInfo, resolve];
    case "claimed":
      return [needInfo, resolve];
    case "need-info":
      return [claim, resolve];
    case "resolved":
      return [];
  }
}

/** The handoff card posted in the escalation channel. */
export function escalationCard(view: EscalationView): Card {
  const subject = view.playbook?.title ?? "Unmatched question";
  const missing = view.evidence.filter((e) => !e.provided);
  const history: CardBlock[] = view.history.map((h) => ({
    type: "context",
    text: `${formatTime(h.at)} · ${statusLabels[h.status]} by ${personName(h.by)}${h.note ? `: ${h.note}` : ""}`,
  }));
  return renderCard("escalation", {
    title: `Escalation ${view.id}: ${subject}`,
    header: header(`Escalation: ${subject}`),
    status: text(`**Status:** ${statusLabels[view.status]}${view.assignee ? ` (${personName(view.assignee)})` : ""}`),
    // A real mention (Slack <@U…>, a Teams mention entity) on the first post; editing the card later
    // (status, evidence) notifies nobody again.
    requester: { type: "people", label: "Requested by", people: [view.requester] },
    facts: fields([
      ["Opened", formatTime(view.openedAt)],
      ["Playbook", view.playbook ? `${view.playbook.title} (\`${view.playbook.id}\` v${view.playbook.version})` : null],
      ["Thread", view.originLink],
      ["Escalation id", view.id],
    ]),
    question: view.question ? text(`**Question:** ${view.question}`) : null,
    note: view.note ? text(`**Note:** ${view.note}`) : null,
    done: list("Steps done", stepTexts(view.playbook, view.stepsDone)),
    skipped: list("Steps skipped", stepTexts(view.playbook, view.stepsSkipped)),
    inputs: fields(view.inputs.map((i) => [i.label, i.value] as const)),
    toolResults: view.toolResults.map(toolResultBlocks),
    evidence: list(
      "Evidence",
      // What was given is shown, so Support reads it here instead of scrolling the thread.
      view.evidence.map(
        (e) =>
          `${e.provided ? "✅" : "⬜"} ${e.label}${e.required ? "" : " (optional)"}${e.value ? `: ${e.value}` : ""}`,
      ),
    ),
    missing: missing.length > 0 ? text(`Still missing: ${missing.map((e) => e.label).join("; ")}`, "warning") : null,
    history,
    actions: actions(lifecycleButtons(view)),
  });
}

const changeWords: Record<EscalationStatus, string> = {
  open: "reopened",
  claimed: "claimed",
  "need-info": "asked for more information on",
  resolved: "resolved",
};

/** One status change, for the origin thread and the escalation channel. */
export function escalationStatusCard(update: EscalationStatusUpdate): Card {
  const what = `${personName(update.by)} ${changeWords[update.status]} escalation ${update.escalation}`;
  return renderCard("escalation-status", {
    title: `Escalation ${update.escalation}: ${statusLabels[update.status]}`,
    change: text(
      `**${what}**${update.subject ? ` (${update.subject})` : ""}.`,
      update.status === "resolved" ? "success" : update.status === "need-info" ? "warning" : undefined,
    ),
    note: update.note ? text(`**Note:** ${update.note}`) : null,
    when: context(
      `${update.previous ? `${statusLabels[update.previous]} → ` : ""}${statusLabels[update.status]} · ${formatTime(update.at)}`,
    ),
  });
}
