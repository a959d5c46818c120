import type { Playbook } from "../playbooks/playbook-schema.ts";
import { context, fields, list, table } from "./card-blocks.ts";
import { stepItems } from "./step-items.ts";

/**
 * The parts of a playbook's whole article (the guide's page as cpbot knows it): what the overview folds
 * away behind "Show all steps" and the article card shows in full. Templates decide their order.
 */
export function articleParts(playbook: Playbook) {
  return {
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
  };
}

/** The error-log facts (fault code, statuses, alarm) that tell a person they are on the right page. */
export function errorLogFields(playbook: Playbook, brief = false) {
  const logs = playbook.errorLogs;
  if (!logs) return null;
  return fields([
    ["Fault code", logs.faultCodes?.map((f) => `\`${f.code}\` ${f.name}`).join("\n")],
    ["Station status", logs.stationStatus],
    ["Port status", logs.portStatus],
    // The overview keeps only what identifies the fault; the reason and alarm repeat it in other words.
    ["Reason", brief ? undefined : logs.reason],
    ["Alarm", brief ? undefined : logs.alarmNames?.join(", ")],
    ["Station status at time of alarm", brief ? undefined : logs.alarmStationStatus],
  ]);
}
