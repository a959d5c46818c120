import type { Actor } from "../core/bot-event.ts";
import type { EscalationRecord } from "../store/store.ts";

/** One reminder the escalation thread should get now. */
export interface DueReminder {
  escalation: EscalationRecord;
  /** unclaimed: nobody took it; responders: still nobody after a second period; idle: claimed, no news since. */
  kind: "unclaimed" | "responders" | "idle";
  /** When it fell due. */
  dueAt: string;
  /** How long it has waited, in ms, for the reminder's wording. */
  waitedMs: number;
  /** Whom to mention: the claimer for an idle one. */
  mention?: Actor;
  /**
   * Unique per escalation, kind and waiting period: the store's event-id claim on this key makes sure one
   * replica sends it, once, even across restarts.
   */
  key: string;
}

/**
 * A reminder that fell due longer ago than this is not sent late (the bot was down for a day): the event-id
 * claims that stop a repeat are kept for 24 hours, so anything older could no longer be told apart.
 */
export const staleAfterMs = 23 * 60 * 60 * 1000;

/**
 * Which reminders are due at `now` for escalations waiting on Support, `afterMs` being ESCALATION_REMIND_AFTER:
 * an open escalation gets a reminder `afterMs` after it was opened (or reopened), and a mention of the
 * responders after twice that; a claimed one with no change for `afterMs` reminds its claimer. Pure: the
 * caller claims each key before posting. Escalations waiting on the requester (need-info) or resolved get none.
 */
export function dueReminders(escalations: readonly EscalationRecord[], now: Date, afterMs: number): DueReminder[] {
  const due: DueReminder[] = [];
  const at = now.getTime();
  const push = (
    escalation: EscalationRecord,
    kind: DueReminder["kind"],
    since: string,
    waitMs: number,
    mention?: Actor,
  ) => {
    const dueAt = Date.parse(since) + waitMs;
    if (at < dueAt || at - dueAt > staleAfterMs) return;
    due.push({
      escalation,
      kind,
      dueAt: new Date(dueAt).toISOString(),
      waitedMs: at - Date.parse(since),
      ...(mention ? { mention } : {}),
      key: `remind:${escalation.id}:${kind}:${since}`,
    });
  };
  for (const e of escalations) {
    const last = e.history.at(-1);
    const since = last?.at ?? e.createdAt;
    if (e.status === "open") {
      push(e, "unclaimed", since, afterMs);
      push(e, "responders", since, 2 * afterMs);
    } else if (e.status === "claimed" && e.claimedBy) {
      push(e, "idle", since, afterMs, e.claimedBy);
    }
  }
  // The responders' mention supersedes the plain reminder when both fall due in one pass (after downtime).
  return due.filter(
    (d) => !(d.kind === "unclaimed" && due.some((o) => o.kind === "responders" && o.escalation.id === d.escalation.id)),
  );
}
