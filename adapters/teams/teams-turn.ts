import { type Activity, ActivityTypes, type TurnContext } from "botbuilder";
import type { Logger } from "../../src/core/logger.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import { infoCard } from "../../src/render/info-card.ts";
import type { Store } from "../../src/store/store.ts";
import { activityToBotEvent } from "./activity-to-bot-event.ts";
import type { RetryOptions } from "./connector-retry.ts";
import type { ConversationReferences } from "./conversation-references.ts";
import { deliverReply } from "./deliver-reply.ts";
import { escalationsHere, isEscalationsHereRequest } from "./escalations-here.ts";
import { isThreadFollowUp } from "./is-thread-follow-up.ts";
import { answerMessageExtension, isMessageExtensionInvoke } from "./message-extension.ts";
import { replyInTurn, sendCard } from "./send-card.ts";
import { isStationMessageFormRequest, stationMessageForm, stationMessageFormReply } from "./station-message-form.ts";
import type { TeamsConfig } from "./teams-config.ts";

export interface TeamsTurnDeps {
  engine: Engine;
  store: Store;
  references: ConversationReferences;
  config: TeamsConfig;
  logger: Logger;
  retry: RetryOptions;
  clock: () => Date;
}

/**
 * One authenticated Teams activity: translate, decide whether it is for us, let the engine answer, deliver.
 * The handful of Teams-only words (`escalations here`, the `msg` form) are answered here.
 */
export function createTeamsTurn(deps: TeamsTurnDeps): (ctx: TurnContext) => Promise<void> {
  const send = { retry: deps.retry, logger: deps.logger };

  return async (ctx) => {
    const activity = ctx.activity;
    const at = deps.clock().toISOString();
    if (activity.type === ActivityTypes.ConversationUpdate) return greet(ctx, at);
    if (isMessageExtensionInvoke(activity)) return answerMessageExtension(ctx, deps.engine, send);

    const translated = activityToBotEvent(activity);
    if (translated.kind === "ignore") {
      deps.logger.debug("Teams activity ignored", { reason: translated.reason, type: activity.type });
      return;
    }
    const { event, mentioned, conversationType } = translated;

    // In channels and group chats people talk to each other; with RSC Teams sends us every message. A
    // message is ours when it mentions us, or (in a channel) answers what our thread is waiting for.
    if (event.kind === "message" && !mentioned && conversationType !== "personal" && activity.channelId === "msteams") {
      const ours = conversationType === "channel" && (await isThreadFollowUp(deps.store, event.conversation));
      if (!ours) return;
    }
    // Kept for proactive posts later (status mirrored into this thread, handoffs to this channel).
    await deps.references.remember(activity, at);

    if (event.kind === "message" && isEscalationsHereRequest(event.text)) {
      if (!(await deps.store.claimEvent(event.eventId, at))) return;
      const result = await escalationsHere({
        event,
        activity,
        ...(conversationType ? { conversationType } : {}),
        config: deps.config,
        references: deps.references,
        at,
      });
      await sendCard(replyInTurn(ctx), result.card, send);
      // Handoffs stored while no channel was set (or the old one failed) go out now, to the new place.
      if (result.changed) await deps.engine.retryPendingDeliveries();
      return;
    }
    if (event.kind === "message" && isStationMessageFormRequest(event.text)) {
      if (!(await deps.store.claimEvent(event.eventId, at))) return;
      await sendCard(replyInTurn(ctx), stationMessageForm(), send);
      return;
    }

    let reply = await deps.engine.handle(event);
    if (event.kind === "action") reply = stationMessageFormReply(event, reply);
    await deliverReply(ctx, reply, send);
  };

  /** Installed in a team, a chat or personally: say hello once, with how to ask. */
  async function greet(ctx: TurnContext, at: string): Promise<void> {
    const activity: Activity = ctx.activity;
    const added = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
    if (!added) return;
    await deps.references.remember(activity, at);
    if (!(await deps.store.claimEvent(`teams:${activity.conversation.id}:install:${activity.id ?? at}`, at))) return;
    const card = infoCard("Hi, I am cpbot", [
      "I walk you through ChargePoint Cloud Dashboard troubleshooting, step by step, from the support guide.",
      "Ask in your own words (mention me in a channel), e.g. **relay stuck closed**, or type **fault 303-RSC**, **list** or **help**.",
      "Type **msg** for the station message form.",
    ]);
    await sendCard(replyInTurn(ctx), card, send);
  }
}
