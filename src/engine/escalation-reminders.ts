import type { ConversationRef } from "../core/bot-event.ts";
import { silentLogger } from "../core/logger.ts";
import { reminderCard } from "../render/reminder-card.ts";
import { type DueReminder, dueReminders } from "./due-reminders.ts";
import type { EngineDeps } from "./engine-deps.ts";
import { subjectOf } from "./escalation-view.ts";
import { queueNotice } from "./queue-reply.ts";

/**
 * Sends the escalation reminders that are due now (ESCALATION_REMIND_AFTER = `afterMs`) to each handoff
 * thread. Each reminder's key is claimed in the store (INSERT … ON CONFLICT DO NOTHING on the
 * processed-events table, kept 24 hours): only the replica whose claim inserts the key sends it, and a
 * restart never sends it again. With the outbox the claim and the queued reminder are one transaction, so
 * a reminder whose post fails is retried like any reply; without one (the terminal chat) it is posted once
 * after the claim. Returns how many were sent (queued).
 */
export async function sendDueReminders(deps: EngineDeps, afterMs: number): Promise<number> {
  const log = deps.logger ?? silentLogger;
  const now = deps.clock();
  const waiting = await deps.store.listEscalations({ status: ["open", "claimed"] });
  let sent = 0;
  for (const due of dueReminders(waiting, now, afterMs)) {
    const thread = handoffThread(due);
    // Not posted in the escalation channel yet: the delivery retry comes first; its reminder waits.
    if (!thread) continue;
    const outbox = deps.outbox;
    if (outbox) {
      const at = now.toISOString();
      const queued = await deps.store.transaction(async (tx) => {
        if (!(await tx.claimEvent(due.key, at))) return false;
        await queueNotice(tx, { to: thread, cards: [cardOf(deps, due)], eventId: due.key }, at);
        return true;
      });
      if (queued) sent++;
      continue;
    }
    if (!(await deps.store.claimEvent(due.key, now.toISOString()))) continue;
    try {
      await deps.transport.post(thread, cardOf(deps, due));
      sent++;
    } catch (error) {
      log.warn("escalation reminder not delivered", { escalation: due.escalation.id, kind: due.kind, error });
    }
  }
  if (sent > 0) deps.outbox?.kick?.();
  return sent;
}

function handoffThread(due: DueReminder): ConversationRef | undefined {
  const { handoffConversation, handoffMessageId } = due.escalation.delivery;
  if (!handoffConversation || !handoffMessageId) return undefined;
  return handoffConversation.threadId ? handoffConversation : { ...handoffConversation, threadId: handoffMessageId };
}

function cardOf(deps: EngineDeps, due: DueReminder) {
  const responders = (deps.config.responders ?? []).map((id) => ({ id }));
  const people = due.kind === "idle" && due.mention ? [due.mention] : due.kind === "responders" ? responders : [];
  return reminderCard({
    escalation: due.escalation.id,
    subject: subjectOf(due.escalation),
    kind: due.kind,
    waitedMinutes: due.waitedMs / 60_000,
    // Only people someone named: the configured responders, the claimer. Without ESCALATION_RESPONDERS the
    // reminder goes to the thread with no broadcast mention: an @here from a bot at any hour notifies the
    // whole channel (people off shift, other teams) for one escalation, and is one text change away from
    // a ping anyone could cause.
    people,
  });
}
