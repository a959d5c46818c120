import type { ConversationRef } from "../core/bot-event.ts";
import { silentLogger } from "../core/logger.ts";
import { reminderCard } from "../render/reminder-card.ts";
import { type DueReminder, dueReminders } from "./due-reminders.ts";
import type { EngineDeps } from "./engine-deps.ts";
import { subjectOf } from "./escalation-view.ts";

/**
 * Posts the escalation reminders that are due now (ESCALATION_REMIND_AFTER = `afterMs`) in each handoff
 * thread. Each reminder's key is claimed in the store first (INSERT … ON CONFLICT DO NOTHING on the
 * processed-events table, kept 24 hours): only the replica whose claim inserts the key posts it, and a
 * restart never sends it again. Claim-then-post means a post that fails is not retried; the next reminder
 * (the responders' mention, the next idle period) still comes. Returns how many were posted.
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
    if (!(await deps.store.claimEvent(due.key, now.toISOString()))) continue;
    try {
      await deps.transport.post(thread, cardOf(deps, due));
      sent++;
    } catch (error) {
      log.warn("escalation reminder not delivered", { escalation: due.escalation.id, kind: due.kind, error });
    }
  }
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
    people,
    // Without responder ids, the responders are the escalation channel: call it (Slack @here).
    ...(due.kind === "responders" && responders.length === 0 ? { everyone: true } : {}),
  });
}
