import { BotError } from "../core/bot-error.ts";
import type { ToolId } from "../playbooks/playbook-schema.ts";
import { cpSubcommands, toolRegistry } from "../tools/tool-registry.ts";
import type { ToolResult } from "../tools/tool-result.ts";
import type { ToolWord } from "./command-parser.ts";

/**
 * The engine's one door to the domain tools: the checks a walkthrough step hands its input to, and the
 * `/cp` subcommands (msg, status, sessions, rate, rsrp, …) the tool registry defines.
 */

/** A tool that says it cannot run yet must not block a walkthrough: the entry is kept unchecked. */
function unavailable(result: ToolResult): boolean {
  return result.verdict === "invalid" && result.errors.some((e) => e.code === "unavailable");
}

/** Checks what was entered at a step; undefined when the step's tool cannot check it in this build. */
export function runStepTool(id: ToolId, text: string, playbook: string): ToolResult | undefined {
  const result = toolRegistry[id].fromText(text, { playbook });
  return unavailable(result) ? undefined : result;
}

export function cpToolWords(): ToolWord[] {
  return Object.entries(cpSubcommands).map(([word, id]) => ({
    word,
    usage: toolRegistry[id].usage,
    summary: toolRegistry[id].summary,
  }));
}

export function runCpTool(word: string, args: string): ToolResult {
  const id = cpSubcommands[word];
  if (!id) {
    throw new BotError(
      `"${word}" is not a tool command. Tools: ${Object.keys(cpSubcommands).join(", ")}.`,
      "unknown_command",
    );
  }
  return toolRegistry[id].fromText(args);
}

/** The station message form (two lines, submitted from a card) through the same check as `msg`. */
export function runStationMessageForm(inputs: Record<string, string>): ToolResult {
  return toolRegistry["station-message"].run(inputs);
}
