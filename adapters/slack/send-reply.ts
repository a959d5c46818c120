import type { EngineReply } from "../../src/core/transport.ts";
import type { Deliverer } from "../../src/delivery/outbox-dispatcher.ts";
import { type DeliverDeps, deliverReply, type ReplyTarget } from "./deliver-reply.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";

/** Slack's half of the outbox: a stored reply and target, delivered with the same code as a fresh one. */
export function slackDeliverer(deps: DeliverDeps): Deliverer {
  return {
    async deliver(target, reply, from) {
      await deliverReply(deps, reply, target as ReplyTarget, from);
    },
  };
}

/**
 * Sends a reply the engine decided. A queued one (it has a delivery row) goes through the outbox, which
 * marks it delivered or retries it, on this replica or another; `extra` cards found after the decision
 * join the stored row first. Without a row (rate-limit notice, database down) it is sent once, directly.
 */
export async function sendReply(deps: SlackListenerDeps, reply: EngineReply, target: ReplyTarget): Promise<void> {
  if (reply.duplicate || reply.cards.length === 0) return;
  if (!reply.delivery || !deps.outbox) {
    await deliverReply(deps.delivery, reply, target);
    return;
  }
  const { delivery, ...stored } = reply;
  await deps.outbox.deliver({
    id: delivery.id,
    platform: "slack",
    target,
    reply: stored,
    progress: 0,
    createdAt: delivery.createdAt,
  });
}
