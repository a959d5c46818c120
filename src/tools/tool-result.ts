import type { ToolId } from "../playbooks/playbook-schema.ts";

/** One problem with a tool's input, reported per field so a form can show it inline. */
export interface FieldError {
  field: string;
  /** Stable machine code, e.g. "too_long", "forbidden_character". */
  code: string;
  /** Says what is wrong and what is expected. */
  message: string;
}

/** The structured result every domain tool returns. */
export interface ToolResult<Data = unknown> {
  tool: ToolId;
  /** The playbook this check belongs to. */
  playbook: string;
  /** ok: all good; warning: works but worth a look; problem: the check found a fault; invalid: bad input. */
  verdict: "ok" | "warning" | "problem" | "invalid";
  /** One line a person reads first. */
  summary: string;
  figures: { label: string; value: string }[];
  explanation: string[];
  errors: FieldError[];
  /** What to do next, from the playbook. */
  next: string[];
  data?: Data;
}
