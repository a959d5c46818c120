import {
  type Activity,
  type CloudAdapter,
  type ConversationParameters,
  type ConversationReference,
  TurnContext,
} from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import type { Card } from "../../src/cards/card-schema.ts";
import { BotError } from "../../src/core/bot-error.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { Transport } from "../../src/core/transport.ts";
import { cardActivities, foldedCard, singleCardActivity } from "./card-activities.ts";
import { isMessageTooBig, type RetryOptions, requestOptions, withConnectorRetry } from "./connector-retry.ts";
import type { ConversationReferences } from "./conversation-references.ts";
import { resolveTeamsTarget, type TargetContext, type TeamsTarget } from "./resolve-teams-target.ts";
import { type SendActivity, type SendOptions, sendCard, updateCard } from "./send-card.ts";
import {
  looksLikeTeamsConversation,
  splitConversationId,
  teamsThreadLink,
  threadConversationId,
} from "./teams-conversation.ts";

/**
 * The engine's escalation destination for Teams when no channel id is configured in the core settings: it
 * stands for "the Teams escalation channel", resolved on every post (the channel where an admin typed
 * `escalations here`, else TEAMS_ESCALATION_CONVERSATION).
 */
export const teamsEscalationAlias = "teams-escalations";

export interface TeamsTransportDeps extends TargetContext {
  adapter: CloudAdapter;
  references: ConversationReferences;
  retry: RetryOptions;
  logger: Logger;
  clock: () => Date;
}

/**
 * Posts and updates cards in Teams conversations other than the one a turn came from (escalation
 * handoffs, status mirrored into the requester's thread), as proactive messages from stored references.
 */
export class TeamsTransport implements Transport {
  constructor(private readonly deps: TeamsTransportDeps) {}

  async post(to: ConversationRef, card: Card): Promise<{ messageId: string; permalink?: string }> {
    const target = await resolveTeamsTarget(to, this.deps);
    let messageId: string | undefined;
    if (target.isChannel && !target.threadId) {
      messageId = await this.newThread(target, card);
    } else {
      await this.continueIn(target, async (_, send) => {
        messageId = await sendCard(send, card, this.sendOptions());
      });
    }
    if (!messageId) throw new BotError("Teams accepted the message but returned no id for it.", "platform_error");
    const threadId = target.threadId ?? (target.isChannel ? messageId : undefined);
    // An alias does not say which channel; remember it, so updates and replies go to the same thread later.
    if (!looksLikeTeamsConversation(to.channelId) && threadId) {
      await this.deps.references.rememberThread(threadId, target.conversationId, this.deps.clock().toISOString());
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
    await this.continueIn(await resolveTeamsTarget(to, this.deps), async (ctx) => {
      if (!(await updateCard(ctx, messageId, card, this.sendOptions()))) {
        throw new BotError(`Teams did not let cpbot update message ${messageId}.`, "platform_error");
      }
    });
  }

  /**
   * Ids of everyone in the escalation channel's team (the Teams "29:" id and the Entra object id, since
   * cpbot names people by the latter), from the connector's paged roster.
   */
  async escalationRoster(): Promise<Set<string>> {
    const target = await resolveTeamsTarget({ platform: "teams", channelId: teamsEscalationAlias }, this.deps);
    const ids = new Set<string>();
    // continueIn hands a failure back to us rather than to the adapter's onTurnError.
    await this.continueIn({ ...target, threadId: undefined }, (ctx) =>
      this.readRoster(ctx, target.conversationId, ids),
    );
    return ids;
  }

  /** Every page of the roster; bounded, 50 pages of 500 is far beyond any support team. */
  private async readRoster(ctx: TurnContext, conversationId: string, ids: Set<string>): Promise<void> {
    const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
    let token: string | undefined;
    for (let page = 0; page < 50; page++) {
      const options = { pageSize: 500, ...(token ? { continuationToken: token } : {}) };
      const result = await withConnectorRetry(
        "read the escalation channel's roster",
        // The SDK's type wants a token even on the first page; the API does not.
        () =>
          client.conversations.getConversationPagedMembers(conversationId, {
            ...options,
            ...requestOptions(this.deps.retry),
          } as typeof options & { continuationToken: string }),
        this.deps.retry,
      );
      for (const member of result.members ?? []) {
        if (member.id) ids.add(member.id);
        const aad = (member as { aadObjectId?: string }).aadObjectId;
        if (aad) ids.add(aad);
      }
      token = result.continuationToken || undefined;
      if (!token) break;
    }
  }

  /** A new thread in a team channel: createConversation with the card as its first message. */
  private async newThread(target: TeamsTarget, card: Card): Promise<string | undefined> {
    const [first, ...rest] = cardActivities(card);
    let rootId: string | undefined;
    await this.continueIn(target, async (ctx) => {
      const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
      const create = (activity: Partial<Activity>) => {
        const parameters: ConversationParameters = {
          isGroup: true,
          bot: target.reference.bot ?? { id: `28:${this.deps.appId}`, name: "cpbot" },
          channelData: { channel: { id: target.conversationId } },
          activity: activity as Activity,
          ...(target.tenantId ? { tenantId: target.tenantId } : {}),
        };
        return withConnectorRetry(
          "create channel thread",
          () => client.conversations.createConversation(parameters, requestOptions(this.deps.retry)),
          this.deps.retry,
        );
      };
      let created: Awaited<ReturnType<typeof create>>;
      try {
        created = await create({ ...first });
      } catch (error) {
        if (!isMessageTooBig(error)) throw error;
        this.deps.logger.warn("Teams refused the handoff card as too big; posting it folded", { title: card.title });
        created = await create(singleCardActivity(foldedCard(card)));
        rest.length = 0;
      }
      // Teams returns the thread as "<channel>;messageid=<root>"; activityId is the same root id.
      rootId = created.activityId || splitConversationId(created.id ?? "").messageId;
    });
    if (rootId && rest.length > 0) {
      // A card too long for one message continues as replies in the thread it started.
      await this.continueIn({ ...target, threadId: rootId }, async (_, send) => {
        for (const activity of rest) {
          await withConnectorRetry("continue card", () => send({ ...activity }), this.deps.retry);
        }
      });
    }
    return rootId;
  }

  /**
   * Runs `logic` in a proactive turn on the target. Its `send` posts straight to the conversation:
   * ctx.sendActivity would send each message as a reply to the continuation activity's made-up id.
   */
  private async continueIn(
    target: TeamsTarget,
    logic: (ctx: TurnContext, send: SendActivity) => Promise<void>,
  ): Promise<void> {
    const id = target.isChannel ? threadConversationId(target.conversationId, target.threadId) : target.conversationId;
    const reference = {
      ...target.reference,
      conversation: { ...target.reference.conversation, id },
    } as ConversationReference;
    let failed: { error: unknown } | undefined;
    await this.deps.adapter.continueConversationAsync(this.deps.appId, reference, async (ctx) => {
      const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
      const send: SendActivity = (activity) => {
        const addressed = TurnContext.applyConversationReference({ ...activity }, reference) as Activity;
        return client.conversations.sendToConversation(id, addressed, requestOptions(this.deps.retry));
      };
      // Caught inside and thrown to the caller: an error leaving a proactive turn goes to onTurnError, which
      // posts an error card into the target conversation and swallows it, so the caller (the outbox, the
      // handoff retry) would count a failed post as done and never try again.
      try {
        await logic(ctx, send);
      } catch (error) {
        failed = { error };
      }
    });
    if (failed) throw failed.error;
  }

  private sendOptions(): SendOptions {
    return { retry: this.deps.retry, logger: this.deps.logger };
  }
}
