import { z } from "zod";
import { checkMessageLine } from "./check-message-line.ts";
import { defineTool, type TextParse } from "./define-tool.ts";
import { textField } from "./field-schemas.ts";
import { fieldError } from "./invalid-result.ts";
import { stationMessageRules } from "./station-message-rules.ts";
import type { FieldError, ToolResult } from "./tool-result.ts";

export const stationMessageInput = z.strictObject({
  name: textField("name", '"Holiday closure"').optional(),
  description: textField("description", '"Shown over the holidays"').optional(),
  // Forms leave an empty input out altogether; treat it as empty so it is reported like one.
  line1: textField("line1", '"Closed today"').default(""),
  line2: textField("line2", '"Back at 8am"').default(""),
});
export type StationMessageInput = z.infer<typeof stationMessageInput>;

export interface StationMessagePreview {
  name?: string;
  line1: string;
  line2: string;
}

const next = [
  "Save the message, then go to **Apply Station Messages** and apply it to a radio group or to the whole Org.",
  "Allow 2-5 minutes for the stations to update; only stations that are available and reachable take the message.",
];

/**
 * Checks a station message against the dashboard's rules. From text ("msg Closed today | Back at 8am") only
 * the lines are required: people check wording there, and the name is typed into the dashboard form.
 */
export function checkStationMessage(
  input: StationMessageInput,
  origin: "input" | "text" = "input",
): ToolResult<StationMessagePreview> {
  const requireName = origin === "input";
  const hint = origin === "text" ? ' (type "line 1 | line 2", or one line per row)' : "";
  const line1 = checkMessageLine("line1", input.line1, stationMessageRules.line1, hint);
  const line2 = checkMessageLine("line2", input.line2, stationMessageRules.line2, hint);
  const errors: FieldError[] = [];
  const name = input.name?.trim();
  if (requireName && !name) {
    const message =
      "Station Message Name is empty: enter the name the message will be listed under in Station Messages";
    errors.push(fieldError("name", "required", message));
  } else if (name && /[\p{Cc}\u2028\u2029]/u.test(name)) {
    const message = "Station Message Name has a line break or control character: enter the name on a single line";
    errors.push(fieldError("name", "control_character", message));
  }
  errors.push(...line1.errors, ...line2.errors);

  const figures = [
    ...(name ? [{ label: "Name", value: name }] : []),
    { label: `Line 1 (${line1.length}/${stationMessageRules.line1.maxChars})`, value: line1.text },
    { label: `Line 2 (${line2.length}/${stationMessageRules.line2.maxChars})`, value: line2.text },
  ];
  const explanation = [
    ...line1.notes,
    ...line2.notes,
    "Characters are counted as Unicode code points, after removing spaces at the start and end of each line.",
    ...(requireName || name ? [] : ["The name was not checked: the dashboard also needs a Station Message Name."]),
  ];
  const base = { tool: "station-message" as const, playbook: "station-messages", figures, explanation };
  if (errors.length > 0) {
    const summary = `Station message not valid: ${errors.map((e) => e.message.split(":")[0]).join("; ")}`;
    return { ...base, verdict: "invalid", summary, errors, next: [] };
  }
  const warn = line1.notes.length + line2.notes.length > 0;
  return {
    ...base,
    verdict: warn ? "warning" : "ok",
    summary: `Valid station message: line 1 is ${line1.length} of ${stationMessageRules.line1.maxChars} characters, line 2 is ${line2.length} of ${stationMessageRules.line2.maxChars}.`,
    errors: [],
    next,
    data: { ...(name ? { name } : {}), line1: line1.text, line2: line2.text },
  };
}

/**
 * "Closed today | Back at 8am", or the two lines one per line (how the walkthrough step asks for them).
 * Optional "name:" and "description:" lines fill the other fields. A "|" can never be part of a valid
 * line, so it is always a separator.
 */
function parseStationMessageText(text: string): TextParse {
  const fields: Record<string, string> = {};
  const lines: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const labelled = /^\s*(name|description|desc)\s*[:=]\s*(.*)$/i.exec(line);
    if (labelled) fields[labelled[1]!.toLowerCase().startsWith("desc") ? "description" : "name"] = labelled[2]!;
    else if (line.trim() !== "") lines.push(line);
  }
  const body = lines.join("\n");
  const rowsAreLines = lines.length === 2 && !/^\s*\||\|\s*$/.test(lines[0]!) && !/^\s*\|/.test(lines[1]!);
  if (!rowsAreLines && lines.length > 2 && !body.includes("|")) {
    const message = `Found ${lines.length} lines: a station message has two, line 1 (up to 15 characters) and line 2 (up to 64); type "line 1 | line 2" or one line per row`;
    return { ok: false, errors: [fieldError("text", "too_many_lines", message)] };
  }
  // Split on the first "|" only: any later "|" is reported as a forbidden character with its position.
  const bar = body.indexOf("|");
  const parts = rowsAreLines ? lines : bar < 0 ? [body] : [body.slice(0, bar), body.slice(bar + 1)];
  // Spaces around the "|" and a row break next to it belong to the separator, not to the line.
  const [line1 = "", line2 = ""] = parts.map((p) =>
    p.replace(/^\s*\n|\n\s*$/g, "").replace(/^[\p{Zs}\t]+|[\p{Zs}\t]+$/gu, ""),
  );
  return { ok: true, input: { ...fields, line1, line2 } };
}

export const stationMessageTool = defineTool({
  id: "station-message",
  title: "Station message",
  playbook: "station-messages",
  summary: 'Checks a station message: line 1 up to 15 characters, line 2 up to 64, none of / ~ " < > |.',
  usage: "msg <line 1> | <line 2>",
  examples: ["msg Closed today | Back at 8am", "msg Free charging | For guests of the hotel only"],
  inputSchema: stationMessageInput,
  fields: ["name", "description", "line1", "line2"],
  check: (input, _playbook, origin) => checkStationMessage(input, origin),
  parseText: parseStationMessageText,
});
