import type { ToolId } from "../playbooks/playbook-schema.ts";
import type { FieldError, ToolResult } from "./tool-result.ts";

/**
 * The result for input a tool cannot check. The summary repeats the first error so a one-line reply is
 * still specific; `expected` says what the tool wants instead.
 */
export function invalidResult(
  tool: ToolId,
  playbook: string,
  errors: FieldError[],
  expected: string[],
): ToolResult<never> {
  const first = errors[0]?.message ?? "The input could not be read";
  const summary =
    errors.length > 1 ? `${first} (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : first;
  return { tool, playbook, verdict: "invalid", summary, figures: [], explanation: expected, errors, next: [] };
}

/** A one-field error, the common case for text a tool could not read. */
export function fieldError(field: string, code: string, message: string): FieldError {
  return { field, code, message };
}
