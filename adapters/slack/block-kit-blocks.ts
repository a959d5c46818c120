import type { types } from "@slack/bolt";
import type { Button, CardBlock } from "../../src/cards/card-schema.ts";
import { fitLabel, splitText, toMrkdwn, toPlain } from "./slack-text.ts";

type KnownBlock = types.KnownBlock;
type StepItem = Extract<CardBlock, { type: "steps" }>["items"][number];

/** Slack's Block Kit limits (NSDK packages/types block-kit/blocks.ts, block-elements.ts). */
export const slackLimits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  headerText: 150,
  fieldsPerSection: 10,
  fieldText: 2000,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  inputLabel: 2000,
  placeholder: 150,
  inputValue: 3000,
  /** Not documented: bolt-js#2509 hit msg_blocks_too_long near 13k characters, so we stay under this. */
  messageChars: 12_000,
} as const;

/** Some converted blocks that belong together; an input is glued to the buttons that submit it. */
export interface Unit {
  blocks: KnownBlock[];
  keepWithNext?: boolean;
}

const section = (raw: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: toMrkdwn(raw) } });
const sections = (raw: string) => splitText(raw, slackLimits.sectionText).map(section);
const contexts = (raw: string): KnownBlock[] =>
  splitText(raw, slackLimits.sectionText).map((chunk) => ({
    type: "context",
    elements: [{ type: "mrkdwn", text: toMrkdwn(chunk) }],
  }));
/** Slack rejects empty text objects, so an empty table cell or value shows as a dash. */
const orDash = (raw: string) => (raw.trim() ? raw : "—");
const bold = (raw: string) => (raw.includes("**") || !raw.trim() ? raw : `**${raw.trim()}**`);

const textPrefix = { normal: "", warning: "⚠️ ", error: "❌ ", success: "✅ ", muted: "" } as const;
const statusPrefix = { todo: "", current: "▶️ ", done: "✅ ", skipped: "⏭️ " } as const;

function stepText(item: StepItem): string {
  const lines = [`${item.status ? statusPrefix[item.status] : ""}**${item.label}.** ${item.text}`];
  item.substeps?.forEach((s, i) => {
    lines.push(`      ${String.fromCharCode(97 + (i % 26))}. ${s}`);
  });
  for (const note of item.notes ?? []) lines.push(`      _Note:_ ${note}`);
  for (const warning of item.warnings ?? []) lines.push(`      ⚠️ ${bold(warning)}`);
  return lines.join("\n");
}

/** Joins pieces into as few texts as fit one section each; a piece too long on its own is split by words. */
function packTexts(pieces: string[]): string[] {
  const texts: string[] = [];
  for (const piece of pieces) {
    const last = texts[texts.length - 1];
    if (last !== undefined && toMrkdwn(`${last}\n${piece}`).length <= slackLimits.sectionText) {
      texts[texts.length - 1] = `${last}\n${piece}`;
    } else texts.push(...splitText(piece, slackLimits.sectionText));
  }
  return texts;
}

/** Fields grouped ≤ 10 per section and of a size that keeps the message within its budget. */
function fieldSections(fields: string[], fieldsPerRow = 1): KnownBlock[] {
  const out: KnownBlock[] = [];
  let group: string[] = [];
  const flush = () => {
    if (group.length > 0) out.push({ type: "section", fields: group.map((f) => ({ type: "mrkdwn", text: f })) });
    group = [];
  };
  for (let i = 0; i < fields.length; i += fieldsPerRow) {
    const row = fields.slice(i, i + fieldsPerRow);
    const size = [...group, ...row].reduce((n, f) => n + f.length, 0);
    if (group.length + row.length > slackLimits.fieldsPerSection || size > slackLimits.sectionText * 2) flush();
    group.push(...row);
  }
  flush();
  return out;
}

function tableBlocks(block: Extract<CardBlock, { type: "table" }>): KnownBlock[] {
  const title = block.title ? [`**${block.title}**`] : [];
  const cells = [block.columns, ...block.rows].flat().map(orDash);
  // Two columns read well as Slack's two-column field grid, as long as every cell fits a field.
  if (block.columns.length === 2 && cells.every((c) => toMrkdwn(c).length + 4 <= slackLimits.fieldText)) {
    const fields = [
      ...block.columns.map((c) => toMrkdwn(bold(orDash(c)))),
      ...block.rows.flatMap((r) => [0, 1].map((i) => toMrkdwn(orDash(r[i] ?? "")))),
    ];
    return [...title.map(section), ...fieldSections(fields, 2)];
  }
  const lines = block.rows.map((row) => {
    const [first = "", ...rest] = row;
    const others = rest.flatMap((cell, i) => (cell.trim() ? [`${block.columns[i + 1] ?? ""}: ${cell}`] : []));
    return `• **${orDash(first)}**${others.length > 0 ? ` · ${others.join(" · ")}` : ""}`;
  });
  return packTexts([...title, ...lines]).map(section);
}

