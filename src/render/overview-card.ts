import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { actions, button, context, fields, header, list, percent, quoted, table, text } from "./card-blocks.ts";
import { renderCard } from "./render-card.ts";
import { stepItems } from "./step-items.ts";

export interface OverviewOptions {
  /** Other close matches, named on the card; "Not this one?" is offered whenever `query` is set. */
  alternatives?: { playbook: Pick<Playbook, "id" | "title">; confidence?: number }[];
  /** Match confidence, 0..1. */
  confidence?: number;
  /** Why the matcher chose this playbook, one reason per line (shown so the match is explainable). */
  explanation?: string | string[];
  /** What the person asked. */
  query?: string;
}

function matchContext(playbook: Playbook, options: OverviewOptions): string | undefined {
  const parts: string[] = [];
  if (options.query !== undefined) parts.push(`You asked ${quoted(options.query)}`);
  if (options.confidence !== undefined) parts.push(`match ${percent(options.confidence)}`);
  const why = typeof options.explanation === "string" ? [options.explanation] : (options.explanation ?? []);
  if (why.length > 0) parts.push(`because ${why.join("; ")}`);
  if (parts.length === 0) return undefined;
  return `${parts.join(" · ")} · ${playbook.section} › ${playbook.article}`;
}

function errorLogFields(playbook: Playbook) {
  const logs = playbook.errorLogs;
  if (!logs) return null;
  return fields([
    ["Fault code", logs.faultCodes?.map((f) => `\`${f.code}\` ${f.name}`).join("\n")],
    ["Station status", logs.stationStatus],
    ["Port status", logs.portStatus],
    ["Reason", logs.reason],
    ["Alarm", logs.alarmNames?.join(", ")],
    ["Station status at time of alarm", logs.alarmStationStatus],
  ]);
}

/** The playbook at a glance: how to recognise the fault, what to do step by step, and when to escalate. */
export function overviewCard(playbook: Playbook, options: OverviewOptions = {}): Card {
  const ref = { playbook: playbook.id, ...(options.query !== undefined ? { query: options.query } : {}) };
  const alternatives = options.alternatives ?? [];
  return renderCard("overview", {
    title: playbook.title,
    header: header(playbook.title),
    summary: text(playbook.summary),
    match: context(matchContext(playbook, options)),
    errorLogs: errorLogFields(playbook),
    symptoms: list("Symptoms", playbook.symptoms),
    who: fields([["Who can do this", playbook.roles.join(", ")]]),
    prerequisites: list("Before you start", playbook.prerequisites),
    background: playbook.background.map((b) => list(b.title, b.points)),
    troubleshooting:
      playbook.troubleshooting.length > 0
        ? { type: "steps", title: "Troubleshooting", items: stepItems(playbook.troubleshooting, playbook) }
        : null,
    solution: { type: "steps", title: "Solution", items: stepItems(playbook.solution, playbook) },
    branches: playbook.branches.map((b) => ({
      type: "steps",
      title: `${b.label} (${b.when})`,
      items: stepItems(b.steps, playbook),
    })),
    reference: playbook.reference.map((r) => [table(r.title, r.columns, r.rows), context(r.notes?.join("\n"))]),
    escalateWhen: list(
      "Escalate to Support when",
      playbook.escalation.when.map((r) => r.text),
    ),
    evidence: list(
      "Have this ready for Support",
      playbook.escalation.evidence.map((e) => (e.required ? e.label : `${e.label} (if available)`)),
    ),
    alternatives:
      alternatives.length > 0
        ? context(
            `Also close: ${alternatives.map((a) => `${a.playbook.title}${a.confidence === undefined ? "" : ` (${percent(a.confidence)})`}`).join(", ")}`,
          )
        : null,
    actions: actions([
      button("Start walkthrough", cardActions.walkStart, ref, "primary"),
      button("Escalate", cardActions.escalate, ref),
      // Whenever the card answers a question, the person can say it is the wrong one.
      options.query !== undefined && button("Not this one?", cardActions.alternatives, ref),
    ]),
  });
}
