import type { Card } from "../../src/cards/card-schema.ts";
import { withoutDetails } from "../../src/cards/without-details.ts";
import {
  type AcAction,
  type AcElement,
  elementsOf,
  maxActionsPerSet,
  mentionEntities,
  submitAction,
} from "./adaptive-card-elements.ts";

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json";
  version: "1.5";
  body: AcElement[];
  actions?: AcAction[];
  /** Teams' own extension: the mention entities of `<at>…</at>` names in the body. */
  msteams?: { entities: Record<string, unknown>[] };
}

/** Teams rejects bot messages over 40 KB (UTF-16, 413 MessageSizeTooBig). */
export const teamsMaxBytes = 40 * 1024;
/** Room left for the activity envelope around the card (ids, conversation, attachment wrapper). */
const cardBudget = teamsMaxBytes - 4 * 1024;

export function checkAdaptiveCardSize(card: AdaptiveCard): { bytes: number; limit: number; ok: boolean } {
  const bytes = Buffer.byteLength(JSON.stringify(card), "utf16le");
  return { bytes, limit: teamsMaxBytes, ok: bytes <= teamsMaxBytes };
}

const shell = (body: AcElement[], actions?: AcAction[]): AdaptiveCard => ({
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.5",
  body,
  ...(actions && actions.length > 0 ? { actions } : {}),
});

const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf16le");

/** Body elements in order; a divider becomes a separator line on the element after it. */
function bodyOf(card: Card): { body: AcElement[]; actions?: AcAction[] } {
  const blocks = [...card.blocks];
  const last = blocks[blocks.length - 1];
  // Buttons at the very end go to the card's own action bar, as Teams users expect, when they fit one.
  const trailing = last?.type === "actions" && last.buttons.length <= maxActionsPerSet ? blocks.pop() : undefined;
  const body = elementsOf(blocks);
  if (trailing?.type === "actions") return { body, actions: trailing.buttons.map(submitAction) };
  return { body };
}

/**
 * Converts a neutral card into Adaptive Card 1.5 for Teams: usually one card; a card that would pass
 * Teams' 40 KB limit continues in further cards (split between elements, the buttons on the last).
 */
export function cardToAdaptiveCard(card: Card): AdaptiveCard[] {
  const { body, actions } = bodyOf(card);
  if (body.length === 0) body.push({ type: "TextBlock", text: card.title, wrap: true, weight: "Bolder" });
  const entities = mentionEntities(card.blocks);
  // Each part carries only the mentions whose <at>name</at> it shows, as Teams requires.
  const withMentions = (ac: AdaptiveCard): AdaptiveCard => {
    const json = JSON.stringify(ac.body);
    const own = entities.filter((e) => json.includes(String(e.text)));
    return own.length > 0 ? { ...ac, msteams: { entities: own } } : ac;
  };
  const whole = withMentions(shell(body, actions));
  if (bytesOf(whole) <= cardBudget) return [whole];
  // Folded content too big to travel inside the card is left to its button, which then asks the bot.
  const unfolded = withoutDetails(card);
  if (unfolded !== card) return cardToAdaptiveCard(unfolded);

  const parts: AcElement[][] = [[]];
  let size = bytesOf(shell([]));
  const reserve = bytesOf(actions ?? []) + 512; // the last card also carries the buttons and a "continued" line
  for (const element of body) {
    const current = parts[parts.length - 1] ?? [];
    const add = bytesOf(element) + 2;
    if (current.length > 0 && size + add > cardBudget - reserve) {
      parts.push([]);
      size = bytesOf(shell([]));
    }
    parts[parts.length - 1]?.push(element);
    size += add;
  }
  return parts.map((elements, i) => withMentions(partCard(elements, i)));

  function partCard(elements: AcElement[], i: number): AdaptiveCard {
    const items =
      i === 0
        ? elements
        : [
            {
              type: "TextBlock",
              text: `${card.title} (continued, ${i + 1}/${parts.length})`,
              wrap: true,
              isSubtle: true,
              size: "Small",
            },
            ...elements,
          ];
    return shell(items, i === parts.length - 1 ? actions : undefined);
  }
}
