import type { CardBlock } from "../cards/card-schema.ts";
import type { ToolResult } from "../tools/tool-result.ts";
import { fields, list, text } from "./card-blocks.ts";

const verdictStyle = { ok: "success", warning: "warning", problem: "error", invalid: "error" } as const;

/** What each tool checks, for headings a person understands. */
export const toolNames: Record<ToolResult["tool"], string> = {
  "station-message": "Station message",
  "latest-status": "Get Latest Status",
  "session-rate": "Session charging rate",
  "expected-rate": "Expected charging rate",
  rsrp: "Cellular signal (RSRP)",
  receipt: "Receipt",
  "plug-in-event": "Plug-in event",
  "rfid-age": "RFID card age",
  "just-charge": "Just Charge eligibility",
  "firmware-path": "Firmware upgrade path",
  remittance: "Remittance",
  "station-identity": "Station identity",
};

/**
 * A tool's field id as a person reads it: "line1" → "Line 1", "breakerAmps" → "Breaker amps". Ids are
 * the tools' internal names; a label that is already words ("line 3", "Port 1") is kept as it is.
 */
export function fieldLabel(field: string): string {
  if (/\s/.test(field) || /^[A-Z]/.test(field)) return field;
  const words = field
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([a-zA-Z])(\d)/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase()
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : field;
}

/** What is wrong with the input, one field per problem, so each can be fixed where it is. */
export function fieldErrors(result: ToolResult): CardBlock | null {
  return fields(result.errors.map((e) => [fieldLabel(e.field), e.message] as const));
}

/** A tool's verdict, figures, explanation, input problems and next steps, for any card that shows one. */
export function toolResultBlocks(result: ToolResult): (CardBlock | null)[] {
  return [
    text(`**${toolNames[result.tool]}:** ${result.summary}`, verdictStyle[result.verdict]),
    fields(result.figures.map((f) => [f.label, f.value] as const)),
    fieldErrors(result),
    list(undefined, result.explanation),
    list("Next", result.next),
  ];
}
