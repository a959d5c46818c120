import type { ToolId } from "../playbooks/playbook-schema.ts";
import { expectedRateTool } from "./expected-rate.ts";
import { invalidResult } from "./invalid-result.ts";
import { latestStatusTool } from "./latest-status.ts";
import { rsrpTool } from "./rsrp.ts";
import { sessionRateTool } from "./session-rate.ts";
import { stationMessageTool } from "./station-message.ts";
import type { ToolDefinition } from "./tool-definition.ts";

export type { ToolContext, ToolDefinition } from "./tool-definition.ts";

// Placeholder for the tools still being written; replaced one by one in the next commits.
function pending(id: ToolId, playbook: string): ToolDefinition {
  const result = () =>
    invalidResult(
      id,
      playbook,
      [{ field: "tool", code: "unavailable", message: `The ${id} tool is not available yet` }],
      [],
    );
  return {
    id,
    title: id,
    playbook,
    playbooks: [playbook],
    summary: "Not available yet.",
    usage: id,
    examples: [],
    inputSchema: stationMessageTool.inputSchema,
    run: result,
    fromText: result,
  };
}

/** Every domain tool by id; the engine, walkthrough steps and the CLI all reach tools through this. */
export const toolRegistry: Record<ToolId, ToolDefinition> = {
  "station-message": stationMessageTool,
  "latest-status": latestStatusTool,
  "session-rate": sessionRateTool,
  "expected-rate": expectedRateTool,
  rsrp: rsrpTool,
  receipt: pending("receipt", "pricing-policy"),
  "plug-in-event": pending("plug-in-event", "rfid-reader"),
  "rfid-age": pending("rfid-age", "rfid-reader"),
  "just-charge": pending("just-charge", "just-charge"),
  "firmware-path": pending("firmware-path", "firmware-upgrade"),
  remittance: pending("remittance", "flex-billing"),
  "station-identity": pending("station-identity", "replace-hardware"),
};

/** The /cp grammar: `/cp <subcommand> <text>` hands <text> to the tool's fromText. */
export const cpSubcommands: Record<string, ToolId> = {
  msg: "station-message",
  status: "latest-status",
  sessions: "session-rate",
  rate: "expected-rate",
  rsrp: "rsrp",
  receipt: "receipt",
  events: "plug-in-event",
  rfid: "rfid-age",
  justcharge: "just-charge",
  firmware: "firmware-path",
  remittance: "remittance",
  station: "station-identity",
};

/** A tool by its id or its /cp subcommand, case-insensitive; undefined when neither matches. */
export function findTool(name: string): ToolDefinition | undefined {
  const key = name.trim().toLowerCase();
  const id = cpSubcommands[key] ?? (key in toolRegistry ? (key as ToolId) : undefined);
  return id ? toolRegistry[id] : undefined;
}

/** The subcommand that reaches a tool, for help texts. */
export function subcommandFor(id: ToolId): string {
  return Object.entries(cpSubcommands).find(([, tool]) => tool === id)?.[0] ?? id;
}
