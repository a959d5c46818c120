import type { Card } from "../cards/card-schema.ts";
import type { ToolResult } from "../tools/tool-result.ts";
import { header } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";
import { toolNames, toolResultBlocks } from "./tool-result-blocks.ts";

const verdictWords = { ok: "OK", warning: "worth a look", problem: "problem found", invalid: "input needs fixing" };

/** A tool's answer on its own: verdict, summary, figures, explanation and next steps. */
export function toolResultCard(result: ToolResult): Card {
  const title = `${toolNames[result.tool]}: ${verdictWords[result.verdict]}`;
  return renderCard("tool-result", {
    title,
    header: header(title),
    result: toolResultBlocks(result),
  });
}
