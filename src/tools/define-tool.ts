import type { z } from "zod";
import type { ToolId } from "../playbooks/playbook-schema.ts";
import { fieldErrorsFromZod } from "./field-errors-from-zod.ts";
import { fieldError, invalidResult } from "./invalid-result.ts";
import type { ToolContext, ToolDefinition } from "./tool-definition.ts";
import type { FieldError, ToolResult } from "./tool-result.ts";

/** What a tool's text parser hands back: input for the schema, or what it could not read. */
export type TextParse = { ok: true; input: unknown } | { ok: false; errors: FieldError[] };

/** Beyond this a paste is not something a person typed; refuse before any regex runs over it. */
export const maxTextLength = 20_000;

interface ToolSpec<S extends z.ZodType> {
  id: ToolId;
  title: string;
  playbook: string;
  playbooks?: readonly string[];
  summary: string;
  usage: string;
  examples: readonly string[];
  inputSchema: S;
  /** Field names for "expected fields ..." messages. */
  fields: readonly string[];
  /** `origin` is "text" for `fromText`, where a person typed a shorthand rather than filled in a form. */
  check(input: z.output<S>, playbook: string, origin: "input" | "text"): ToolResult;
  parseText(text: string, context: ToolContext): TextParse;
}

/** Wraps a pure check so callers never see a zod error or an exception from bad input. */
export function defineTool<S extends z.ZodType>(spec: ToolSpec<S>): ToolDefinition {
  const playbooks = spec.playbooks ?? [spec.playbook];
  const playbookFor = (context?: ToolContext): string =>
    context?.playbook && playbooks.includes(context.playbook) ? context.playbook : spec.playbook;
  const expected = [`Expected: /cp ${spec.usage}`, ...spec.examples.map((e) => `Example: ${e}`)];

  const validate = (input: unknown, playbook: string, origin: "input" | "text"): ToolResult => {
    const parsed = spec.inputSchema.safeParse(input);
    if (!parsed.success)
      return invalidResult(spec.id, playbook, fieldErrorsFromZod(parsed.error, spec.fields, input), expected);
    return spec.check(parsed.data, playbook, origin);
  };
  const run = (input: unknown, context?: ToolContext): ToolResult => validate(input, playbookFor(context), "input");

  const fromText = (text: string, context?: ToolContext): ToolResult => {
    const playbook = playbookFor(context);
    if (typeof text !== "string" || text.trim() === "") {
      const error = fieldError("text", "empty", `Nothing to check: type what to check after the command`);
      return invalidResult(spec.id, playbook, [error], expected);
    }
    if (text.length > maxTextLength) {
      const message = `The text is ${text.length} characters; paste at most ${maxTextLength} (only the lines this check needs)`;
      return invalidResult(spec.id, playbook, [fieldError("text", "too_long", message)], expected);
    }
    const parsed = spec.parseText(text, { playbook });
    if (!parsed.ok) return invalidResult(spec.id, playbook, parsed.errors, expected);
    return validate(parsed.input, playbook, "text");
  };

  const { id, title, summary, usage, examples, inputSchema } = spec;
  return { id, title, playbook: spec.playbook, playbooks, summary, usage, examples, inputSchema, run, fromText };
}
