import type { Actor, ConversationRef } from "../core/bot-event.ts";
import type { EscalationIds } from "./escalation-ids.ts";
import type { EscalationRecord, EscalationStatus } from "./store.ts";

/** Column shapes of the escalations tables (migration 1); JSON documents are TEXT. */
export interface EscalationRow {
  seq: number;
  idempotency_key: string;
  session_key: string;
  playbook: string | null;
  playbook_version: number | null;
  requester: string;
  origin: string;
  note: string | null;
  handoff: string;
  status: EscalationStatus;
  claimed_by: string | null;
  handoff_message_id: string | null;
  handoff_conversation: string | null;
  origin_message_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface HistoryRow {
  from_status: EscalationStatus | null;
  to_status: EscalationStatus;
  by_actor: string;
  at: string;
  note: string | null;
}

/** A stored escalation and its history rows, as the record the engine sees. */
export function rowToEscalation(row: EscalationRow, historyRows: HistoryRow[], ids: EscalationIds): EscalationRecord {
  const history = historyRows.map((h) =>
    withoutUndefined({
      from: h.from_status,
      to: h.to_status,
      by: JSON.parse(h.by_actor) as Actor,
      at: h.at,
      note: h.note ?? undefined,
    }),
  );
  return withoutUndefined({
    id: ids.format(row.seq),
    idempotencyKey: row.idempotency_key,
    sessionKey: row.session_key,
    playbook: row.playbook ?? undefined,
    playbookVersion: row.playbook_version ?? undefined,
    requester: JSON.parse(row.requester) as Actor,
    origin: JSON.parse(row.origin) as ConversationRef,
    note: row.note ?? undefined,
    handoff: JSON.parse(row.handoff) as unknown,
    status: row.status,
    claimedBy: row.claimed_by ? (JSON.parse(row.claimed_by) as Actor) : undefined,
    history,
    delivery: withoutUndefined({
      handoffMessageId: row.handoff_message_id ?? undefined,
      handoffConversation: row.handoff_conversation
        ? (JSON.parse(row.handoff_conversation) as ConversationRef)
        : undefined,
      originMessageId: row.origin_message_id ?? undefined,
    }),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}
/** Optional fields are absent rather than undefined, so records compare and serialise cleanly. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
