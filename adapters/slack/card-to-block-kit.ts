import type { types } from "@slack/bolt";
import type { Card } from "../../src/cards/card-schema.ts";
import { deepFreeze, perSharedCard } from "../../src/cards/frozen-card.ts";
import { cardToText } from "../cli/card-to-text.ts";
import { slackLimits, toUnit, type Unit } from "./block-kit-blocks.ts";
import { fitLabel, toMrkdwn } from "./slack-text.ts";

export { checkBlockKitLimits } from "./check-block-kit-limits.ts";

/** One chat.postMessage worth: blocks plus the plain `text` Slack shows in notifications. */
export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** The fallback `text` is a notification, not the content (that is in the blocks), so it is kept short. */
const fallbackChars = 3000;

/** action_id = `${action}:${n}`; n makes it unique in the message, the action is everything before it. */
export function actionOfActionId(actionId: string): string {
  const colon = actionId.lastIndexOf(":");
  return colon > 0 ? actionId.slice(0, colon) : actionId;
}

/**
 * Visible characters of a block (every string under a "text" key, at any depth), the measure of the
 * per-message budget. A plain walk: serialising each block with a replacer to count them cost more than
 * building it.
 */
function blockChars(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 0;
    for (const item of value) n += blockChars(item);
    return n;
  }
  if (!value || typeof value !== "object") return 0;
  let n = 0;
  for (const [key, inner] of Object.entries(value)) {
    n += key === "text" && typeof inner === "string" ? inner.length : blockChars(inner);
  }
  return n;
}

/** Units glued together (an input and its Submit button) travel as one, so a split never separates them. */
function glue(units: Unit[]): types.KnownBlock[][] {
  const groups: types.KnownBlock[][] = [];
  let carry: types.KnownBlock[] = [];
  for (const unit of units) {
    carry.push(...unit.blocks);
    if (!unit.keepWithNext) {
      if (carry.length > 0) groups.push(carry);
      carry = [];
    }
  }
  if (carry.length > 0) groups.push(carry);
  return groups;
}

function trimDividers(blocks: types.KnownBlock[]): types.KnownBlock[] {
  let start = 0;
  let end = blocks.length;
  while (start < end && blocks[start]?.type === "divider") start++;
  while (end > start && blocks[end - 1]?.type === "divider") end--;
  return blocks.slice(start, end);
}

/** Packs groups into messages within the block count and the size budget, leaving room for a "continued" line. */
function pack(groups: types.KnownBlock[][]): types.KnownBlock[][] {
  const messages: types.KnownBlock[][] = [];
  let current: types.KnownBlock[] = [];
  let chars = 0;
  const room = { blocks: slackLimits.blocksPerMessage - 1, chars: slackLimits.messageChars - 200 };
  for (const group of groups) {
    // Each block measured once.
    const sizes = group.map(blockChars);
    const size = sizes.reduce((n, s) => n + s, 0);
    if (current.length > 0 && (current.length + group.length > room.blocks || chars + size > room.chars)) {
      messages.push(current);
      current = [];
      chars = 0;
    }
    // A group larger than a whole message (only plain sections can be) goes on block by block.
    group.forEach((block, i) => {
      const blockSize = sizes[i] ?? 0;
      if (current.length >= room.blocks || (current.length > 0 && chars + blockSize > room.chars)) {
        messages.push(current);
        current = [];
        chars = 0;
      }
      current.push(block);
      chars += blockSize;
    });
  }
  if (current.length > 0) messages.push(current);
  return messages.map(trimDividers).filter((m) => m.length > 0);
}

/**
 * Converts a neutral card into one or more Slack messages. Content that does not fit one message
 * (50 blocks, or the size budget) continues in the next, split between blocks or at line and word
 * breaks, never silently cut. Every string is escaped, so user text cannot ping a channel. A shared
 * (frozen) card is converted once: its messages are kept and returned frozen to every later caller.
 */
export const cardToBlockKit: (card: Card) => SlackMessage[] = perSharedCard((card) => {
  const messages = convert(card);
  return Object.isFrozen(card) ? deepFreeze(messages) : messages;
});

function convert(card: Card): SlackMessage[] {
  let n = 0;
  const nextActionId = (action: string) => `${action}:${n++}`;
  const messages = pack(glue(card.blocks.map((block) => toUnit(block, nextActionId))));
  if (messages.length === 0) messages.push([{ type: "section", text: { type: "mrkdwn", text: toMrkdwn(card.title) } }]);
  // A notification has no room for the terminal's underlines and rules; keep the words.
  const summary = cardToText(card, { withButtons: false })
    .text.split("\n")
    .filter((line) => !/^[=—]+$/.test(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
  return messages.map((blocks, i) => {
    if (i === 0) return { text: fitLabel(summary, fallbackChars, toMrkdwn), blocks };
    const continued = `${card.title} (continued, ${i + 1}/${messages.length})`;
    const line: types.KnownBlock = {
      type: "context",
      elements: [{ type: "mrkdwn", text: fitLabel(continued, slackLimits.sectionText, toMrkdwn) }],
    };
    return { text: fitLabel(continued, fallbackChars, toMrkdwn), blocks: [line, ...blocks] };
  });
}
