import type { Activity, TurnContext } from "botbuilder";
import type { Card } from "../../src/cards/card-schema.ts";
import type { Logger } from "../../src/core/logger.ts";
import { cardActivities, foldedCard, singleCardActivity } from "./card-activities.ts";
import { isMessageTooBig, type RetryOptions, statusOf, withConnectorRetry } from "./connector-retry.ts";

export interface SendOptions {
  retry: RetryOptions;
  logger: Logger;
}

/** Sends one activity somewhere and returns Teams' id for it. */
export type SendActivity = (activity: Partial<Activity>) => Promise<{ id?: string } | undefined>;

/** Replies in the turn's own conversation (in the thread, when the turn came from one). */
export const replyInTurn =
  (ctx: TurnContext): SendActivity =>
  (activity) =>
    ctx.sendActivity(activity);

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
    withConnectorRetry("update card", () => ctx.updateActivity({ ...activity, id: messageId }), options.retry);
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
