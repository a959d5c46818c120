import type { BotEvent } from "../../src/core/bot-event.ts";
import { deliverReply, type ReplyTarget } from "./deliver-reply.ts";
import { collectDeliveryProblems, deliveryProblemCard } from "./delivery-problems.ts";
import { askInModal } from "./escalate-modal.ts";
import { slackErrorCode } from "./slack-api-error.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";

/**
 * Runs one event through the engine and delivers the reply. Errors stop here: Slack has been acknowledged
 * already, so a failure is logged (never with a token) rather than thrown back into Bolt. When the escalation
 * channel refused this event's handoff, the requester is told what to fix; the escalation stays stored.
 */
export async function answerEvent(
  deps: SlackListenerDeps,
  event: BotEvent,
  target: ReplyTarget,
  /** A button press's trigger_id: a "What is wrong?" question in the answer then opens as a modal. */
  triggerId?: string,
): Promise<void> {
  try {
    const { result: decided, found } = await collectDeliveryProblems(() => deps.engine.handle(event));
    const reply =
      triggerId && !decided.duplicate ? await askInModal(deps, decided, triggerId, event.conversation) : decided;
    const cards = reply.duplicate ? [] : [...reply.cards, ...found.map(deliveryProblemCard)];
    if (reply.duplicate) deps.logger.debug("event already handled; nothing sent", { eventId: event.eventId });
    await deliverReply(deps, { ...reply, cards }, target);
  } catch (error) {
    deps.logger.error("could not answer in Slack", {
      eventId: event.eventId,
      kind: event.kind,
      channel: event.conversation.channelId,
      ...(slackErrorCode(error) ? { code: slackErrorCode(error) } : {}),
      error,
    });
  }
}
