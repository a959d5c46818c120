import type { Card } from "../cards/card-schema.ts";
import type { BotEvent, ConversationRef } from "../core/bot-event.ts";
import type { EngineReply } from "../core/transport.ts";
import { transportTarget } from "../delivery/transport-deliverer.ts";
import { newOutboxId } from "../store/outbox-id.ts";
import type { AnalyticsEvent, Store } from "../store/store.ts";
import { storedReplyBody } from "./stored-reply-body.ts";

/** How the engine leases the rows it writes to the outbox (the OutboxDispatcher of this process). */
export interface OutboxLease {
  lease(): { by: string; until: string };
  /** Rows were queued without a lease: deliver them soon (the dispatcher sweeps at once). */
  kick?(): void;
}

/** Where the adapter wants the answer to go, in its own JSON; stored with the reply. */
export interface HandleOptions {
  replyTo?: unknown;
  /** The turn's audit record (see auditedEngine), written with the decision when the answer is final then. */
  audit?: TurnAudit;
  /**
   * Told of each failed post of this event's escalation handoff (the error the Transport threw), so the
   * adapter can tell the requester why, in its own words. Passed explicitly: the adapter cannot receive it
   * through the Transport, which serves every event at once.
   */
  onPostFailed?: (error: unknown) => void;
  /**
   * Decide now, write after the answer is on its way: a turn that only changes its thread's session (a
   * question, a slash command's answer) comes back with `EngineReply.settle` and nothing written yet. The
   * adapter delivers the answer itself (Slack: in the command's acknowledgement), then calls `settle`
   * exactly once. Turns that write more (an escalation) are written before they return, as without it.
   */
  deferWrites?: boolean;
}

/**
 * Builds a turn's audit record from its final answer. When the answer is known whole before the decision
 * commits (no cards added after it), the engine writes the record in the decision's own transaction and sets
 * `written` once that transaction has committed: one write and one statement fewer per turn than a line
 * appended afterwards, and a crash can no longer keep the answer but lose its audit line.
 */
export interface TurnAudit {
  record(reply: Pick<EngineReply, "cards" | "mode">): AnalyticsEvent;
  written?: boolean;
}

/**
 * Writes the decided reply to the outbox, leased to this process so it delivers it at once. Runs inside
 * the transaction that claims the event: a crash after the commit leaves the answer queued, and Slack's
 * redelivery of the event is then a duplicate, so the answer goes out exactly once.
 */
export async function queueReply(
  tx: Store,
  outbox: OutboxLease,
  event: Pick<BotEvent, "eventId"> & { conversation: Pick<ConversationRef, "platform"> },
  replyTo: unknown,
  reply: Pick<EngineReply, "cards" | "mode" | "visibility" | "privately">,
  /** Now by the engine's clock (not the platform's event time): the give-up time counts from here. */
  at: string,
): Promise<{ id: string; createdAt: string }> {
  const id = newOutboxId();
  const body = storedReplyBody(reply);
  await tx.enqueueDelivery({
    id,
    eventId: event.eventId,
    platform: event.conversation.platform,
    target: replyTo,
    reply,
    ...(body ? { body } : {}),
    at,
    lease: outbox.lease(),
  });
  return { id, createdAt: at };
}

/**
 * Queues cards for a conversation other than the one being answered (a handoff card to replace with
 * `update`, a note in an escalation's thread, a reminder), without a lease: the dispatcher's next sweep, on
 * any replica, delivers them through the engine's transport and retries them like any reply. Called with
 * the turn's transaction, the notice is stored exactly when the change it reports is.
 */
export async function queueNotice(
  tx: Store,
  notice: { to: ConversationRef; cards: Card[]; update?: string; eventId?: string },
  at: string,
): Promise<void> {
  await tx.enqueueDelivery({
    id: newOutboxId(),
    ...(notice.eventId ? { eventId: notice.eventId } : {}),
    platform: notice.to.platform,
    target: transportTarget(notice.to, notice.update),
    reply: { cards: notice.cards, mode: "new", visibility: "in_channel" },
    at,
  });
}
