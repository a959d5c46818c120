import type { BlockAction, ButtonAction } from "@slack/bolt";
import { answerEvent } from "./answer-event.ts";
import { blockActionToEvent } from "./block-action-to-event.ts";
import type { ReplyTarget } from "./deliver-reply.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";
import type { SlackHandlers } from "./slack-router.ts";

/**
 * Button presses on cpbot's cards (block_actions). ack() first; then the engine decides, and a "replace"
 * answer (walkthrough Done/Back/Skip, Claim on the handoff) edits the card in place: chat.update on a
 * message in a channel, response_url with replace_original on an ephemeral one.
 */
export function onAction(d: SlackListenerDeps): SlackHandlers["action"] {
  return async ({ body, action, ack }) => {
    await d.inFlight.run(async () => {
      await ack();
      if (body.type !== "block_actions" || action.type !== "button") return;
      const block = body as BlockAction;
      // cpbot's modal has no buttons of its own; anything pressed inside a view is not a card action.
      if (block.view) return;
      const translated = blockActionToEvent(block, action as ButtonAction);
      if (!translated) {
        d.logger.warn("button press without a channel; ignored", { action: (action as ButtonAction).action_id });
        return;
      }
      const { event, surface } = translated;
      const onMessage = !surface.ephemeral && surface.messageTs !== undefined;
      const target: ReplyTarget = onMessage
        ? {
            kind: "message",
            channel: surface.channel,
            ts: surface.messageTs as string,
            threadTs: surface.threadTs ?? (surface.messageTs as string),
            ...(block.response_url ? { responseUrl: block.response_url } : {}),
            user: block.user.id,
          }
        : {
            kind: "respond",
            responseUrl: block.response_url,
            channel: surface.channel,
            user: block.user.id,
            replaceable: true,
          };
      // No permalink asked here: the engine asks for one only when the press escalates (Transport.link).
      await answerEvent(d, event, target, block.trigger_id);
    });
  };
}
