import type { Card } from "../cards/card-schema.ts";
import type { Person } from "./escalation-card.ts";
import { formatAge } from "./format-time.ts";
import { infoCard } from "./info-card.ts";

export interface ReminderView {
  escalation: string;
  /** What the escalation is about (playbook title or the question). */
  subject: string;
  /** unclaimed: nobody took it; responders: still nobody after a second period; idle: claimed, no news. */
  kind: "unclaimed" | "responders" | "idle";
  waitedMinutes: number;
  /** Whom the reminder is for: the claimer (idle), the configured responders (responders). */
  people: Person[];
  /** Call the whole escalation channel (responders, when no responder ids are configured). */
  everyone?: boolean;
}

/** The reminder posted in an escalation's handoff thread when it waits too long. */
export function reminderCard(view: ReminderView): Card {
  const waited = formatAge(view.waitedMinutes);
  const lines = {
    unclaimed: [
      `Nobody has claimed this escalation for ${waited}. Press **Claim** on the handoff card above to take it.`,
    ],
    responders: [
      `Still unclaimed after ${waited}. Can someone on the support team press **Claim** on the handoff card above?`,
    ],
    idle: [
      `Claimed, but nothing has changed for ${waited}. Press **Need info** to ask the requester, or **Resolve** when it is done.`,
    ],
  }[view.kind];
  const card = infoCard(`Reminder: ${view.escalation} (${view.subject})`, lines);
  const mention = view.people.length > 0 || view.everyone;
  if (!mention) return card;
  return {
    ...card,
    blocks: [
      ...card.blocks,
      { type: "people", label: "For", people: view.people, ...(view.everyone ? { everyone: true } : {}) },
    ],
  };
}
