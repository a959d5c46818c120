import type { AnalyticsEvent, EscalationRecord, EscalationStatus } from "../store/store.ts";

/** What can happen to an escalation, as the audit log names it. */
export type EscalationAuditAction =
  | "escalation-opened"
  | "escalation-claimed"
  | "escalation-need-info"
  | "escalation-resolved"
  | "escalation-reopened"
  | "escalation-cancelled"
  | "escalation-info-given"
  | "evidence-added";

/** The audit action of a lifecycle move into `to` (back to open is a reopening). */
export function transitionAction(to: EscalationStatus): EscalationAuditAction {
  return to === "open" ? "escalation-reopened" : `escalation-${to}`;
}

/** The fields of one audit event, ready for the turn that made the change to record. */
export type AuditFields = Omit<AnalyticsEvent, "type" | "at" | "platform" | "conversation" | "user">;

/**
 * One explicit audit line for an escalation change: who (the turn's person, stored with the event), which
 * escalation, the note or the words given, and the status it moved between. The line is recorded in the
 * same transaction as the change itself, so the log never shows a change that did not happen, nor misses
 * one that did. Text is masked when the log is read (auditEntries), like every audit line.
 */
export function escalationAudit(
  action: EscalationAuditAction,
  escalation: Pick<EscalationRecord, "id" | "playbook" | "status">,
  options: { text?: string | undefined; from?: EscalationStatus; details?: Record<string, unknown> } = {},
): AuditFields {
  const text = options.text?.trim();
  return {
    ...(escalation.playbook ? { playbook: escalation.playbook } : {}),
    ...(text ? { text } : {}),
    data: {
      action,
      escalation: escalation.id,
      ...(options.from !== undefined && options.from !== escalation.status
        ? { from: options.from, to: escalation.status }
        : { status: escalation.status }),
      ...options.details,
    },
  };
}
