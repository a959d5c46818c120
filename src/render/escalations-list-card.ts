import type { Card } from "../cards/card-schema.ts";
import { header, shorten, table, text } from "./card-blocks.ts";
import { type EscalationStatus, statusLabels } from "./escalation-card.ts";
import { formatAge } from "./format-time.ts";
import { renderCard } from "./render-card.ts";

export interface EscalationListItem {
  id: string;
  /** Playbook title, or the question when nothing matched. */
  playbook: string;
  requester: string;
  status: EscalationStatus;
  /** Minutes since the escalation was opened. */
  ageMinutes: number;
  note?: string;
}

/** The queue is an index; the full note is on the escalation's own card. */
const shortNote = (note: string | undefined) => (note ? shorten(note.replace(/\s+/g, " "), 200) : "");

/** The escalation queue at a glance, oldest first so nothing waits unseen. */
export function escalationsListCard(items: EscalationListItem[]): Card {
  const sorted = [...items].sort((a, b) => b.ageMinutes - a.ageMinutes);
  const title = `Escalations (${items.length})`;
  return renderCard("escalations", {
    title,
    header: header(title),
    empty: items.length === 0 ? text("No escalations. Nothing is waiting for Support.", "success") : null,
    table: table(
      undefined,
      ["Id", "Playbook", "Requester", "Status", "Age", "Note"],
      sorted.map((i) => [
        i.id,
        i.playbook,
        i.requester,
        statusLabels[i.status],
        formatAge(i.ageMinutes),
        shortNote(i.note),
      ]),
    ),
  });
}
