import { type Activity, TurnContext } from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import type { Card } from "../../src/cards/card-schema.ts";
import type { Logger } from "../../src/core/logger.ts";
import { cardActivities, foldedCard, singleCardActivity } from "./card-activities.ts";
import { isMessageTooBig, type RetryOptions, requestOptions, statusOf, withConnectorRetry } from "./connector-retry.ts";

export interface SendOptions {
  retry: RetryOptions;
  logger: Logger;
}

/** Sends one activity somewhere and returns Teams' id for it. */
export type SendActivity = (activity: Partial<Activity>) => Promise<{ id?: string } | undefined>;

/**
 * Replies in the turn's own conversation (in the thread, when the turn came from one), as
 * ctx.sendActivity does (addressed from the turn, a reply to its activity) but with our timeout: the
 * connector client ctx.sendActivity uses has none.
 */
export const replyInTurn =
  (ctx: TurnContext, options: RetryOptions = {}): SendActivity =>
  (activity) => {
    const client = connectorOf(ctx);
    if (!client) return ctx.sendActivity(activity);
    const addressed = TurnContext.applyConversationReference(
      { ...activity },
      TurnContext.getConversationReference(ctx.activity),
    ) as Activity;
    const id = addressed.conversation.id;
    return addressed.replyToId
      ? client.conversations.replyToActivity(id, addressed.replyToId, addressed, requestOptions(options))
      : client.conversations.sendToConversation(id, addressed, requestOptions(options));
  };

/** The turn's connector client (absent in botbuilder's TestAdapter). */
export function connectorOf(ctx: TurnContext): ConnectorClient | undefined {
  return ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
}

/**
 * Posts a card with `send` and returns the id of its first message. A 413 MessageSizeTooBig sends the
 * folded card instead: fewer words, same buttons, so the person can still act.
 */
export async function sendCard(send: SendActivity, card: Card, options: SendOptions): Promise<string | undefined> {
  let firstId: string | undefined;
  for (const activity of cardActivities(card)) {
    try {
      const sent = await withConnectorRetry("send card", () => send({ ...activity }), options.retry);
      firstId ??= sent?.id;
    } catch (error) {
      if (!isMessageTooBig(error)) throw error;
      options.logger.warn("Teams refused a card as too big; sending it folded", { kind: card.kind, title: card.title });
      const folded = singleCardActivity(foldedCard(card));
      const sent = await withConnectorRetry("send folded card", () => send({ ...folded }), options.retry);
      return firstId ?? sent?.id;
    }
  }
  return firstId;
}

/**
 * Replaces the card on message `messageId` in place. Returns false when Teams will not update it (the
 * message is not ours, is gone, or the client does not support edits), so the caller can post instead.
 */
export async function updateCard(
  ctx: TurnContext,
  messageId: string,
  card: Card,
  options: SendOptions,
): Promise<boolean> {
  const update = (activity: ReturnType<typeof singleCardActivity>) =>
    withConnectorRetry(
      "update card",
      () => updateInTurn(ctx, { ...activity, id: messageId }, options.retry),
      options.retry,
    );
  try {
    await update(singleCardActivity(card));
    return true;
  } catch (error) {
    if (isMessageTooBig(error)) {
      try {
        await update(singleCardActivity(foldedCard(card)));
        return true;
      } catch (again) {
        options.logger.warn("Teams refused the folded card update too", { status: statusOf(again) });
        return false;
      }
    }
    const status = statusOf(error);
    // 400/403/404/405: Teams does not allow this edit; anything else (network, 5xx) is worth a log line too.
    options.logger.warn("could not update the card in place; posting it as a new message", { status, kind: card.kind });
    return false;
  }
}

/** ctx.updateActivity with our timeout (see replyInTurn). */
function updateInTurn(ctx: TurnContext, activity: Partial<Activity> & { id: string }, options: RetryOptions) {
  const client = connectorOf(ctx);
  if (!client) return ctx.updateActivity(activity);
  const addressed = TurnContext.applyConversationReference(
    { ...activity },
    TurnContext.getConversationReference(ctx.activity),
  ) as Activity;
  return client.conversations.updateActivity(
    addressed.conversation.id,
    activity.id,
    addressed,
    requestOptions(options),
  );
}
