import type { ConversationRef } from "../core/bot-event.ts";
import type { Transport } from "../core/transport.ts";
import { DeliveryError } from "./delivery-error.ts";
import type { Deliverer } from "./outbox-dispatcher.ts";

/**
 * Where a reply to a place other than the turn's own conversation goes (an escalation's handoff thread,
 * the requester's thread): platform-neutral, so the engine can queue it. `update` names a message to
 * replace with the first card (the handoff card); the rest are posted.
 */
export interface TransportTarget {
  transport: { to: ConversationRef; update?: string };
}

export function transportTarget(to: ConversationRef, update?: string): TransportTarget {
  return { transport: { to, ...(update ? { update } : {}) } };
}

export function isTransportTarget(target: unknown): target is TransportTarget {
  const inner = (target as { transport?: { to?: { platform?: unknown } } } | null)?.transport;
  return typeof inner?.to?.platform === "string";
}

/**
 * Delivers queued replies to transport targets through the engine's Transport (which picks the platform).
 * Every failure is retried by the outbox until its give-up time: a platform that is down, rate-limiting or
 * not running here yet all heal; the transports already turn 429 waits into their own retries.
 */
export function transportDeliverer(transport: Transport): Deliverer {
  return {
    async deliver(target, reply, from) {
      const { to, update } = (target as TransportTarget).transport;
      let done = from;
      for (const [i, card] of reply.cards.entries()) {
        if (i < from) continue;
        try {
          if (i === 0 && update) await transport.update(to, update, card);
          else await transport.post(to, card);
        } catch (error) {
          // Counted here: a transport's own DeliveryError counts its messages, not this reply's cards.
          const known = error instanceof DeliveryError ? error : undefined;
          const message = error instanceof Error ? error.message : String(error);
          throw new DeliveryError(known ? message : `${to.platform}: ${message}`, {
            done,
            ...(known?.permanent ? { permanent: true } : {}),
            ...(known?.retryAfterMs !== undefined ? { retryAfterMs: known.retryAfterMs } : {}),
            cause: error,
          });
        }
        done++;
      }
    },
  };
}
