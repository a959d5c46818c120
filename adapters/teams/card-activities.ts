import { type Activity, ActivityTypes, CardFactory } from "botbuilder";
import type { Card, CardBlock } from "../../src/cards/card-schema.ts";
import { type AdaptiveCard, cardToAdaptiveCard } from "./card-to-adaptive-card.ts";

/** One Teams message carrying one Adaptive Card; `summary` is what notifications and screen readers show. */
export function cardActivity(card: AdaptiveCard, title: string): Partial<Activity> {
  return { type: ActivityTypes.Message, summary: title, attachments: [CardFactory.adaptiveCard(card)] };
}

/** Every message a neutral card becomes: usually one, more when it would pass Teams' 40 KB limit. */
export function cardActivities(card: Card): Partial<Activity>[] {
  return cardToAdaptiveCard(card).map((ac) => cardActivity(ac, card.title));
}

/**
 * The card shortened to what a person needs to act on it: title, the first lines, and every button. Sent
 * when Teams refuses the full card as too big (413), or when one message must hold the whole card (an
 * in-place update cannot grow into several messages).
 */
export function foldedCard(card: Card, note = "Shortened to fit Teams' message size limit."): Card {
  const texts = card.blocks.filter(
    (b): b is Extract<CardBlock, { type: "text" | "header" }> => (b.type === "text" || b.type === "header") && !!b.text,
  );
  const buttons = card.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
  const header = texts.find((b) => b.type === "header");
  const lead = texts.filter((b) => b.type === "text").slice(0, 2);
  const shorten = (text: string) => (text.length > 1500 ? `${text.slice(0, 1500)}…` : text);
  return {
    kind: card.kind,
    title: card.title,
    blocks: [
      { type: "header", text: header?.text ?? card.title },
      ...lead.map((b) => ({ ...b, text: shorten(b.text) })),
      { type: "context", text: note },
      ...(buttons.length > 0 ? [{ type: "actions" as const, buttons: buttons.slice(0, 10) }] : []),
    ],
  };
}

/** Exactly one message for the card: the card itself when it fits one, else its folded form. */
export function singleCardActivity(card: Card): Partial<Activity> {
  const [first, ...rest] = cardToAdaptiveCard(card);
  if (first && rest.length === 0) return cardActivity(first, card.title);
  const [folded] = cardToAdaptiveCard(foldedCard(card));
  return cardActivity(folded ?? plainCard(card.title), card.title);
}

/** A last-resort card with only a line of text. */
export function plainCard(text: string): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [{ type: "TextBlock", text, wrap: true }],
  };
}
