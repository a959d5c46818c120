import type { EngineReply } from "../../src/core/transport.ts";
import type { Deliverer, OutboxDispatcher } from "../../src/delivery/outbox-dispatcher.ts";
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
 * join the stored row first. One without a row (the rate-limit notice, an error card, an adapter's own
 * answer) is queued now; only when that fails too (the database is down) is it sent once, directly.
 */
export async function sendReply(deps: SlackListenerDeps, reply: EngineReply, target: ReplyTarget): Promise<void> {
  if (reply.duplicate || reply.cards.length === 0) return;
  if (!deps.outbox) {
    await deliverReply(deps.delivery, reply, target);
    return;
  }
  if (!reply.delivery) {
    await sendQueued(deps, reply, target);
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

/** Queues and delivers a reply nothing stored yet; sends it once, directly, when it cannot be stored. */
export async function sendQueued(
  deps: SlackListenerDeps,
  reply: EngineReply,
  target: unknown,
  via?: Deliverer,
): Promise<void> {
  const direct = () => (via ?? slackDeliverer(deps.delivery)).deliver(target, reply, 0);
  if (!deps.outbox) return direct();
  let row: Awaited<ReturnType<OutboxDispatcher["queue"]>> | undefined;
  try {
    row = await deps.outbox.queue("slack", target, reply);
  } catch (error) {
    deps.logger.warn("could not queue a reply (database down?); sending it once, directly", { error });
  }
  if (!row) return direct();
  await deps.outbox.deliver(row, via);
}
