import type { z } from "zod";
import type { ToolId } from "../playbooks/playbook-schema.ts";
import type { ToolResult } from "./tool-result.ts";

/** Where a tool is being used from; a walkthrough passes the playbook it is in. */
export interface ToolContext {
  playbook?: string;
}

/** One domain tool as the registry, the /cp grammar, walkthrough steps and the CLI see it. */
export interface ToolDefinition {
  id: ToolId;
  title: string;
  /** The playbook a result belongs to when the caller gives none. */
  playbook: string;
  /** Every playbook whose steps use this tool; a context playbook outside this list falls back to `playbook`. */
  playbooks: readonly string[];
  summary: string;
  /** The /cp form, e.g. "msg <line 1> | <line 2>". */
  usage: string;
  /** Texts `fromText` understands, for help and docs. */
  examples: readonly string[];
  inputSchema: z.ZodType;
  /** Structured input (forms, CLI flags); never throws, bad input becomes an "invalid" result. */
  run(input: unknown, context?: ToolContext): ToolResult;
  /** Free text typed after a /cp subcommand or pasted into a walkthrough step. */
  fromText(text: string, context?: ToolContext): ToolResult;
}
