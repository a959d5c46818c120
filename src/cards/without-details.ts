import type { Button, Card, CardBlock } from "./card-schema.ts";

/**
 * The card as a platform that cannot fold content shows it: `details` blocks left out and the buttons
 * that would toggle them turned into ordinary actions (the engine answers those with the same content).
 * Returns the card itself when it has nothing folded, so callers can tell whether anything changed.
 */
export function withoutDetails(card: Card): Card {
  const folded = card.blocks.some(
    (b) => b.type === "details" || (b.type === "actions" && b.buttons.some((x) => x.toggles)),
  );
  if (!folded) return card;
  const plainButton = ({ toggles: _toggles, ...rest }: Button): Button => rest;
  return {
    ...card,
    blocks: card.blocks.flatMap((b): CardBlock[] => {
      if (b.type === "details") return [];
      if (b.type === "actions") return [{ ...b, buttons: b.buttons.map(plainButton) }];
      return [b];
    }),
  };
}
