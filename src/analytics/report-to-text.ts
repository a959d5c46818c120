import type { QuestionEntry, Report } from "./build-report.ts";
import { formatTable, percent } from "./format-table.ts";

const kindLabel: Record<QuestionEntry["kind"], string> = {
  abstain: "no match",
  "unknown-code": "unknown fault code",
  match: "match",
  ambiguous: "did you mean",
};

/** The report as plain text, for `cpbot report` and `/cp stats` (in a code block). */
export function reportToText(report: Report): string {
  const t = report.totals;
  const window = report.since ? `since ${report.since.slice(0, 10)}` : "all time";
  const span =
    report.firstAt && report.lastAt ? `, ${report.firstAt.slice(0, 10)} → ${report.lastAt.slice(0, 10)}` : "";
  const out = [`cpbot report: ${window} (${report.events} events${span})`, ""];
  if (report.events === 0) {
    out.push("Nothing recorded in this period yet.");
    return out.join("\n");
  }
  out.push(
    `Questions: ${t.questions} · matched ${t.matched} · did-you-mean ${t.ambiguous} · unmatched ${t.unmatched} · ` +
      `low confidence (< ${report.lowConfidence}) ${t.lowConfidence}`,
    `Walkthroughs: ${t.walkthroughsStarted} started · ${t.walkthroughsCompleted} completed (${percent(t.completionRate)}) · ` +
      `fixed ${t.resolved} · not fixed ${t.notResolved}`,
    `Did this help: ${t.feedback.fixed} yes · ${t.feedback.notFixed} no (first answers and walkthrough ends)`,
    `Escalations: ${t.escalations} (${percent(t.escalationRate)} of ${t.walkthroughsStarted > 0 ? "walkthroughs" : "questions"})`,
    "",
    "Per playbook",
    formatTable(
      [
        "playbook",
        "questions",
        "walkthroughs",
        "completed",
        "drop-off step (unfinished)",
        "fixed",
        "not fixed",
        "escalated",
        "esc. rate",
      ],
      report.playbooks.map((p) => [
        p.playbook,
        String(p.questions),
        String(p.walkthroughsStarted),
        `${p.walkthroughsCompleted} (${percent(p.completionRate)})`,
        p.dropOff ? `${p.dropOff.step} (${p.dropOff.count})` : "—",
        String(p.resolved),
        String(p.notResolved),
        String(p.escalations),
        percent(p.escalationRate),
      ]),
    ),
    "",
  );
  out.push("Unmatched questions: add triggers or a playbook for these");
  out.push(
    report.unmatched.length === 0
      ? "  none"
      : formatTable(
          ["times", "question", "why", "last asked"],
          report.unmatched.map((q) => [
            `${q.count}×`,
            q.text,
            kindLabel[q.kind],
            q.lastAt.slice(0, 16).replace("T", " "),
          ]),
        ),
    "",
  );
  out.push(`Low-confidence questions (below ${report.lowConfidence}): strengthen the triggers of the best guess`);
  out.push(
    report.lowConfidenceQuestions.length === 0
      ? "  none"
      : formatTable(
          ["times", "question", "best guess", "confidence", "last asked"],
          report.lowConfidenceQuestions.map((q) => [
            `${q.count}×`,
            q.text,
            q.bestGuess ?? "—",
            q.confidence === undefined ? "—" : q.confidence.toFixed(2),
            q.lastAt.slice(0, 16).replace("T", " "),
          ]),
        ),
  );
  return out.join("\n");
}
