import type { CloudAdapter, ConversationReference, TurnContext } from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import type { Card } from "../../src/cards/card-schema.ts";
import { BotError } from "../../src/core/bot-error.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { Transport } from "../../src/core/transport.ts";
import { cardActivities, foldedCard, singleCardActivity } from "./card-activities.ts";
import { isMessageTooBig, type RetryOptions, withConnectorRetry } from "./connector-retry.ts";
import type { ConversationReferences } from "./conversation-references.ts";
import { type SendOptions, sendCard, updateCard } from "./send-card.ts";
import {
  looksLikeTeamsChannel,
  looksLikeTeamsConversation,
  splitConversationId,
  teamsThreadLink,
  threadConversationId,
} from "./teams-conversation.ts";

/**
 * The engine's escalation destination for Teams when no channel id is configured in the core settings: it
 * stands for "the Teams escalation channel", resolved on every post (TEAMS_ESCALATION_CONVERSATION, or the
 * channel where an admin typed `escalations here`).
 */
export const teamsEscalationAlias = "teams-escalations";

export interface TeamsTransportDeps {
  adapter: CloudAdapter;
  /** "" when running unauthenticated against the Emulator. */
  appId: string;
  references: ConversationReferences;
  escalationChannel: () => string | undefined;
  /** Used when a conversation's own service URL was never seen. */
  serviceUrl: string;
  tenantId?: string;
  retry: RetryOptions;
  logger: Logger;
  clock: () => Date;
}

interface Target {
  conversationId: string;
  threadId?: string;
  isChannel: boolean;
  reference: Partial<ConversationReference>;
  tenantId?: string;
  groupId?: string;
}

/**
 * Posts and updates cards in Teams conversations other than the one a turn came from (escalation
 * handoffs, status mirrored into the requester's thread) as proactive messages from stored references.
 */
export class TeamsTransport implements Transport {
  constructor(private readonly deps: TeamsTransportDeps) {}

  async post(to: ConversationRef, card: Card): Promise<{ messageId: string; permalink?: string }> {
    const target = this.resolve(to);
    let messageId: string | undefined;
    if (target.isChannel && !target.threadId) {
      messageId = await this.newThread(target, card);
    } else {
      await this.continueIn(target, async (ctx) => {
        messageId = await sendCard(ctx, card, this.sendOptions());
      });
    }
    if (!messageId) throw new BotError("Teams accepted the message but returned no id for it.", "platform_error");
    const threadId = target.threadId ?? (target.isChannel ? messageId : undefined);
    // An alias does not say which channel; remember it, so updates and replies go to the same thread later.
    if (!looksLikeTeamsConversation(to.channelId) && threadId) {
      this.deps.references.rememberThread(threadId, target.conversationId, this.deps.clock().toISOString());
    }
    const permalink =
      threadId &&
      teamsThreadLink({
        channelId: target.conversationId,
        threadId,
        ...(target.tenantId ? { tenantId: target.tenantId } : {}),
        ...(target.groupId ? { groupId: target.groupId } : {}),
      });
    return { messageId, ...(permalink ? { permalink } : {}) };
  }

  async update(to: ConversationRef, messageId: string, card: Card): Promise<void> {
    const target = this.resolve(to);
    await this.continueIn(target, async (ctx) => {
      if (!(await updateCard(ctx, messageId, card, this.sendOptions()))) {
        throw new BotError(`Teams did not let cpbot update message ${messageId}.`, "platform_error");
      }
    });
  }