function button(b: Button, actionId: string): types.Button {
  const out: types.Button = {
    type: "button",
    text: { type: "plain_text", text: fitLabel(b.label, slackLimits.buttonText), emoji: true },
    action_id: actionId,
  };
  // The value is opaque JSON for the engine, never displayed, so it is passed through unescaped.
  if (b.value !== undefined) out.value = b.value;
  if (b.style) out.style = b.style;
  return out;
}

/** A Slack user id; anything else (a Teams id, a name) is shown as text and pings nobody. */
const slackUserId = /^[UW][A-Z0-9]{2,}$/;

/**
 * "*Requester:* <@U123>": real mentions, built only from the ids the engine put in the block. A name shown
 * as text is escaped; a very long one continues in further sections rather than being cut.
 */
function peopleBlocks(block: Extract<CardBlock, { type: "people" }>): KnownBlock[] {
  const label = `*${toPlain(block.label)}:* `;
  const names = block.people.flatMap((p) =>
    slackUserId.test(p.id) ? [`<@${p.id}>`] : splitText(p.name ?? p.id, slackLimits.sectionText - 200).map(toMrkdwn),
  );
  if (block.everyone) names.push("<!here>");
  if (names.length === 0) names.push("—");
  const texts: string[] = [];
  let current = label;
  for (const name of names) {
    const piece = current === label ? name : `, ${name}`;
    if (current.length + piece.length > slackLimits.sectionText) {
      texts.push(current);
      current = name;
    } else current += piece;
  }
  texts.push(current);
  return texts.map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

/** Converts one card block; `nextActionId` numbers buttons so every action_id in a message is unique. */
export function toUnit(block: CardBlock, nextActionId: (action: string) => string): Unit {
  switch (block.type) {
    case "header":
      return {
        blocks:
          toPlain(block.text).length <= slackLimits.headerText
            ? [{ type: "header", text: { type: "plain_text", text: toPlain(block.text), emoji: true } }]
            : sections(bold(block.text)),
      };
    case "text": {
      if (!block.text.trim()) return { blocks: [] };
      const style = block.style ?? "normal";
      if (style === "muted") return { blocks: contexts(block.text) };
      const body = style === "warning" ? bold(block.text) : block.text;
      return { blocks: sections(`${textPrefix[style]}${body}`) };
    }
    case "context":
      return { blocks: block.text.trim() ? contexts(block.text) : [] };
    case "people":
      return { blocks: peopleBlocks(block) };
    case "fields": {
      const rendered = block.fields.map((f) => toMrkdwn(`${bold(f.label)}\n${orDash(f.value)}`));
      // A field over Slack's 2,000 characters becomes a section of its own rather than being cut.
      const fit = rendered.filter((f) => f.length <= slackLimits.fieldText);
      const long = block.fields.filter((_, i) => (rendered[i] ?? "").length > slackLimits.fieldText);
      return { blocks: [...fieldSections(fit), ...long.flatMap((f) => sections(`${bold(f.label)}\n${f.value}`))] };
    }
    case "list": {
      const items = block.items.map((i) => `• ${i}`);
      return { blocks: packTexts(block.title ? [bold(block.title), ...items] : items).map(section) };
    }
    case "table":
      return { blocks: tableBlocks(block) };
    case "steps": {
      const pieces = block.items.map(stepText);
      return { blocks: packTexts(block.title ? [bold(block.title), ...pieces] : pieces).map(section) };
    }
    case "input": {
      const element: types.PlainTextInput = { type: "plain_text_input", action_id: block.id };
      if (block.multiline) element.multiline = true;
      if (block.placeholder) {
        element.placeholder = { type: "plain_text", text: fitLabel(block.placeholder, slackLimits.placeholder) };
      }
      if (block.initial) element.initial_value = block.initial;
      if (block.maxLength) element.max_length = Math.min(block.maxLength, slackLimits.inputValue);
      const input: KnownBlock = {
        type: "input",
        block_id: block.id,
        label: { type: "plain_text", text: fitLabel(block.label, slackLimits.inputLabel), emoji: true },
        element,
      };
      return { blocks: [...(block.error ? contexts(`❌ ${block.error}`) : []), input], keepWithNext: true };
    }
    case "actions": {
      const blocks: KnownBlock[] = [];
      for (let i = 0; i < block.buttons.length; i += slackLimits.actionsElements) {
        const chunk = block.buttons.slice(i, i + slackLimits.actionsElements);
        blocks.push({ type: "actions", elements: chunk.map((b) => button(b, nextActionId(b.action))) });
      }
      return { blocks };
    }
    case "divider":
      return { blocks: [{ type: "divider" }] };
    case "details":
      // Slack cannot fold a message; the button that toggles this block posts it as its own message.
      return { blocks: [] };
  }
}
