import { type Activity, ActivityTypes, TurnContext } from "botbuilder";
import type { Card } from "../../src/cards/card-schema.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import type { Deliverer, OutboxDispatcher } from "../../src/delivery/outbox-dispatcher.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import { queueReply } from "../../src/engine/queue-reply.ts";
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
import { deliverTeamsReply, type TeamsReplyTarget } from "./teams-delivery.ts";

export interface TeamsTurnDeps {
  engine: Engine;
  store: Store;
  references: ConversationReferences;
  config: TeamsConfig;
  logger: Logger;
  retry: RetryOptions;
  clock: () => Date;
  /** The durable outbox; without it replies are sent once, in the turn. */
  outbox?: OutboxDispatcher;
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

    const replyTo: TeamsReplyTarget = {
      reference: TurnContext.getConversationReference(activity),
      ...(activity.replyToId ? { replyToId: activity.replyToId } : {}),
    };
    if (event.kind === "message" && isEscalationsHereRequest(event.text)) {
      let changed = false;
      await answerOnce(ctx, event.eventId, at, replyTo, async (tx) => {
        const result = await escalationsHere({
          event,
          activity,
          ...(conversationType ? { conversationType } : {}),
          config: deps.config,
          references: deps.references.in(tx),
          at,
        });
        changed = result.changed;
        return result.card;
      });
      // Handoffs stored while no channel was set (or the old one failed) go out now, to the new place.
      if (changed) await deps.engine.retryPendingDeliveries();
      return;
    }
    if (event.kind === "message" && isStationMessageFormRequest(event.text)) {
      await answerOnce(ctx, event.eventId, at, replyTo, async () => stationMessageForm());
      return;
    }

    const decided = await deps.engine.handle(event, { replyTo });
    const reply = event.kind === "action" ? stationMessageFormReply(event, decided) : decided;
    if (reply.duplicate || reply.cards.length === 0) return;
    if (!reply.delivery || !deps.outbox) {
      // Not stored by the engine (the rate-limit notice, an error card): queued here, so a failed send is
      // retried; sent once, directly, only when it cannot be stored either (the database is down).
      const row = await deps.outbox?.queue("teams", replyTo, reply).catch((error: unknown) => {
        deps.logger.warn("could not queue a reply (database down?); sending it once, directly", { error });
        return undefined;
      });
      if (row && deps.outbox) await deps.outbox.deliver(row, inTurn(ctx, replyTo));
      else await deliverReply(ctx, reply, send);
      return;
    }
    if (reply !== decided) await deps.outbox.amend(reply.delivery.id, reply);
    const { delivery, ...stored } = reply;
    // First in this turn (a reply to the message, as Teams expects); a failure is retried by the outbox
    // later as a proactive message, on this replica or another.
    const row = { id: delivery.id, platform: "teams" as const, target: replyTo, reply: stored, progress: 0 };
    await deps.outbox.deliver({ ...row, createdAt: delivery.createdAt }, inTurn(ctx, replyTo));
  };

  /** Delivers in the live turn (a reply to the message, as Teams expects); a retry is a proactive message. */
  function inTurn(ctx: TurnContext, replyTo: TeamsReplyTarget): Deliverer {
    return {
      deliver: (_: unknown, r: EngineReply, from: number) =>
        deliverTeamsReply(ctx, replyInTurn(ctx, deps.retry), r, replyTo.replyToId, from, send),
    };
  }

  /**
   * A Teams-only answer (`escalations here`, the `msg` form, the greeting), decided here rather than by the
   * engine: the event id is claimed and the card queued in one transaction (`decide` reads and writes
   * through the transaction it is given), then delivered like any reply, so a failed send is retried by
   * the outbox.
   */
  async function answerOnce(
    ctx: TurnContext,
    eventId: string,
    at: string,
    replyTo: TeamsReplyTarget,
    decide: (store: Store) => Promise<Card>,
  ): Promise<void> {
    const outbox = deps.outbox;
    if (!outbox) {
      if (!(await deps.store.claimEvent(eventId, at))) return;
      await sendCard(replyInTurn(ctx, deps.retry), await decide(deps.store), send);
      return;
    }
    const reply = { cards: [] as Card[], mode: "new" as const, visibility: "in_channel" as const };
    const queued = await deps.store.transaction(async (tx) => {
      if (!(await tx.claimEvent(eventId, at))) return undefined;
      reply.cards = [await decide(tx)];
      const event = { eventId, conversation: { platform: "teams" as const } };
      return queueReply(tx, outbox, event, replyTo, reply, deps.clock().toISOString());
    });
    if (!queued) return;
    const row = { id: queued.id, platform: "teams" as const, target: replyTo, reply, progress: 0 };
    await outbox.deliver({ ...row, createdAt: queued.createdAt }, inTurn(ctx, replyTo));
  }

  /** Installed in a team, a chat or personally: say hello once, with how to ask. */
  async function greet(ctx: TurnContext, at: string): Promise<void> {
    const activity: Activity = ctx.activity;
    const added = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
    if (!added) return;
    await deps.references.remember(activity, at);
    const card = infoCard("Hi, I am cpbot", [
      "I walk you through ChargePoint Cloud Dashboard troubleshooting, step by step, from the support guide.",
      "Ask in your own words (mention me in a channel), e.g. **relay stuck closed**, or type **fault 303-RSC**, **list** or **help**.",
      "Type **msg** for the station message form.",
    ]);
    const replyTo: TeamsReplyTarget = { reference: TurnContext.getConversationReference(activity) };
    await answerOnce(
      ctx,
      `teams:${activity.conversation.id}:install:${activity.id ?? at}`,
      at,
      replyTo,
      async () => card,
    );
  }
}
