import type { Button, CardBlock } from "../../src/cards/card-schema.ts";
import { splitText } from "../../src/render/split-text.ts";

/**
 * Card blocks → Adaptive Card 1.5 elements. Plain JSON objects typed loosely on purpose: the official
 * schema (test/fixtures/adaptive-card-1.5.json) is what the tests hold them to.
 */

export type AcElement = Record<string, unknown> & { type: string };
export type AcAction =
  | { type: "Action.Submit"; title: string; data: { action: string; value?: string }; style?: string }
  /** Shows or hides a folded `details` container in place; Teams handles it without calling the bot. */
  | { type: "Action.ToggleVisibility"; title: string; targetElements: string[] }
  /** Opens a link (a Teams deep link included); the bot is not called. */
  | { type: "Action.OpenUrl"; title: string; url: string };

/** Teams shows at most a handful of actions per set; more are grouped into further sets. */
export const maxActionsPerSet = 5;
/** Keeps any single element well under the card budget, so a huge text can still be split across cards. */
const maxTextChars = 8000;

type StepItem = Extract<CardBlock, { type: "steps" }>["items"][number];

/**
 * Card text → what Teams renders. Adaptive Card markdown has no inline code, so `303-RSC` would show its
 * backticks literally; the code is kept as plain text (a fault code reads fine without them).
 */
