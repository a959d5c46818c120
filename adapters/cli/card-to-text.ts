import type { Button, Card, CardBlock } from "../../src/cards/card-schema.ts";

/**
 * A card as plain text, for the terminal and for notification fallbacks. Buttons are numbered
 * ("[1] Start walkthrough") and returned in that order, so a terminal adapter maps a typed number to
 * the button's action and value.
 */

type StepItem = Extract<CardBlock, { type: "steps" }>["items"][number];

/** Card markup → plain text: **bold** markers dropped, `code` kept (it reads fine in a terminal). */
export function plain(raw: string): string {
  return raw.replace(/\*\*(\S(?:[^*]*?\S)?)\*\*/g, "$1");
}

const stylePrefix = { normal: "", warning: "⚠️  ", error: "❌ ", success: "✅ ", muted: "" } as const;
const statusPrefix = { todo: "", current: "▶ ", done: "✓ ", skipped: "↷ " } as const;
const indent = (text: string, pad: string) => text.replace(/\n/g, `\n${pad}`);

function stepLines(item: StepItem): string[] {
  const pad = " ".repeat(item.label.length + 4);
  const lines = [`  ${item.status ? statusPrefix[item.status] : ""}${item.label}. ${indent(plain(item.text), pad)}`];
  item.substeps?.forEach((s, i) => {
    lines.push(`${pad}${String.fromCharCode(97 + (i % 26))}. ${indent(plain(s), `${pad}   `)}`);
  });
  for (const note of item.notes ?? []) lines.push(`${pad}Note: ${indent(plain(note), pad)}`);
  for (const warning of item.warnings ?? []) lines.push(`${pad}⚠️  ${indent(plain(warning), pad)}`);
  return lines;
}

/** Columns padded to line up while the table fits a 120-column terminal; otherwise one "column: value" line per cell. */
function tableLines(block: Extract<CardBlock, { type: "table" }>): string[] {
  const rows = [block.columns, ...block.rows].map((r) => block.columns.map((_, i) => plain(r[i] ?? "")));
  const widths = block.columns.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const title = block.title ? [plain(block.title)] : [];
  const oneLine = rows.every((r) => r.every((c) => !c.includes("\n")));
  if (oneLine && widths.reduce((a, b) => a + b + 3, 0) <= 120) {
    const line = (r: string[]) => `  ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(" | ")}`.trimEnd();
    const [head = [], ...body] = rows;
    return [...title, line(head), `  ${widths.map((w) => "-".repeat(w)).join("-+-")}`, ...body.map(line)];
  }
  return [
    ...title,
    ...block.rows.flatMap((r, n) => [
      ...(n > 0 ? [""] : []),
      ...block.columns.map((c, i) => `  ${plain(c)}: ${indent(plain(r[i] ?? ""), "    ")}`),
    ]),
  ];
}

/**
 * Walkthrough buttons keep one number on every step card, so a hand that learnt "2 is Skip" is never
 * surprised by Back taking its place. Other buttons (Submit, a choice's options) follow from 5 on.
 */
const stepSlots: Record<string, number> = { "walk.done": 1, "walk.skip": 2, "walk.back": 3, escalate: 4 };

/** The number shown for each button, in card order: stable slots on a step card, 1, 2, 3… elsewhere. */
function numbersFor(card: Card): number[] {
  const all = card.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
  if (card.kind !== "step") return all.map((_, i) => i + 1);
  let next = Math.max(...Object.values(stepSlots)) + 1;
  return all.map((b) => stepSlots[b.action] ?? next++);
}

function blockLines(block: CardBlock, buttons: Button[], numbers: number[] = []): string[] {
  switch (block.type) {
    case "header":
      return [plain(block.text), "=".repeat(Math.min(plain(block.text).length, 60))];
    case "text":
      return [`${stylePrefix[block.style ?? "normal"]}${plain(block.text)}`];
    case "context":
      return [plain(block.text)];
    case "people":
      return [
        `${plain(block.label)}: ${[...block.people.map((p) => p.name ?? p.id), ...(block.everyone ? ["everyone here"] : [])].join(", ")}`,
      ];
    case "fields": {
      const width = Math.min(Math.max(...block.fields.map((f) => f.label.length)), 32);
      return block.fields.map(
        (f) => `${`${plain(f.label)}:`.padEnd(width + 1)} ${indent(plain(f.value), " ".repeat(width + 2))}`,
      );
    }
    case "list":
      return [
        ...(block.title ? [`${plain(block.title)}:`] : []),
        ...block.items.map((i) => `  • ${indent(plain(i), "    ")}`),
      ];
    case "table":
      return tableLines(block);
    case "steps":
      return [...(block.title ? [`${plain(block.title)}:`] : []), ...block.items.flatMap(stepLines)];
    case "input":
      return [
        ...(block.error ? [`❌ ${plain(block.error)}`] : []),
        `✎ ${plain(block.label)}${block.placeholder ? ` (${plain(block.placeholder)})` : ""}`,
      ];
    case "actions":
      return block.buttons.map((b) => {
        buttons.push(b);
        return `[${numbers[buttons.length - 1] ?? buttons.length}] ${plain(b.label)}`;
      });
    case "divider":
      return ["—".repeat(40)];
    case "details":
      // The terminal cannot fold; the button that toggles this block fetches it as its own card.
      return [];
  }
}

export interface CardText {
  text: string;
  /** The card's buttons in card order. */
  buttons: Button[];
  /** The number shown for each button (`numbers[i]` is the "[n]" of `buttons[i]`). */
  numbers: number[];
}

/** The button a typed number presses, if the card shows that number. */
export function buttonNumbered(text: Pick<CardText, "buttons" | "numbers">, n: number): Button | undefined {
  const i = text.numbers.indexOf(n);
  return i >= 0 ? text.buttons[i] : undefined;
}

/** `withButtons: false` leaves the numbered buttons out, for a notification fallback. */
export function cardToText(card: Card, options: { withButtons?: boolean } = {}): CardText {
  const buttons: Button[] = [];
  const numbers = numbersFor(card);
  const parts: string[] = [];
  for (const block of card.blocks) {
    const lines = blockLines(block, buttons, numbers);
    if (block.type === "actions" && options.withButtons === false) continue;
    if (lines.length === 0) continue;
    parts.push(lines.join("\n"));
  }
  const hasHeader = card.blocks.some((b) => b.type === "header");
  // A card without a header still opens with its title, so the text says what it is about.
  const text = [...(hasHeader ? [] : [plain(card.title)]), ...parts].join("\n\n");
  return { text, buttons, numbers };
}
