import { cardActions } from "../../src/cards/card-actions.ts";
import type { ActionEvent } from "../../src/core/bot-event.ts";
import { isRealQuestion } from "../../src/engine/real-question.ts";
import { problemInputId, problemNeeded } from "../../src/render/escalate-form-card.ts";
import { answerEvent } from "./answer-event.ts";
import { readEscalateInputs, readEscalateOrigin } from "./escalate-modal.ts";
import { slackConversation } from "./message-to-event.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";
import type { SlackHandlers } from "./slack-router.ts";

/**
 * Submit of the "What is wrong?" modal. Only a field error can keep a modal open, and Slack shows it only
 * from the acknowledgement (`response_action: "errors"`), so "ok" or "thanks" is refused there, before
 * ack(), with the words the form card uses. A real question closes the modal and goes to the engine as the
 * form card's Submit would: it files the escalation at once, and the answer is posted in the thread.
 */
export function onEscalateView(d: SlackListenerDeps): SlackHandlers["escalateView"] {
  return async ({ view, body, ack }) => {
    await d.inFlight.run(async () => {
      const inputs = readEscalateInputs(view);
      const problem = inputs[problemInputId] ?? "";
      if (!isRealQuestion(problem)) {
        await ack({ response_action: "errors", errors: { [problemInputId]: problemNeeded } });
        return;
      }
      await ack();
      const origin = readEscalateOrigin(view);
      if (!origin) {
        d.logger.warn("escalation modal without its thread; nothing filed", { user: body.user.id });
        return;
      }
      const conversation = slackConversation(origin.channel, origin.threadTs, origin.privateTo);
      const event: ActionEvent = {
        kind: "action",
        // One modal files once, however often Slack delivers its submission.
        eventId: `slack:view:${view.id}`,
        conversation: origin.privateTo ? conversation : await d.links.withLink(conversation),
        user: body.user.name ? { id: body.user.id, name: body.user.name } : { id: body.user.id },
        action: cardActions.escalateSubmit,
        // The problem and, when given, the note for Support: the same inputs the form card submits.
        inputs: { ...inputs, [problemInputId]: problem },
      };
      const target =
        origin.threadTs && !origin.privateTo
          ? { kind: "thread" as const, channel: origin.channel, threadTs: origin.threadTs }
          : { kind: "ephemeral" as const, channel: origin.channel, user: body.user.id };
      await answerEvent(d, event, target);
    });
  };
}
