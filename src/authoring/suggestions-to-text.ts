import type { SetScore } from "./propose-change.ts";
import type { Suggestion } from "./suggest.ts";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The inbox as a playbook author reads it in a terminal: one block per group, most asked first. */
export function suggestionsToText(suggestions: readonly Suggestion[], since?: string): string {
  if (suggestions.length === 0) {
    return `No unmatched or low-confidence questions${since ? ` since ${since.slice(0, 10)}` : ""}: nothing to suggest.`;
  }
  const asked = suggestions.reduce((n, s) => n + s.group.asked, 0);
  const lines = [
    `${suggestions.length} group(s) from ${asked} unmatched or low-confidence question(s)${since ? ` since ${since.slice(0, 10)}` : ""}.`,
  ];
  suggestions.forEach((s, i) => {
    const { group, proposal } = s;
    lines.push("", `${i + 1}. "${group.name}": asked ${group.asked}×, ${group.questions.length} wording(s)`);
    for (const q of group.representatives) lines.push(`   - "${q.text}" (${q.count}×, ${q.kind})`);
    if (proposal.kind === "trigger") {
      lines.push(`   Proposal: add the trigger "${proposal.phrase}" to ${proposal.playbook}`);
      lines.push(
        `   It would answer ${proposal.covers.after} of ${proposal.covers.of} askings with ${proposal.playbook} (today ${proposal.covers.before}).`,
      );
      for (const e of proposal.eval) lines.push(`   ${evalLine(e.before, e.after)}`);
    } else if (proposal.kind === "not-a-question") {
      lines.push(`   Nothing to do: ${proposal.what}, not a question; no playbook or trigger to write.`);
    } else if (proposal.kind === "answered-now") {
      lines.push(`   Nothing to do: ${proposal.playbook} answers all of these now.`);
    } else {
      lines.push(`   Proposal: a new topic (${proposal.reason}).`);
    }
  });
  return lines.join("\n");
}

function evalLine(before: SetScore, after: SetScore): string {
  const part = (name: string, b: number, a: number) => `${name} ${pct(b)} → ${pct(a)}`;
  return `${before.set}: ${[
    part("top-1", before.top1, after.top1),
    part("OOS precision", before.oosPrecision, after.oosPrecision),
    part("OOS recall", before.oosRecall, after.oosRecall),
  ].join(", ")}`;
}
