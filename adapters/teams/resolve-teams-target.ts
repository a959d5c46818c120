import type { ConversationReference } from "botbuilder";
import { BotError } from "../../src/core/bot-error.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { ConversationReferences } from "./conversation-references.ts";
import { looksLikeTeamsChannel, looksLikeTeamsConversation, splitConversationId } from "./teams-conversation.ts";

/** A Teams conversation to post into, with what a proactive message needs to get there. */
export interface TeamsTarget {
  /** Channel or chat id, without ;messageid=. */
  conversationId: string;
  /** Root message of a channel thread; never set for chats (they have no threads). */
  threadId?: string;
  isChannel: boolean;
  reference: Partial<ConversationReference>;
  tenantId?: string;
  groupId?: string;
}

export interface TargetContext {
  references: ConversationReferences;
  escalationChannel: () => Promise<string | undefined>;
  appId: string;
  serviceUrl: string;
  tenantId?: string;
}

/**
 * Where a neutral ConversationRef is in Teams. A channel id the engine got from configuration may be an
 * alias (or another platform's id, when one CPBOT_ESCALATION_DESTINATION serves Slack and Teams): it means
 * the Teams escalation channel, or for a thread started there, the channel that thread was started in.
 */
export async function resolveTeamsTarget(to: ConversationRef, context: TargetContext): Promise<TeamsTarget> {
  if (to.platform !== "teams") {
    throw new BotError(`The Teams transport cannot post to a ${to.platform} conversation.`, "platform_error");
  }
  let conversationId = to.channelId;
  if (!looksLikeTeamsConversation(conversationId)) {
    const known = to.threadId ? await context.references.threadChannel(to.threadId) : undefined;
    const channel = known ?? (await context.escalationChannel());
    if (!channel) {
      throw new BotError(
        "No Teams escalation channel is set, so the handoff cannot be posted yet (it is stored and will be posted once one is set). Type `escalations here` in the support channel as an admin, or set TEAMS_ESCALATION_CONVERSATION to its channel id.",
        "config_invalid",
      );
    }
    conversationId = channel;
  }
  const base = splitConversationId(conversationId).base;
  const stored = await context.references.get(base);
  const latest = await context.references.latest();
  const isChannel = stored ? stored.conversationType === "channel" : looksLikeTeamsChannel(base);
  const tenantId = stored?.tenantId ?? context.tenantId ?? latest?.tenantId;
  const bot = stored?.bot ?? latest?.bot ?? { id: `28:${context.appId}` };
  const conversation = {
    id: base,
    isGroup: isChannel || stored?.conversationType === "groupChat",
    ...(isChannel ? { conversationType: "channel" } : {}),
    ...(tenantId ? { tenantId } : {}),
  } as ConversationReference["conversation"];
  return {
    conversationId: base,
    ...(to.threadId && isChannel ? { threadId: to.threadId } : {}),
    isChannel,
    reference: {
      channelId: stored?.channel ?? latest?.channel ?? "msteams",
      serviceUrl: stored?.serviceUrl ?? latest?.serviceUrl ?? context.serviceUrl,
      bot: { id: bot.id, name: bot.name ?? "cpbot" },
      conversation,
    },
    ...(tenantId ? { tenantId } : {}),
    ...(stored?.groupId ? { groupId: stored.groupId } : {}),
  };
}
