import type { Card } from "../cards/card-schema.ts";
import { fields, header, list, percent, quoted, table, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";

/** Usage figures the engine counts; plain data. */
export interface StatsView {
  /** e.g. "last 7 days" */
  period: string;
  questions: number;
  perPlaybook: {
    title: string;
    questions: number;
    walkthroughsStarted: number;
    walkthroughsCompleted: number;
    escalations: number;
  }[];
  unmatched: { query: string; count: number }[];
  lowConfidence: { query: string; playbook: string; confidence: number }[];
  /** Where walkthroughs were abandoned: the step and how many stopped there. */
  dropOff: { playbook: string; step: string; count: number }[];
}

const rate = (part: number, whole: number) => (whole > 0 ? percent(part / whole) : "n/a");

/** Which playbooks people use, where walkthroughs stop, and what the bot could not answer. */
export function statsCard(view: StatsView): Card {
  const sum = (key: "walkthroughsStarted" | "walkthroughsCompleted" | "escalations") =>
    view.perPlaybook.reduce((n, p) => n + p[key], 0);
  const started = sum("walkthroughsStarted");
  const unmatchedCount = view.unmatched.reduce((n, u) => n + u.count, 0);
  return renderCard("stats", {
    title: `cpbot stats (${view.period})`,
    header: header(`cpbot stats (${view.period})`),
    totals: fields([
      ["Questions", String(view.questions)],
      ["Unmatched", `${unmatchedCount} (${rate(unmatchedCount, view.questions)})`],
      [
        "Walkthroughs completed",
        `${sum("walkthroughsCompleted")} of ${started} (${rate(sum("walkthroughsCompleted"), started)})`,
      ],
      ["Escalation rate", `${rate(sum("escalations"), started)} of walkthroughs`],
    ]),
    perPlaybook: table(
      "Questions per playbook",
      ["Playbook", "Questions", "Completed", "Escalated"],
      [...view.perPlaybook]
        .sort((a, b) => b.questions - a.questions)
        .map((p) => [
          p.title,
          String(p.questions),
          `${p.walkthroughsCompleted}/${p.walkthroughsStarted}`,
          String(p.escalations),
        ]),
    ),
    dropOff: list(
      "Where walkthroughs stop",
      view.dropOff.map((d) => `${d.playbook}, step ${quoted(d.step)}: ${d.count}`),
    ),
    unmatched: list(
      "Unmatched questions",
      view.unmatched.map((u) => `${quoted(u.query)} ×${u.count}`),
    ),
    lowConfidence: list(
      "Low-confidence matches",
      view.lowConfidence.map((l) => `${quoted(l.query)} → ${l.playbook} (${percent(l.confidence)})`),
    ),
    empty: view.questions === 0 ? text("No questions yet in this period.", "muted") : null,
  });
}
