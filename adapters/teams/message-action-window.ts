import type { Card, CardBlock } from "../../src/cards/card-schema.ts";
import { foldedCard } from "./card-activities.ts";
import { type AdaptiveCard, cardToAdaptiveCard } from "./card-to-adaptive-card.ts";

/** Said first in the window, so the person knows why the answer is here and who sees it. */
export const windowNote = "I cannot post in this conversation (I am not part of it), so only you see this answer.";

/**
 * Teams' deep link to a chat with the bot, the question already in the compose box (learn.microsoft.com
 * "Deep link to Teams chat": `users=28:<botId>`, `message=<text>`, used as an Action.OpenUrl target).
 */
export function chatWithBotLink(botId: string, message: string): string {
  const url = new URL("https://teams.microsoft.com/l/chat/0/0");
  url.searchParams.set("users", botId.startsWith("28:") ? botId : `28:${botId}`);
  // A long paste would make an unwieldy link; the start of it is enough to pick the topic up again.
  url.searchParams.set("message", message.length > 500 ? message.slice(0, 500) : message);
  return url.toString();
}

/**
 * Only the buttons that work without cpbot: a press inside the window would submit the window, not reach
 * the conversation the card belongs to. Folding the steps open is done by Teams itself, so it stays.
 */
function localButtonsOnly(blocks: readonly CardBlock[]): CardBlock[] {
  return blocks.flatMap((b): CardBlock[] => {
    if (b.type !== "actions") return [b];
    const local = b.buttons.filter((x) => x.toggles);
    return local.length > 0 ? [{ ...b, buttons: local }] : [];
  });
}

/** Every card of the answer in one, in order, a divider between them, under the note saying why. */
function wholeAnswer(cards: readonly Card[], hint: string, fold: boolean): Card {
  const blocks: CardBlock[] = [{ type: "context", text: windowNote }];
  cards.forEach((card, i) => {
    if (i > 0) blocks.push({ type: "divider" });
    blocks.push(...localButtonsOnly((fold ? foldedCard(card, "Shortened to fit the window.") : card).blocks));
  });
  blocks.push({ type: "context", text: hint });
  return { kind: cards[0]?.kind ?? "info", title: cards[0]?.title ?? "cpbot", blocks };
}

/**
 * The message action's window when cpbot may not post the answer in the conversation: the whole answer
 * (every card, not only the first) as one Adaptive Card, since a dialog shows exactly one. When it would
 * pass the 40 KB a Teams bot message may carry (the same bound is kept here), each card is folded to its
 * title and first lines. Either way the window ends with a way to go on in a chat with cpbot, where the
 * walkthrough, "Did this help?" and Escalate work.
 */
export function messageActionWindow(cards: readonly Card[], question: string, botId?: string): AdaptiveCard {
  const hint = botId
    ? "To start the walkthrough, say whether it helped, or escalate, continue in a chat with cpbot (the button below); your question is filled in."
    : `To start the walkthrough or escalate, mention @cpbot in a conversation it is part of with: ${question.slice(0, 200)}`;
  const [whole, ...more] = cardToAdaptiveCard(wholeAnswer(cards, hint, false));
  const [folded] = cardToAdaptiveCard(wholeAnswer(cards, hint, true));
  const card = whole && more.length === 0 ? whole : (folded ?? cardToAdaptiveCard(wholeAnswer([], hint, true))[0]);
  const base = card as AdaptiveCard;
  if (!botId) return base;
  const open = {
    type: "Action.OpenUrl" as const,
    title: "Continue in a chat with cpbot",
    url: chatWithBotLink(botId, question),
  };
  return { ...base, actions: [...(base.actions ?? []), open] };
}
