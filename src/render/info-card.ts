import type { Button, Card } from "../cards/card-schema.ts";
import { actions, header, oneLine, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

/** A plain notice: a title and a few lines (confirmations, "walkthrough cancelled", …). */
export function infoCard(title: string, lines: string[], buttons: Button[] = []): Card {
  return renderCard("info", {
    title: oneLine(title),
    header: header(title),
    lines: lines.map((line) => text(line)),
    actions: actions(buttons),
  });
}
