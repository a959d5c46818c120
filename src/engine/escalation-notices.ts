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
    // Plain words are read (station, MAC, counts, status lines); the id form names one item exactly. Files
    // arrive only where the platform hands them to cpbot (Slack, a Teams chat with cpbot).
    const photos = missing.some((e) => /photo|file|screenshot/i.test(e.label));
    lines.push(
      `Reply here with what you have and it goes straight to Support: in plain words (e.g. station CPF-6) or by item (\`${missing[0]?.id}: <value>\`)${photos ? "; attach photos and files to your message in Slack or in a Teams chat with cpbot" : ""}.`,
    );
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
