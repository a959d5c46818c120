import type { webApi } from "@slack/bolt";
import type { Card } from "../../src/cards/card-schema.ts";
import { BotError } from "../../src/core/bot-error.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { Transport } from "../../src/core/transport.ts";
import { cardToBlockKit } from "./card-to-block-kit.ts";
import { markDeliveryProblem } from "./delivery-problems.ts";
import { channelAccessFix, isChannelAccessError, slackErrorCode } from "./slack-api-error.ts";
import { ThreadLinks } from "./thread-links.ts";
import { webApiBlocks } from "./web-api-blocks.ts";

export interface SlackTransportDeps {
  client: webApi.WebClient;
  /** The escalation channel, so a refusal there is reported to the requester with the fix. */
  escalationChannel: string;
  logger: Logger;
}

/**
 * Posts and updates cards in Slack conversations other than the one an event came from: escalation
 * handoffs in the escalation channel, status changes mirrored into the requester's thread. A card too big
 * for one message continues in the same thread.
 */
export class SlackTransport implements Transport {
  /** Thread permalinks, one chat.getPermalink per thread and process. */
  readonly links = new ThreadLinks((channel, ts) => this.permalink(channel, ts));

  constructor(private readonly deps: SlackTransportDeps) {}

  link(conversation: ConversationRef): Promise<ConversationRef> {
    return this.links.withLink(conversation);
  }

  async post(to: ConversationRef, card: Card): Promise<{ messageId: string; permalink?: string }> {
    const channel = to.channelId;
    let first: string | undefined;
    for (const message of cardToBlockKit(card)) {
      const threadTs = to.threadId ?? first;
      if (to.privateTo) {
        // A private surface (a slash command's session) is mirrored privately too: only its owner sees it.
        const user = to.privateTo;
        const posted = await this.call(channel, () =>
          this.deps.client.chat.postEphemeral({
            channel,
            user,
            text: message.text,
            blocks: webApiBlocks(message.blocks),
            ...(to.threadId ? { thread_ts: to.threadId } : {}),
          }),
        );
        first ??= posted.message_ts;
        continue;
      }
      const posted = await this.call(channel, () =>
        this.deps.client.chat.postMessage({
          channel,
          text: message.text,
          blocks: webApiBlocks(message.blocks),
          ...(threadTs ? { thread_ts: threadTs } : {}),
          unfurl_links: false,
          unfurl_media: false,
        }),
      );
      first ??= posted.ts;
    }
    if (!first)
      throw new BotError(`Slack accepted the message in ${channel} but returned no ts for it.`, "platform_error");
    // A new thread (a handoff) gets a link people can click; a reply inside a known thread needs none.
    const permalink = to.threadId || to.privateTo ? undefined : await this.permalink(channel, first);
    return { messageId: first, ...(permalink ? { permalink } : {}) };
  }

  async update(to: ConversationRef, messageId: string, card: Card): Promise<void> {
    const [message, ...rest] = cardToBlockKit(card);
    if (!message) return;
    if (rest.length > 0) {
      // Only the first part can be edited in place; the engine keeps one message id per card.
      this.deps.logger.debug("card update keeps only its first part", {
        channel: to.channelId,
        parts: rest.length + 1,
      });
    }
    await this.call(to.channelId, () =>
      this.deps.client.chat.update({
        channel: to.channelId,
        ts: messageId,
        text: message.text,
        blocks: webApiBlocks(message.blocks),
      }),
    );
  }

  async permalink(channel: string, ts: string): Promise<string | undefined> {
    try {
      const found = await this.deps.client.chat.getPermalink({ channel, message_ts: ts });
      return found.permalink;
    } catch (error) {
      this.deps.logger.debug("no permalink for message", { channel, ts, code: slackErrorCode(error) });
      return undefined;
    }
  }

  private async call<T extends { ts?: string; message_ts?: string }>(
    channel: string,
    send: () => Promise<T>,
  ): Promise<T & { ts: string }> {
    try {
      const result = await send();
      return { ...result, ts: result.ts ?? result.message_ts ?? "" };
    } catch (error) {
      const code = slackErrorCode(error);
      if (code && isChannelAccessError(error)) {
        const fix = channelAccessFix(channel, code);
        this.deps.logger.warn(`Slack refused a post in ${channel} (${code}): ${fix}`, { channel, code });
        const refused = new BotError(`Slack refused the post in ${channel} (${code}): ${fix}.`, "platform_error", {
          cause: error,
        });
        // The engine hands this error to the event being answered, whose reply then says what to fix.
        throw channel === this.deps.escalationChannel ? markDeliveryProblem(refused, { channel, code }) : refused;
      }
      throw error;
    }
  }
}
