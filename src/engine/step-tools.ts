import { BotError } from "../core/bot-error.ts";
import type { ToolId } from "../playbooks/playbook-schema.ts";
import { expectedRateTool } from "../tools/expected-rate.ts";
import { latestStatusTool } from "../tools/latest-status.ts";
import { rsrpTool } from "../tools/rsrp.ts";
import { stationMessageTool } from "../tools/station-message.ts";
import type { ToolDefinition } from "../tools/tool-definition.ts";
import type { ToolResult } from "../tools/tool-result.ts";

// INTERIM until src/tools/tool-registry.ts lands: the tools that exist so far, by id and by /cp word.
const toolRegistry: Partial<Record<ToolId, ToolDefinition>> = {
  "station-message": stationMessageTool,
  "latest-status": latestStatusTool,
  rsrp: rsrpTool,
  "expected-rate": expectedRateTool,
};
const cpSubcommands: Record<string, ToolDefinition> = {
  msg: stationMessageTool,
  status: latestStatusTool,
  rate: expectedRateTool,
  rsrp: rsrpTool,
};

import type { ToolWord } from "./command-parser.ts";

/**
 * The engine's one door to the domain tools: the checks a walkthrough step hands its input to, and the
 * `/cp` subcommands (msg, status, rate, …) the tools define.
 */

function tool(id: ToolId): ToolDefinition | undefined {
  return (toolRegistry as Partial<Record<ToolId, ToolDefinition>>)[id];
}

/** Checks what was entered at a step; undefined when the step's tool is not available in this build. */
export function runStepTool(id: ToolId, text: string, playbook: string): ToolResult | undefined {
  return tool(id)?.fromText(text, { playbook });
}

export function cpToolWords(): ToolWord[] {
  return Object.entries(cpSubcommands).map(([word, def]) => ({ word, usage: def.usage, summary: def.summary }));
}

export function runCpTool(word: string, args: string): ToolResult {
  const def = (cpSubcommands as Record<string, ToolDefinition | undefined>)[word];
  if (!def)
    throw new BotError(
      `"${word}" is not a tool command. Tools: ${Object.keys(cpSubcommands).join(", ")}.`,
      "unknown_command",
    );
  return def.fromText(args);
}

/** The station message form (two lines, submitted from a card) through the same check as `msg`. */
export function runStationMessageForm(inputs: Record<string, string>): ToolResult {
  const def = tool("station-message");
  if (!def) throw new BotError("The station message check is not available in this build.", "invalid_input");
  return def.run(inputs);
}