  /** A new thread in a team channel: createConversation with the card as its first message. */
  private async newThread(target: Target, card: Card): Promise<string | undefined> {
    const [first, ...rest] = cardActivities(card);
    let rootId: string | undefined;
    await this.continueIn(target, async (ctx) => {
      const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
      const create = (activity: typeof first) =>
        withConnectorRetry(
          "create channel thread",
          () =>
            client.conversations.createConversation({
              isGroup: true,
              bot: target.reference.bot ?? botAccount({ id: `28:${this.deps.appId}` }),
              channelData: { channel: { id: target.conversationId } },
              activity: { ...activity } as never,
              ...(target.tenantId ? { tenantId: target.tenantId } : {}),
            } as never),
          this.deps.retry,
        );
      let created: Awaited<ReturnType<typeof create>>;
      try {
        created = await create(first);
      } catch (error) {
        if (!isMessageTooBig(error)) throw error;
        this.deps.logger.warn("Teams refused the handoff card as too big; posting it folded", { title: card.title });
        created = await create(singleCardActivity(foldedCard(card)));
        rest.length = 0;
      }
      // Teams returns the thread as "<channel>;messageid=<root>"; activityId is the same root id.
      rootId = created.activityId || splitConversationId(created.id ?? "").messageId;
      if (rootId && rest.length > 0) {
        await this.continueIn({ ...target, threadId: rootId }, async (reply) => {
          for (const activity of rest) {
            await withConnectorRetry("continue card", () => reply.sendActivity({ ...activity }), this.deps.retry);
          }
        });
      }
    });
    return rootId;
  }

  private async continueIn(target: Target, logic: (ctx: TurnContext) => Promise<void>): Promise<void> {
    const conversationId =
      target.isChannel && target.threadId
        ? threadConversationId(target.conversationId, target.threadId)
        : target.conversationId;
    const reference = {
      ...target.reference,
      conversation: { ...target.reference.conversation, id: conversationId },
    } as ConversationReference;
    await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, logic);
  }

  private resolve(to: ConversationRef): Target {
    if (to.platform !== "teams") {
      throw new BotError(`The Teams transport cannot post to a ${to.platform} conversation.`, "platform_error");
    }
    let conversationId = to.channelId;
    if (!looksLikeTeamsConversation(conversationId)) {
      const known = to.threadId ? this.deps.references.threadChannel(to.threadId) : undefined;
      const channel = known ?? this.deps.escalationChannel();
      if (!channel) {
        throw new BotError(
          "No Teams escalation channel is set, so the handoff cannot be posted yet (it is stored and will be posted once one is set). Type `escalations here` in the support channel as an admin, or set TEAMS_ESCALATION_CONVERSATION to its channel id.",
          "config_invalid",
        );
      }
      conversationId = channel;
    }
    const stored = this.deps.references.get(conversationId);
    const latest = this.deps.references.latest();
    const base = splitConversationId(conversationId).base;
    const isChannel = stored ? stored.conversationType === "channel" : looksLikeTeamsChannel(base);
    const tenantId = stored?.tenantId ?? this.deps.tenantId ?? latest?.tenantId;
    const groupId = stored?.groupId;
    const reference: Partial<ConversationReference> = {
      channelId: stored?.channel ?? latest?.channel ?? "msteams",
      serviceUrl: stored?.serviceUrl ?? latest?.serviceUrl ?? this.deps.serviceUrl,
      bot: botAccount(stored?.bot ?? latest?.bot ?? { id: `28:${this.deps.appId}`, name: "cpbot" }),
      conversation: {
        id: base,
        isGroup: isChannel || stored?.conversationType === "groupChat",
        ...(isChannel ? { conversationType: "channel" } : {}),
        ...(tenantId ? { tenantId } : {}),
      } as ConversationReference["conversation"],
    };
    return {
      conversationId: base,
      ...(to.threadId && isChannel ? { threadId: to.threadId } : {}),
      isChannel,
      reference,
      ...(tenantId ? { tenantId } : {}),
      ...(groupId ? { groupId } : {}),
    };
  }

  private sendOptions(): SendOptions {
    return { retry: this.deps.retry, logger: this.deps.logger };
  }
}

function botAccount(bot: { id: string; name?: string }): ConversationReference["bot"] {
  return { id: bot.id, name: bot.name ?? "cpbot" };
}
