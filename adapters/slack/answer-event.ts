import type { BotEvent } from "../../src/core/bot-event.ts";
import type { ReplyTarget } from "./deliver-reply.ts";
import { deliveryProblemCard, deliveryProblems } from "./delivery-problems.ts";
import { askInModal } from "./escalate-modal.ts";
import { sendReply } from "./send-reply.ts";
import { slackErrorCode } from "./slack-api-error.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";

/**
 * Runs one event through the engine and delivers the reply. The engine stores the reply in the outbox
 * with `target` in the same transaction that marks the event handled, so a crash or a failing Slack API
 * after that point delays the answer but never loses it. Errors stop here: Slack has been acknowledged
 * already, so a failure is logged (never with a token) rather than thrown back into Bolt. When the
 * escalation channel refused this event's handoff, the requester is told what to fix.
 */
export async function answerEvent(
  deps: SlackListenerDeps,
  event: BotEvent,
  target: ReplyTarget,
  /** A button press's trigger_id: a "What is wrong?" question in the answer then opens as a modal. */
  triggerId?: string,
): Promise<void> {
  try {
    const { found, onPostFailed } = deliveryProblems();
    const decided = await deps.engine.handle(event, { replyTo: target, onPostFailed });
    if (decided.duplicate) {
      deps.logger.debug("event already handled; nothing sent", { eventId: event.eventId });
      return;
    }
    // A "What is wrong?" question opens as a modal and leaves the reply; the stored reply follows, so a
    // retry after a crash never posts the form the modal already showed.
    const reply = triggerId ? await askInModal(deps, decided, triggerId, event.conversation) : decided;
    const cards = [...reply.cards, ...found.map(deliveryProblemCard)];
    if (reply.delivery && (found.length > 0 || reply !== decided)) {
      await deps.outbox?.amend(reply.delivery.id, { ...reply, cards });
    }
    // Nothing left to post (the modal was the whole answer): the stored reply is done.
    if (cards.length === 0 && reply.delivery) await deps.outbox?.delivered(reply.delivery.id);
    await sendReply(deps, { ...reply, cards }, target);
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
