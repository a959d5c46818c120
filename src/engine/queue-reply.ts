import { randomUUID } from "node:crypto";
import type { BotEvent } from "../core/bot-event.ts";
import type { EngineReply } from "../core/transport.ts";
import type { Store } from "../store/store.ts";

/** How the engine leases the rows it writes to the outbox (the OutboxDispatcher of this process). */
export interface OutboxLease {
  lease(): { by: string; until: string };
}

/** Where the adapter wants the answer to go, in its own JSON; stored with the reply. */
export interface HandleOptions {
  replyTo?: unknown;
}

/**
 * Writes the decided reply to the outbox, leased to this process so it delivers it at once. Runs inside
 * the transaction that claims the event: a crash after the commit leaves the answer queued, and Slack's
 * redelivery of the event is then a duplicate, so the answer goes out exactly once.
 */
export async function queueReply(
  tx: Store,
  outbox: OutboxLease,
  event: BotEvent,
  replyTo: unknown,
  reply: Pick<EngineReply, "cards" | "mode" | "visibility" | "privately">,
  /** Now by the engine's clock (not the platform's event time): the give-up time counts from here. */
  at: string,
): Promise<{ id: string; createdAt: string }> {
  const id = randomUUID();
  await tx.enqueueDelivery({
    id,
    eventId: event.eventId,
    platform: event.conversation.platform,
    target: replyTo,
    reply,
    at,
    lease: outbox.lease(),
  });
  return { id, createdAt: at };
}
