import { type Activity, type CloudAdapter, type ConversationReference, TurnContext } from "botbuilder";
import type { ConnectorClient } from "botframework-connector";
import type { EngineReply } from "../../src/core/transport.ts";
import { DeliveryError } from "../../src/delivery/delivery-error.ts";
import type { Deliverer } from "../../src/delivery/outbox-dispatcher.ts";
import { requestOptions, retryAfterMs, statusOf } from "./connector-retry.ts";
import { type SendActivity, type SendOptions, sendCard, updateCard } from "./send-card.ts";

/** Where a Teams answer goes, stored with the reply: the turn's conversation and the card a button was on. */
export interface TeamsReplyTarget {
  reference: Partial<ConversationReference>;
  /** The message whose card a "replace" answer edits (Teams reports it as the submit's replyToId). */
  replyToId?: string;
}

/**
 * Sends a reply's cards from number `from` on with `send`; the first one replaces the card a button was on
 * when the reply says so (and Teams allows the edit). A failure counts the cards already sent.
 */
export async function deliverTeamsReply(
  ctx: TurnContext,
  send: SendActivity,
  reply: EngineReply,
  replyToId: string | undefined,
  from: number,
  options: SendOptions,
): Promise<void> {
  let done = from;
  try {
    for (const [i, card] of reply.cards.entries()) {
      if (i < from) continue;
      const replaced =
        i === 0 && reply.mode === "replace" && replyToId && (await updateCard(ctx, replyToId, card, options));
      if (!replaced) await sendCard(send, card, options);
      done++;
    }
  } catch (error) {
    throw teamsDeliveryError(error, done);
  }
}

/** Teams' 429 after its Retry-After, 5xx/412/timeouts with backoff; other 4xx (not allowed, gone) are final. */
export function teamsDeliveryError(error: unknown, done: number): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const status = statusOf(error);
  const after = retryAfterMs(error);
  const permanent = status !== undefined && status < 500 && ![408, 412, 429].includes(status);
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(`Teams: ${status ?? "no answer"} ${message}`.trim(), {
    done,
    permanent,
    ...(after !== undefined ? { retryAfterMs: after } : {}),
    cause: error,
  });
}

/**
 * Teams' half of the outbox: a stored reply goes out as a proactive message to the stored conversation
 * (the turn that decided it may be long gone: a restart, another replica).
 */
export function teamsDeliverer(adapter: CloudAdapter, appId: string, options: SendOptions): Deliverer {
  return {
    async deliver(target, reply, from) {
      const { reference, replyToId } = target as TeamsReplyTarget;
      const id = reference.conversation?.id ?? "";
      let failed: { error: unknown } | undefined;
      await adapter.continueConversationAsync(appId, reference as ConversationReference, async (ctx) => {
        const client = ctx.turnState.get<ConnectorClient>(ctx.adapter.ConnectorClientKey);
        const send: SendActivity = (activity) => {
          const addressed = TurnContext.applyConversationReference({ ...activity }, reference) as Activity;
          return client.conversations.sendToConversation(id, addressed, requestOptions(options.retry));
        };
        // Caught inside: an error thrown out of a proactive turn goes to onTurnError, which would post an
        // error card into the conversation instead of letting the outbox retry.
        try {
          await deliverTeamsReply(ctx, send, reply, replyToId, from, options);
        } catch (error) {
          failed = { error };
        }
      });
      if (failed) throw teamsDeliveryError(failed.error, from);
    },
  };
}
