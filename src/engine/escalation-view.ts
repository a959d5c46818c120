import type { PlaybookRegistry } from "../playbooks/playbook-registry.ts";
import type { EscalationStatusUpdate, EscalationView } from "../render/escalation-card.ts";
import type { EscalationHistoryEntry, EscalationRecord } from "../store/store.ts";
import type { Handoff } from "./build-handoff.ts";

/** The handoff JSON of a stored escalation; tolerant of rows written by an older build. */
export function handoffOf(record: EscalationRecord): Handoff {
  const h = (record.handoff ?? {}) as Partial<Handoff>;
  return {
    trigger: h.trigger ?? "button",
    ...(h.question ? { question: h.question } : {}),
    ...(h.playbook ? { playbook: h.playbook } : {}),
    ...(h.walkthrough ? { walkthrough: h.walkthrough } : {}),
    stepsDone: h.stepsDone ?? [],
    stepsSkipped: h.stepsSkipped ?? [],
    inputs: h.inputs ?? [],
    evidence: h.evidence ?? [],
    ...(h.ref ? { ref: h.ref } : {}),
  };
}

/** What the escalation is about, in a few words, for status notices that stand on their own. */
export function subjectOf(record: EscalationRecord): string {
  const h = handoffOf(record);
  return h.playbook?.title ?? (h.question ? `“${h.question}”` : "question");
}

export function statusUpdate(record: EscalationRecord, entry: EscalationHistoryEntry): EscalationStatusUpdate {
  return {
    escalation: record.id,
    status: entry.to,
    ...(entry.from ? { previous: entry.from } : {}),
    by: entry.by,
    at: entry.at,
    ...(entry.note ? { note: entry.note } : {}),
    subject: subjectOf(record),
  };
}

/** The handoff card's view, rebuilt from the stored row so it reads the same after a restart. */
export function escalationView(record: EscalationRecord, registry: PlaybookRegistry): EscalationView {
  const h = handoffOf(record);
  const current = h.playbook ? registry.get(h.playbook.id) : undefined;
  // The walkthrough may have run on an older version than the one loaded now; show the one it ran on.
  const playbook = current && h.playbook ? { ...current, version: h.playbook.version } : undefined;
  const o = record.origin;
  // Without a permalink (terminal, a DM) the conversation's ids still let Support find the thread.
  const link = o.permalink ?? `${o.platform} ${o.channelId}${o.threadId ? `, thread ${o.threadId}` : ""}`;
  return {
    id: record.id,
    ...(h.ref ? { ref: h.ref } : {}),
    status: record.status,
    requester: record.requester,
    ...(record.claimedBy ? { assignee: record.claimedBy } : {}),
    openedAt: record.createdAt,
    originLink: link,
    ...(h.question ? { question: h.question } : {}),
    ...(playbook ? { playbook } : {}),
    stepsDone: h.stepsDone.map((s) => s.id),
    stepsSkipped: h.stepsSkipped.map((s) => s.id),
    inputs: h.inputs.map((i) => ({ step: i.step, label: i.label, value: i.text })),
    toolResults: h.inputs.flatMap((i) => (i.result ? [i.result] : [])),
    evidence: h.evidence.map((e) => ({
      label: e.label,
      required: e.required,
      provided: e.value !== undefined,
      ...(e.value !== undefined ? { value: e.value } : {}),
    })),
    ...(record.note ? { note: record.note } : {}),
    history: record.history.map((entry) => statusUpdate(record, entry)),
  };
}