export const teamsText = (raw: string): string => raw.replace(/`([^`\n]+)`/g, "$1");

const textBlocks = (text: string, props: Record<string, unknown> = {}): AcElement[] =>
  splitText(teamsText(text), maxTextChars).map((chunk) => ({ type: "TextBlock", text: chunk, wrap: true, ...props }));
const orDash = (raw: string) => (raw.trim() ? raw : "—");
const bold = (raw: string) => (raw.includes("**") || !raw.trim() ? raw : `**${raw.trim()}**`);
const spacing = { spacing: "None" } as const;
/** Adaptive Card markdown separates list items with \r ("- Item 1\r- Item 2", adaptive-cards text features). */
const markdownList = (items: string[]) => items.map((i) => `- ${i}`).join("\r");

const textStyle = {
  normal: {},
  warning: { color: "Attention", weight: "Bolder" },
  error: { color: "Attention" },
  success: { color: "Good" },
  muted: { isSubtle: true, size: "Small" },
} as const;
const textPrefix = { normal: "", warning: "⚠️ ", error: "❌ ", success: "✅ ", muted: "" } as const;
const statusPrefix = { todo: "", current: "▶️ ", done: "✅ ", skipped: "⏭️ " } as const;

function stepContainer(item: StepItem): AcElement {
  const items: AcElement[] = [
    ...textBlocks(`${item.status ? statusPrefix[item.status] : ""}**${item.label}.** ${item.text}`),
    ...(item.substeps?.length ? textBlocks(markdownList(item.substeps), spacing) : []),
    ...(item.notes ?? []).flatMap((n) => textBlocks(`Note: ${n}`, { ...spacing, isSubtle: true })),
    ...(item.warnings ?? []).flatMap((w) => textBlocks(`⚠️ ${w}`, { ...spacing, ...textStyle.warning })),
  ];
  // Indented visually by a padded container; the current walkthrough step is highlighted.
  return { type: "Container", items, ...(item.status === "current" ? { style: "emphasis" } : {}) };
}

function table(block: Extract<CardBlock, { type: "table" }>): AcElement[] {
  const row = (cells: string[], header: boolean) => ({
    type: "TableRow",
    cells: block.columns.map((_, i) => ({
      type: "TableCell",
      items: textBlocks(orDash(cells[i] ?? ""), header ? { weight: "Bolder" } : {}),
    })),
  });
  return [
    ...(block.title ? textBlocks(block.title, { weight: "Bolder" }) : []),
    {
      type: "Table",
      columns: block.columns.map(() => ({ width: 1 })),
      rows: [row(block.columns, true), ...block.rows.map((r) => row(r, false))],
      firstRowAsHeader: true,
    },
  ];
}

export function submitAction(b: Button): AcAction {
  if (b.toggles) return { type: "Action.ToggleVisibility", title: teamsText(b.label), targetElements: [b.toggles] };
  // Teams sends `data` back merged with the card's input values (keyed by input id) in activity.value.
  const action: AcAction & { type: "Action.Submit" } = {
    type: "Action.Submit",
    title: teamsText(b.label),
    data: b.value === undefined ? { action: b.action } : { action: b.action, value: b.value },
  };
  if (b.style) action.style = b.style === "primary" ? "positive" : "destructive";
  return action;
}

export function actionSets(buttons: Button[]): AcElement[] {
  const sets: AcElement[] = [];
  for (let i = 0; i < buttons.length; i += maxActionsPerSet) {
    sets.push({ type: "ActionSet", actions: buttons.slice(i, i + maxActionsPerSet).map(submitAction) });
  }
  return sets;
}

/** Blocks in order; a divider becomes a separator line on the element after it. */
export function elementsOf(blocks: readonly CardBlock[]): AcElement[] {
  const body: AcElement[] = [];
  let separator = false;
  for (const block of blocks) {
    if (block.type === "divider") {
      separator = body.length > 0;
      continue;
    }
    const elements = toElements(block);
    const first = elements[0];
    if (separator && first) first.separator = true;
    if (first) separator = false;
    body.push(...elements);
  }
  return body;
}

/** One card block as Adaptive Card elements (a divider is handled by the caller as a separator). */
export function toElements(block: Exclude<CardBlock, { type: "divider" }>): AcElement[] {
  switch (block.type) {
    case "details":
      // Folded: hidden until the button that toggles it (Action.ToggleVisibility) is pressed.
      return [{ type: "Container", id: block.id, isVisible: false, items: elementsOf(block.blocks) }];
    case "header":
      return textBlocks(block.text, { size: "Large", weight: "Bolder", style: "heading" });
    case "text": {
      const style = block.style ?? "normal";
      return block.text.trim() ? textBlocks(`${textPrefix[style]}${block.text}`, textStyle[style]) : [];
    }
    case "context":
      return block.text.trim() ? textBlocks(block.text, textStyle.muted) : [];
    case "fields": {
      // A FactSet keeps label and value side by side; a very long value reads better as its own text.
      const short = block.fields.filter((f) => f.value.length <= 2000);
      const long = block.fields.filter((f) => f.value.length > 2000);
      return [
        ...(short.length > 0
          ? [
              {
                type: "FactSet",
                facts: short.map((f) => ({ title: teamsText(f.label), value: teamsText(orDash(f.value)) })),
              },
            ]
          : []),
        ...long.flatMap((f) => [...textBlocks(f.label, { weight: "Bolder" }), ...textBlocks(f.value, spacing)]),
      ];
    }
    case "list":
      return [
        ...(block.title ? textBlocks(block.title, { weight: "Bolder" }) : []),
        ...textBlocks(markdownList(block.items), block.title ? spacing : {}),
      ];
    case "table":
      return table(block);
    case "steps":
      return [
        ...(block.title ? textBlocks(bold(block.title), { size: "Medium" }) : []),
        ...block.items.map(stepContainer),
      ];
    case "input": {
      const input: AcElement = { type: "Input.Text", id: block.id, label: teamsText(block.label) };
      if (block.placeholder) input.placeholder = teamsText(block.placeholder);
      if (block.multiline) input.isMultiline = true;
      if (block.initial !== undefined) input.value = block.initial;
      if (block.maxLength) input.maxLength = block.maxLength;
      return [...(block.error ? textBlocks(`❌ ${block.error}`, textStyle.error) : []), input];
    }
    case "actions":
      return actionSets(block.buttons);
    case "people": {
      const names = block.people.map((p) => `<at>${mentionName(p)}</at>`);
      if (block.everyone) names.push("the support team");
      return [{ type: "TextBlock", text: `**${teamsText(block.label)}:** ${names.join(", ") || "—"}`, wrap: true }];
    }
  }
}

/**
 * The text inside <at>…</at>; Teams matches it to the card's mention entity, so both use this. A display
 * name is short; a pathological one is cut so the card and its entity stay within Teams' size limit.
 */
export const mentionName = (p: { id: string; name?: string }) => {
  const name = (p.name ?? p.id).replace(/[<>]/g, "").trim() || p.id;
  return name.length > 100 ? `${name.slice(0, 99)}…` : name;
};

/**
 * The mention entities Teams needs beside `<at>Name</at>` for the names to notify (msteams.entities on the
 * card): one per person of the card's people blocks, folded ones included.
 */
export function mentionEntities(blocks: readonly CardBlock[]): Record<string, unknown>[] {
  const people = blocks.flatMap((b) =>
    b.type === "people"
      ? b.people
      : b.type === "details"
        ? b.blocks.flatMap((x) => (x.type === "people" ? x.people : []))
        : [],
  );
  const seen = new Set<string>();
  return people.flatMap((p) => {
    if (seen.has(p.id)) return [];
    seen.add(p.id);
    const name = mentionName(p);
    return [{ type: "mention", text: `<at>${name}</at>`, mentioned: { id: p.id, name } }];
  });
}
