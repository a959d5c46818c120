import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import { button } from "../render/card-blocks.ts";
import { infoCard } from "../render/info-card.ts";
import type { EscalationRecord } from "../store/store.ts";
import { missingEvidence } from "./build-handoff.ts";
import { handoffOf } from "./escalation-view.ts";
import { stationQuestion } from "./station-question.ts";

/** What the requester is told when they escalate: what Support gets, and what is still missing. */
export function openedCard(escalation: EscalationRecord, askStation = false): Card {
  const missing = missingEvidence(handoffOf(escalation));
  const lines = [
    `Support gets the playbook, the steps done and skipped, what you entered and the checks' results${escalation.note ? ", and your note" : ""}. You will see every update in this thread.`,
  ];
  if (missing.length > 0) {
    lines.push(`Still missing: ${missing.map((e) => e.label).join("; ")}.`);
    lines.push(`Add it here as \`${missing[0]?.id}: <value>\` so Support has it.`);
  }
  if (askStation) lines.push(stationQuestion);
  const ref = handoffOf(escalation).ref;
  const cancel = button("Cancel escalation", cardActions.escalationCancel, {
    escalation: escalation.id,
    ...(ref ? { ref } : {}),
  });
  return infoCard(`Escalated to Support: ${escalation.id}`, lines, [cancel]);
}

export function alreadyCard(escalation: EscalationRecord): Card {
  const last = escalation.history.at(-1);
  return infoCard(`Already escalated: ${escalation.id}`, [
    `This was escalated on ${escalation.createdAt.slice(0, 16).replace("T", " ")} UTC; its status is ${escalation.status}${last && last.to !== "open" ? ` (by ${last.by.name ?? last.by.id})` : ""}.`,
  ]);
}
