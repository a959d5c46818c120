import type { ToolId } from "../playbooks/playbook-schema.ts";
import { expectedRateTool } from "./expected-rate.ts";
import { firmwarePathTool } from "./firmware-path.ts";
import { justChargeTool } from "./just-charge.ts";
import { latestStatusTool } from "./latest-status.ts";
import { plugInEventTool } from "./plug-in-event.ts";
import { receiptTool } from "./receipt.ts";
import { remittanceTool } from "./remittance.ts";
import { rfidAgeTool } from "./rfid-age.ts";
import { rsrpTool } from "./rsrp.ts";
import { sessionRateTool } from "./session-rate.ts";
import { stationIdentityTool } from "./station-identity.ts";
import { stationMessageTool } from "./station-message.ts";
import type { ToolDefinition } from "./tool-definition.ts";

export type { ToolContext, ToolDefinition } from "./tool-definition.ts";

/** Every domain tool by id; the engine, walkthrough steps and the CLI all reach tools through this. */
export const toolRegistry: Record<ToolId, ToolDefinition> = {
  "station-message": stationMessageTool,
  "latest-status": latestStatusTool,
  "session-rate": sessionRateTool,
  "expected-rate": expectedRateTool,
  rsrp: rsrpTool,
  receipt: receiptTool,
  "plug-in-event": plugInEventTool,
  "rfid-age": rfidAgeTool,
  "just-charge": justChargeTool,
  "firmware-path": firmwarePathTool,
  remittance: remittanceTool,
  "station-identity": stationIdentityTool,
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
