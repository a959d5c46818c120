import type { Report } from "./build-report.ts";
import { csvRow } from "./csv-row.ts";

/**
 * The columns of the single CSV table. One rectangular table (rather than one block per section) so any
 * CSV reader or spreadsheet can load it; the `section` column says what a row is and which columns it
 * fills: "total" and "playbook" rows the counts and rates, "unmatched" and "low-confidence" rows the
 * question text, kind, count and last time (low-confidence rows also the best-guess playbook and the
 * lowest confidence). Rates are fractions 0..1 with four decimals; empty means "no base to divide by".
 */
export const csvColumns = [
  "section",
  "playbook",
  "questions",
  "walkthroughs_started",
  "walkthroughs_completed",
  "completion_rate",
  "drop_off_step",
  "drop_off_count",
  "resolved",
  "not_resolved",
  "escalations",
  "escalation_rate",
  "question_text",
  "question_kind",
  "count",
  "confidence",
  "last_asked_at",
] as const;

type Column = (typeof csvColumns)[number];
type Row = Partial<Record<Column, string | number | null>>;

export function reportToCsv(report: Report): string {
  const rows: Row[] = [];
  const t = report.totals;
  rows.push({
    section: "total",
    playbook: "(all)",
    questions: t.questions,
    walkthroughs_started: t.walkthroughsStarted,
    walkthroughs_completed: t.walkthroughsCompleted,
    completion_rate: rate(t.completionRate),
    resolved: t.resolved,
    not_resolved: t.notResolved,
    escalations: t.escalations,
    escalation_rate: rate(t.escalationRate),
  });
  for (const p of report.playbooks) {
    rows.push({
      section: "playbook",
      playbook: p.playbook,
      questions: p.questions,
      walkthroughs_started: p.walkthroughsStarted,
      walkthroughs_completed: p.walkthroughsCompleted,
      completion_rate: rate(p.completionRate),
      drop_off_step: p.dropOff?.step ?? null,
      drop_off_count: p.dropOff?.count ?? null,
      resolved: p.resolved,
      not_resolved: p.notResolved,
      escalations: p.escalations,
      escalation_rate: rate(p.escalationRate),
    });
  }
  for (const [section, list] of [
    ["unmatched", report.unmatched],
    ["low-confidence", report.lowConfidenceQuestions],
  ] as const) {
    for (const q of list) {
      rows.push({
        section,
        playbook: q.bestGuess ?? null,
        question_text: q.text,
        question_kind: q.kind,
        count: q.count,
        confidence: q.confidence === undefined ? null : round(q.confidence),
        last_asked_at: q.lastAt,
      });
    }
  }
  return csvRow(csvColumns) + rows.map((row) => csvRow(csvColumns.map((c) => row[c] ?? null))).join("");
}

function rate(value: number | null): number | null {
  return value === null ? null : round(value);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
