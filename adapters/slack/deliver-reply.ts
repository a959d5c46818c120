import type { Logger } from "../../src/core/logger.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import { sendInOrder } from "../../src/delivery/delivery-error.ts";
import { cardToBlockKit, type SlackMessage } from "./card-to-block-kit.ts";
import type { DeliveryClient } from "./delivery-client.ts";
import type { RespondToUrl } from "./respond-to-url.ts";
import { isChannelAccessError, slackErrorCode } from "./slack-api-error.ts";
import { slackDeliveryError } from "./slack-delivery-error.ts";
import { webApiBlocks } from "./web-api-blocks.ts";

/**
 * Where an answer goes, decided by the Slack surface the event came from. Plain JSON: it is stored with
 * the reply in the outbox, so a retry after a restart (or on another replica) sends it to the same place.
 * A response_url is a credential for 30 minutes: it stays in the database and never goes into a log.
 */
export type ReplyTarget =
  /** A mention, DM or thread follow-up: replies in the thread. */
  | { kind: "thread"; channel: string; threadTs: string }
  /** A button on a message in a channel or DM: "replace" edits that message, "new" replies in its thread. */
  | { kind: "message"; channel: string; ts: string; threadTs: string; responseUrl?: string; user?: string }
  /** A slash command, or a button on an ephemeral message: answered through response_url. */
  | { kind: "respond"; responseUrl: string; channel: string; user: string; replaceable: boolean }
  /** Only this person sees it (the station message preview after the modal closes). */
  | { kind: "ephemeral"; channel: string; user: string };

export interface DeliverDeps {
  client: DeliveryClient;
  logger: Logger;
  respond: RespondToUrl;
}

/** Slack lets a response_url be used five times (within 30 minutes); later parts go through the Web API. */
const responsesPerUrl = 5;
/** chat.update refusals that a reply through response_url or a new message can still work around. */
const notEditable = new Set(["cant_update_message", "message_not_found", "edit_window_closed", "msg_too_long"]);

/**
 * Delivers the engine's reply where the event happened, from message number `from` on (the ones before
 * went out in an earlier attempt). A failure throws a DeliveryError that counts the messages sent, so the
 * outbox retries only the rest. Never sets link_names or parse: all text was escaped by cardToBlockKit
 * and must stay inert. Unfurls are off so a pasted URL does not grow a preview.
 */
export async function deliverReply(
  deps: DeliverDeps,
  reply: EngineReply,
  target: ReplyTarget,
  from = 0,
): Promise<number> {
  if (reply.duplicate || reply.cards.length === 0) return 0;
  const messages = reply.cards.flatMap((card) => cardToBlockKit(card));
  return sendInOrder(sends(deps, reply, target, messages), from, slackDeliveryError);
}

/** One send per message, in order; the index of each is stable, so a retry can start in the middle. */
function sends(
  deps: DeliverDeps,
  reply: EngineReply,
  target: ReplyTarget,
  messages: SlackMessage[],
): (() => Promise<unknown>)[] {
  const { client } = deps;
  const post = (channel: string, m: SlackMessage, threadTs?: string) => () =>
    client.chat.postMessage({
      channel,
      text: m.text,
      blocks: webApiBlocks(m.blocks),
      ...(threadTs ? { thread_ts: threadTs } : {}),
      unfurl_links: false,
      unfurl_media: false,
    });
  const replaceFirst = reply.mode === "replace";

  if (reply.privately && target.kind === "message" && target.user) {
    // A refusal on a shared card: only the presser sees it, and the card stays as it was.
    const user = target.user;
    return messages.map(
      (m) => () =>
        client.chat.postEphemeral({
          channel: target.channel,
          user,
          thread_ts: target.threadTs,
          text: m.text,
          blocks: webApiBlocks(m.blocks),
        }),
    );
  }
  switch (target.kind) {
    case "thread":
      return messages.map((m) => post(target.channel, m, target.threadTs));
    case "message":
      return messages.map((m, i) =>
        i === 0 && replaceFirst
          ? () => replaceMessage(deps, target, m, post(target.channel, m, target.threadTs))
          : post(target.channel, m, target.threadTs),
      );
    case "respond": {
      const type = reply.visibility === "in_channel" ? "in_channel" : "ephemeral";
      return messages.map((m, i) => {
        if (i < responsesPerUrl) {
          const replace = i === 0 && replaceFirst && target.replaceable;
          const body = { response_type: type, replace_original: replace, text: m.text, blocks: m.blocks };
          return () => deps.respond(target.responseUrl, body);
        }
        if (type === "in_channel") return post(target.channel, m);
        return () =>
          client.chat.postEphemeral({
            channel: target.channel,
            user: target.user,
            text: m.text,
            blocks: webApiBlocks(m.blocks),
          });
      });
    }
    case "ephemeral":
      return messages.map((m) => () => postPrivately(deps, target, m));
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
      blocks: webApiBlocks(message.blocks),
    });
    return;
  } catch (error) {
    const code = slackErrorCode(error);
    if (!code || !notEditable.has(code)) throw error;
    deps.logger.info("could not update the card in place; answering beside it", { channel: target.channel, code });
  }
  // A message posted through a response_url (a shared slash command answer) is not the bot's to edit.
  if (target.responseUrl) {
    await deps.respond(target.responseUrl, { replace_original: true, text: message.text, blocks: message.blocks });
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
      blocks: webApiBlocks(m.blocks),
    });
  } catch (error) {
    if (!isChannelAccessError(error) && slackErrorCode(error) !== "user_not_in_channel") throw error;
    await deps.client.chat.postMessage({
      channel: target.user,
      text: m.text,
      blocks: webApiBlocks(m.blocks),
      unfurl_links: false,
    });
  }
}
