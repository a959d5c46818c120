import { cardActions } from "../../src/cards/card-actions.ts";
import type { Card, CardBlock } from "../../src/cards/card-schema.ts";
import type { ActionEvent } from "../../src/core/bot-event.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import { runStationMessageForm } from "../../src/engine/step-tools.ts";
import { stationMessageRules } from "../../src/tools/station-message-rules.ts";
import type { FieldError, ToolResult } from "../../src/tools/tool-result.ts";

/**
 * The station message as an Adaptive Card form (Teams has forms in cards; Slack uses a modal). `msg` or
 * `msg form` shows it; Check sends Action.Submit `msg.submit` with the inputs, which the engine validates
 * through the station-message tool. A valid message comes back as a preview of the screen lines; an invalid
 * one comes back as this form again, with what was typed and each problem under its field.
 */

const fields = [
  { id: "name", label: "Station Message Name", placeholder: "Holiday closure" },
  { id: "description", label: "Description (optional)", placeholder: "Shown over the holidays" },
  {
    id: "line1",
    label: `Line 1 (at most ${stationMessageRules.line1.maxChars} characters)`,
    placeholder: "Closed today",
  },
  {
    id: "line2",
    label: `Line 2 (at most ${stationMessageRules.line2.maxChars} characters)`,
    placeholder: "Back at 8am",
  },
] as const;

/** `msg`, `msg form`, `/cp msg` alone: the person wants the form rather than the one-line grammar. */
export function isStationMessageFormRequest(text: string): boolean {
  return /^(?:\/cp\s+)?msg(?:\s+form)?$/i.test(text.trim());
}

export function stationMessageForm(values: Record<string, string> = {}, errors: FieldError[] = []): Card {
  const byField = new Map<string, string[]>();
  for (const e of errors) byField.set(e.field, [...(byField.get(e.field) ?? []), e.message]);
  const known = new Set<string>(fields.map((f) => f.id));
  const other = errors.filter((e) => !known.has(e.field)).map((e) => e.message);
  const forbidden = stationMessageRules.forbidden.join(" ");
  const blocks: CardBlock[] = [
    { type: "header", text: "Station message" },
    {
      type: "text",
      text: `Check a message before creating it in **Station Messages**. Lines 1 and 2 appear on the station screen; these characters are not allowed: \`${forbidden}\``,
    },
  ];
  if (errors.length > 0) {
    const count = `${errors.length} problem${errors.length === 1 ? "" : "s"} to fix`;
    blocks.push({ type: "text", text: [count, ...other].join("\n"), style: "error" });
  }
  for (const f of fields) {
    const error = byField.get(f.id)?.join(" ");
    const initial = values[f.id];
    blocks.push({
      type: "input",
      id: f.id,
      label: f.label,
      placeholder: f.placeholder,
      ...(initial ? { initial } : {}),
      ...(error ? { error } : {}),
    });
  }
  blocks.push({
    type: "actions",
    buttons: [{ action: cardActions.stationMessageSubmit, label: "Check message", style: "primary" }],
  });
  const title = errors.length > 0 ? "Station message: input needs fixing" : "Station message";
  return { kind: "validation", title, blocks };
}

/**
 * After the engine answered a form submit: an invalid message is shown as the form again with inline
 * errors (replacing the submitted card), a valid one as the engine's preview.
 */
export function stationMessageFormReply(event: ActionEvent, reply: EngineReply): EngineReply {
  if (event.action !== cardActions.stationMessageSubmit || reply.duplicate) return reply;
  // The engine could not check it (a bug, the database): its error card says so; do not hide it.
  if (reply.cards.some((c) => c.kind === "error")) return reply;
  const inputs = event.inputs ?? {};
  const result = runStationMessageForm(inputs);
  if (result.errors.length === 0 && result.verdict !== "invalid") {
    return { ...reply, cards: [stationMessagePreview(result)], mode: "replace" };
  }
  return { ...reply, cards: [stationMessageForm(inputs, result.errors)], mode: "replace" };
}

/** A valid message as it will be created: the figures the tool measured, the two screen lines, what next. */
export function stationMessagePreview(result: ToolResult): Card {
  const data = (result.data ?? {}) as { line1?: string; line2?: string };
  const blocks: CardBlock[] = [
    { type: "header", text: "Station message: input looks good" },
    { type: "text", text: result.summary, style: result.verdict === "warning" ? "warning" : "success" },
    { type: "fields", fields: result.figures.map((f) => ({ label: f.label, value: f.value })) },
  ];
  if (data.line1 !== undefined && data.line2 !== undefined) {
    blocks.push({ type: "text", text: `On the station screen:\n\`${data.line1}\`\n\`${data.line2}\`` });
  }
  if (result.explanation.length > 0) blocks.push({ type: "list", items: result.explanation });
  if (result.next.length > 0) blocks.push({ type: "list", title: "Next", items: result.next });
  return { kind: "validation", title: "Station message: input looks good", blocks };
}
