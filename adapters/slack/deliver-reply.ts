import type { RespondFn, webApi } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import { cardToBlockKit, type SlackMessage } from "./card-to-block-kit.ts";
import { isChannelAccessError, slackErrorCode } from "./slack-api-error.ts";

/** Where an answer goes, decided by the Slack surface the event came from. */
export type ReplyTarget =
  /** A mention, DM or thread follow-up: replies in the thread. */
  | { kind: "thread"; channel: string; threadTs: string }
  /** A button on a message in a channel or DM: "replace" edits that message, "new" replies in its thread. */
  | { kind: "message"; channel: string; ts: string; threadTs: string; respond?: RespondFn; user?: string }
  /** A slash command, or a button on an ephemeral message: answered through response_url. */
  | { kind: "respond"; respond: RespondFn; channel: string; user: string; replaceable: boolean }
  /** Only this person sees it (the station message preview after the modal closes). */
  | { kind: "ephemeral"; channel: string; user: string };

export interface DeliverDeps {
  client: webApi.WebClient;
  logger: Logger;
}

/** Slack lets a response_url be used five times (within 30 minutes); later parts go through the Web API. */
const responsesPerUrl = 5;
/** chat.update refusals that a reply through response_url or a new message can still work around. */
const notEditable = new Set(["cant_update_message", "message_not_found", "edit_window_closed", "msg_too_long"]);

/**
 * Delivers the engine's reply where the event happened. Never sets link_names or parse: all text was
 * escaped by cardToBlockKit and must stay inert. Unfurls are off so a pasted URL does not grow a preview.
 */
export async function deliverReply(deps: DeliverDeps, reply: EngineReply, target: ReplyTarget): Promise<void> {
  if (reply.duplicate || reply.cards.length === 0) return;
  const messages = reply.cards.map((card) => cardToBlockKit(card));
  const replaceFirst = reply.mode === "replace";
  const { client } = deps;
  const post = (channel: string, m: SlackMessage, threadTs?: string) =>
    client.chat.postMessage({
      channel,
      text: m.text,
      blocks: m.blocks,
      ...(threadTs ? { thread_ts: threadTs } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });

  if (reply.privately && target.kind === "message" && target.user) {
    // A refusal on a shared card: only the presser sees it, and the card stays as it was.
    for (const m of messages.flat()) {
      await client.chat.postEphemeral({
        channel: target.channel,
        user: target.user,
        thread_ts: target.threadTs,
        text: m.text,
        blocks: m.blocks,
      });
    }
    return;
  }
  switch (target.kind) {
    case "thread":
      for (const m of messages.flat()) await post(target.channel, m, target.threadTs);
      return;
    case "message": {
      const all = messages.flat();
      if (replaceFirst && all[0]) {
        const first = all.shift() as SlackMessage;
        await replaceMessage(deps, target, first, () => post(target.channel, first, target.threadTs));
      }
      for (const m of all) await post(target.channel, m, target.threadTs);
      return;
    }
    case "respond": {
      const type = reply.visibility === "in_channel" ? "in_channel" : "ephemeral";
      let used = 0;
      for (const [i, m] of messages.flat().entries()) {
        if (used < responsesPerUrl) {
          used++;
          const replace = i === 0 && replaceFirst && target.replaceable;
          await target.respond({ response_type: type, replace_original: replace, text: m.text, blocks: m.blocks });
        } else if (type === "in_channel") {
          await post(target.channel, m);
        } else {
          await client.chat.postEphemeral({
            channel: target.channel,
            user: target.user,
            text: m.text,
            blocks: m.blocks,
          });
        }
      }
      return;
    }
    case "ephemeral":
      for (const m of messages.flat()) await postPrivately(deps, target, m);
      return;
  }
}

async function replaceMessage(
  deps: DeliverDeps,
  target: Extract<ReplyTarget, { kind: "message" }>,
  message: SlackMessage,
  postNew: () => Promise<unknown>,
): Promise<void> {
  try {
    await deps.client.chat.update({
      channel: target.channel,
      ts: target.ts,
      text: message.text,
      blocks: message.blocks,
    });
    return;
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code || !notEditable.has(code)) throw error;
    deps.logger.info("could not update the card in place; answering beside it", { channel: target.channel, code });
  }
  // A message posted through a response_url (a shared slash command answer) is not the bot's to edit.
  if (target.respond) {
    await target.respond({ replace_original: true, text: message.text, blocks: message.blocks });
    return;
  }
  await postNew();
}

/** chat.postEphemeral needs cpbot in the channel; elsewhere the answer goes to the person's DM with cpbot. */
async function postPrivately(
  deps: DeliverDeps,
  target: Extract<ReplyTarget, { kind: "ephemeral" }>,
  m: SlackMessage,
): Promise<void> {
  try {
    await deps.client.chat.postEphemeral({
      channel: target.channel,
      user: target.user,
      text: m.text,
      blocks: m.blocks,
    });
  } catch (error) {
    if (!isChannelAccessError(error) && slackErrorCode(error) !== "user_not_in_channel") throw error;
    await deps.client.chat.postMessage({ channel: target.user, text: m.text, blocks: m.blocks, unfurl_links: false });
  }
}
