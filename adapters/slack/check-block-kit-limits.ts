import { slackLimits } from "./block-kit-blocks.ts";

/**
 * Lists every way a message breaks Slack's Block Kit limits (what would come back as `invalid_blocks`),
 * plus our own size budget. Returns [] for a message Slack accepts. Reads plain JSON on purpose, so it
 * can check any message, not only ones this converter built.
 */

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});
const textOf = (v: unknown): string | undefined => {
  const t = asObject(v).text;
  return typeof t === "string" ? t : undefined;
};

export function checkBlockKitLimits(message: { text?: unknown; blocks?: unknown }): string[] {
  const problems: string[] = [];
  const max = (where: string, value: string | undefined, limit: number, min = 1) => {
    if (value === undefined) problems.push(`${where}: missing`);
    else if (value.length < min) problems.push(`${where}: empty`);
    else if (value.length > limit) problems.push(`${where}: ${value.length} characters > ${limit}`);
  };
  const blocks = Array.isArray(message.blocks) ? (message.blocks as unknown[]) : [];
  if (typeof message.text !== "string" || !message.text.trim()) problems.push("text: a fallback text is required");
  else max("text", message.text, 40_000);
  if (blocks.length === 0) problems.push("blocks: none");
  if (blocks.length > slackLimits.blocksPerMessage) {
    problems.push(`blocks: ${blocks.length} > ${slackLimits.blocksPerMessage}`);
  }
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  let chars = 0;

  const checkButton = (where: string, el: Json) => {
    max(`${where}.text`, textOf(el.text), slackLimits.buttonText);
    if (el.value !== undefined) max(`${where}.value`, String(el.value), slackLimits.buttonValue);
    if (typeof el.url === "string") max(`${where}.url`, el.url, 3000);
  };

  blocks.forEach((raw, i) => {
    const block = asObject(raw);
    const where = `blocks[${i}] ${String(block.type)}`;
    if (typeof block.block_id === "string") {
      max(`${where}.block_id`, block.block_id, slackLimits.blockId);
      if (blockIds.has(block.block_id)) problems.push(`${where}.block_id: "${block.block_id}" is not unique`);
      blockIds.add(block.block_id);
    }
    JSON.stringify(block, (key, value) => {
      if (key === "text" && typeof value === "string") chars += value.length;
      if (key === "action_id" && typeof value === "string") {
        max(`${where}.action_id`, value, slackLimits.actionId);
        if (actionIds.has(value)) problems.push(`${where}.action_id: "${value}" is not unique in the message`);
        actionIds.add(value);
      }
      return value;
    });
    switch (block.type) {
      case "header":
        if (asObject(block.text).type !== "plain_text") problems.push(`${where}.text: must be plain_text`);
        max(`${where}.text`, textOf(block.text), slackLimits.headerText);
        break;
      case "section": {
        const fields = Array.isArray(block.fields) ? (block.fields as unknown[]) : undefined;
        if (block.text === undefined && !fields) problems.push(`${where}: needs text or fields`);
        if (block.text !== undefined) max(`${where}.text`, textOf(block.text), slackLimits.sectionText);
        if (fields && fields.length > slackLimits.fieldsPerSection) {
          problems.push(`${where}.fields: ${fields.length} > ${slackLimits.fieldsPerSection}`);
        }
        for (const [j, f] of (fields ?? []).entries()) max(`${where}.fields[${j}]`, textOf(f), slackLimits.fieldText);
        break;
      }
      case "context": {
        const elements = Array.isArray(block.elements) ? (block.elements as unknown[]) : [];
        if (elements.length === 0 || elements.length > slackLimits.contextElements) {
          problems.push(`${where}.elements: ${elements.length}, must be 1..${slackLimits.contextElements}`);
        }
        for (const [j, e] of elements.entries()) max(`${where}.elements[${j}]`, textOf(e), slackLimits.sectionText);
        break;
      }
      case "actions": {
        const elements = Array.isArray(block.elements) ? (block.elements as unknown[]) : [];
        if (elements.length === 0 || elements.length > slackLimits.actionsElements) {
          problems.push(`${where}.elements: ${elements.length}, must be 1..${slackLimits.actionsElements}`);
        }
        for (const [j, e] of elements.entries()) checkButton(`${where}.elements[${j}]`, asObject(e));
        break;
      }
      case "input": {
        max(`${where}.label`, textOf(block.label), slackLimits.inputLabel);
        const element = asObject(block.element);
        const placeholder = element.placeholder === undefined ? undefined : textOf(element.placeholder);
        if (placeholder !== undefined) max(`${where}.element.placeholder`, placeholder, slackLimits.placeholder);
        if (typeof element.initial_value === "string") {
          max(`${where}.element.initial_value`, element.initial_value, slackLimits.inputValue, 0);
        }
        break;
      }
      case "divider":
        break;
      default:
        problems.push(`${where}: block type this bot does not send`);
    }
  });
  if (chars > slackLimits.messageChars) {
    problems.push(`message: ${chars} characters of text > ${slackLimits.messageChars} (msg_blocks_too_long risk)`);
  }
  return problems;
}
