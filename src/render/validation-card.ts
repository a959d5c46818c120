import type { Card } from "../cards/card-schema.ts";
import type { ToolResult } from "../tools/tool-result.ts";
import { header, list, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";
import { fieldErrors, toolNames } from "./tool-result-blocks.ts";

/** Is this input acceptable? Field by field: what is wrong and what is expected. */
export function validationCard(result: ToolResult): Card {
  const name = toolNames[result.tool];
  const ok = result.errors.length === 0 && result.verdict !== "invalid";
  const title = ok ? `${name}: input looks good` : `${name}: input needs fixing`;
  const count = result.errors.length;
  return renderCard("validation", {
    title,
    header: header(title),
    summary: text(result.summary, ok ? "success" : "error"),
    problems: count > 0 ? text(`${count} problem${count === 1 ? "" : "s"} to fix:`) : null,
    errors: fieldErrors(result),
    explanation: list(undefined, result.explanation),
    next: list("Next", result.next),
  });
}
