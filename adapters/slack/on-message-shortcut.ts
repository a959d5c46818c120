import type { MessageShortcut } from "@slack/bolt";
import type { MessageEvent } from "../../src/core/bot-event.ts";
import type { Deliverer } from "../../src/delivery/outbox-dispatcher.ts";
import { infoCard } from "../../src/render/info-card.ts";
import { cardToBlockKit } from "./card-to-block-kit.ts";
import { deliverReply, type ReplyTarget } from "./deliver-reply.ts";
import { inboundText } from "./inbound-text.ts";
import { slackConversation, slackTime } from "./message-to-event.ts";
import { sendQueued } from "./send-reply.ts";
import { isChannelAccessError, slackErrorCode } from "./slack-api-error.ts";
import type { SlackListenerDeps } from "./slack-listener-deps.ts";
import type { SlackHandlers } from "./slack-router.ts";

/** The shortcut's callback_id in slack/manifest.yml (features.shortcuts). */
export const askShortcutId = "ask_cpbot_about_message";

/**
 * "Ask cpbot about this message" on any message (a pasted customer ticket, an alert): cpbot reads that
 * message's text as the question and answers in its thread, as if it had been mentioned there. Where cpbot
 * may not post (not in the channel, a private channel, a DM between others), the person gets the answer in
 * their DM with cpbot instead, under a line that says why, so the walkthrough can go on there.
 */
export function onMessageShortcut(d: SlackListenerDeps): SlackHandlers["askShortcut"] {
  return async ({ shortcut, ack }) => {
    await ack();
    await d.inFlight.run(async () => {
      try {
        await answerShortcut(d, shortcut);
      } catch (error) {
        d.logger.error("could not answer the message shortcut", { code: slackErrorCode(error), error });
      }
    });
  };
}

async function answerShortcut(d: SlackListenerDeps, s: MessageShortcut): Promise<void> {
  const m = s.message as { ts: string; thread_ts?: string; text?: string };
  const text = inboundText(m.text ?? "", d.identity.botUserId);
  const user = s.user.name ? { id: s.user.id, name: s.user.name } : { id: s.user.id };
  const channel = s.channel.id;
  const threadTs = m.thread_ts ?? m.ts;
  const at = slackTime(m.ts);
  const event = (conversation: MessageEvent["conversation"], eventId: string): MessageEvent => ({
    kind: "message",
    eventId,
    conversation,
    user,
    // A message without words (only a file or an image) still gets an answer: the engine asks what is wrong.
    text,
    ...(at ? { at } : {}),
  });
  const conversation = await d.links.withLink(slackConversation(channel, threadTs));
  const reply = await d.engine.handle(event(conversation, `slack:shortcut:${s.trigger_id}`));
  if (reply.duplicate || reply.cards.length === 0) return;
  // Through the outbox, so a Slack failure is retried. The first attempt (this one) also knows the way
  // out when cpbot may not post in that thread: the answer goes to the person's DM instead. A later retry
  // of the outbox goes to the thread only.
  const inThreadOrDm: Deliverer = {
    async deliver(target, r, from) {
      try {
        await deliverReply(d.delivery, r, target as ReplyTarget, from);
      } catch (error) {
        if (!isChannelAccessError(error)) throw error;
        d.logger.info("cannot answer the shortcut in its thread; answering in a DM", {
          channel,
          code: slackErrorCode(error),
        });
        await answerInDm(d, s.user.id, channel, slackErrorCode(error) ?? "not_in_channel", (dm) =>
          d.engine.handle(event(dm, `slack:shortcut:${s.trigger_id}:dm`)),
        );
      }
    },
  };
  await sendQueued(d, reply, { kind: "thread", channel, threadTs }, inThreadOrDm);
}

/** Posts why, in the person's DM with cpbot, then the answer in a thread under it (a session of its own). */
async function answerInDm(
  d: SlackListenerDeps,
  userId: string,
  channel: string,
  code: string,
  ask: (conversation: MessageEvent["conversation"]) => ReturnType<SlackListenerDeps["engine"]["handle"]>,
): Promise<void> {
  const why =
    code === "not_in_channel"
      ? `I am not a member of that channel (${channel}), so I cannot answer in the message's thread. Here is my answer, only for you. To have me answer there next time, type /invite @cpbot in that channel.`
      : `Slack does not let me post in that conversation (${code}), so I cannot answer in the message's thread. Here is my answer, only for you.`;
  const [notice] = cardToBlockKit(infoCard("I answered you here instead", [why]));
  // Direct: its ts is the root of the DM thread the answer goes under (a failure here fails the attempt,
  // which the outbox retries).
  const posted = await d.client.chat.postMessage({
    channel: userId,
    text: notice?.text ?? why,
    ...(notice ? { blocks: notice.blocks } : {}),
    unfurl_links: false,
  });
  const dmChannel = posted.channel ?? userId;
  const rootTs = posted.ts as string;
  const reply = await ask(slackConversation(dmChannel, rootTs));
  if (reply.duplicate || reply.cards.length === 0) return;
  await sendQueued(d, reply, { kind: "thread", channel: dmChannel, threadTs: rootTs });
}
