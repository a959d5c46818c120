import type { TurnContext } from "botbuilder";
import type { EngineReply } from "../../src/core/transport.ts";
import { replyInTurn, type SendOptions, sendCard, updateCard } from "./send-card.ts";

/**
 * Delivers the engine's answer in the turn's own conversation. "replace" (walkthrough navigation, a
 * form submit) edits the card the button was on, which Teams reports as the submit's replyToId; when
 * Teams refuses the edit the card is posted as a new message so nothing is lost. Teams has no
 * ephemeral messages for bots, so `visibility` does not apply here.
 */
export async function deliverReply(ctx: TurnContext, reply: EngineReply, options: SendOptions): Promise<void> {
  if (reply.duplicate) return;
  let cards = reply.cards;
  const target = ctx.activity.replyToId;
  const [first] = cards;
  if (reply.mode === "replace" && target && first && (await updateCard(ctx, target, first, options))) {
    cards = cards.slice(1);
  }
  for (const card of cards) await sendCard(replyInTurn(ctx, options.retry), card, options);
}
