import type { Card, CardKind } from "../cards/card-schema.ts";

/** A button as a conversation sees it: its label, and what the driver needs to press it. */
export interface ShownButton {
  label: string;
  handle: unknown;
}

/**
 * A card as the person saw it, in whatever form the driver delivered it (the neutral card, Block Kit,
 * an Adaptive Card): one flat text to search, and the buttons. `kind` is known only to the engine driver.
 */
export interface Shown {
  kind?: CardKind;
  title: string;
  text: string;
  buttons: ShownButton[];
}

/**
 * Every string a person reads on a neutral card, one line each, buttons left out, without the two marks
 * (**bold**, `code`) so a check names guide text as the guide writes it.
 */
export function cardPlainText(card: Card): string {
  const lines: string[] = [card.title];
  for (const b of card.blocks) {
    switch (b.type) {
      case "header":
      case "text":
      case "context":
        lines.push(b.text);
        break;
      case "fields":
        for (const f of b.fields) lines.push(`${f.label}: ${f.value}`);
        break;
      case "people":
        lines.push(`${b.label}: ${b.people.map((p) => p.name ?? p.id).join(", ")}`);
        break;
      case "list":
        if (b.title) lines.push(b.title);
        lines.push(...b.items);
        break;
      case "table":
        if (b.title) lines.push(b.title);
        lines.push(b.columns.join(" | "), ...b.rows.map((r) => r.join(" | ")));
        break;
      case "steps":
        if (b.title) lines.push(b.title);
        for (const s of b.items)
          lines.push(`${s.label}. ${s.text}`, ...(s.substeps ?? []), ...(s.notes ?? []), ...(s.warnings ?? []));
        break;
      case "input":
        lines.push(b.label, ...(b.placeholder ? [b.placeholder] : []), ...(b.error ? [b.error] : []));
        break;
      case "actions":
      case "divider":
        break;
    }
  }
  return lines.join("\n").replace(/\*\*|`/g, "");
}
