import type { ToolResult } from "./tool-result.ts";

const verdictLabel: Record<ToolResult["verdict"], string> = {
  ok: "OK",
  warning: "WARNING",
  problem: "PROBLEM",
  invalid: "INVALID INPUT",
};

/**
 * A ToolResult as plain text: the terminal's output and the fallback for chat clients that show no
 * cards. Markdown bold from the playbook wording is dropped, since plain text cannot show it.
 */
export function formatToolResult(result: ToolResult, title: string = result.tool): string {
  const plain = (s: string) => s.replace(/\*\*(.+?)\*\*/g, "$1");
  const lines = [`${verdictLabel[result.verdict]} · ${title} (playbook: ${result.playbook})`, plain(result.summary)];
  if (result.figures.length > 0) {
    const width = Math.min(28, Math.max(...result.figures.map((f) => f.label.length)));
    lines.push("", ...result.figures.map((f) => `  ${f.label.padEnd(width)}  ${f.value}`));
  }
  if (result.errors.length > 0) {
    lines.push("", "Errors:", ...result.errors.map((e) => `  - ${e.field} (${e.code}): ${e.message}`));
  }
  if (result.explanation.length > 0) lines.push("", "Notes:", ...result.explanation.map((e) => `  - ${plain(e)}`));
  if (result.next.length > 0) lines.push("", "Next:", ...result.next.map((n, i) => `  ${i + 1}. ${plain(n)}`));
  return lines.join("\n");
}
