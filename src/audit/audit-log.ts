import { maskPersonalData } from "../authoring/mask-personal-data.ts";
import type { AnalyticsEvent } from "../store/store.ts";

/** One line of the audit log as `cpbot audit` shows it. */
export interface AuditEntry {
  at: string;
  /** answer, escalation-opened, escalation-claimed, escalation-need-info, escalation-resolved, escalation-open, evidence-added, started, playbooks-reloaded. */
  action: string;
  /** Who did it (a platform user id), or "cpbot" for what the bot did on its own. */
  by: string;
  platform: string;
  conversation?: string;
  escalation?: string;
  playbook?: string;
  /** Free text (a note, a question), with personal data masked. */
  text?: string;
  /** The content hash of the answer sent, for "answer". */
  digest?: string;
  details?: Record<string, unknown>;
}

/**
 * Reads the append-only audit records out of the event log, oldest first, with personal data masked.
 * Text older than the retention period is already gone from the store; what remains is masked here too,
 * so an export of the audit log never carries an e-mail address, phone number or pasted token.
 */
export function auditEntries(events: readonly AnalyticsEvent[]): AuditEntry[] {
  return events
    .filter((e) => e.type === "audit")
    .map((e) => {
      const data = (e.data ?? {}) as Record<string, unknown>;
      const { action, escalation, digest, by, ...rest } = data;
      delete rest.cards;
      delete rest.input;
      const entry: AuditEntry = {
        at: e.at,
        action: typeof action === "string" ? action : "unknown",
        by: typeof by === "string" ? by : (e.user ?? "cpbot"),
        platform: e.platform,
        ...(e.conversation ? { conversation: e.conversation } : {}),
        ...(typeof escalation === "string" ? { escalation } : {}),
        ...(e.playbook ? { playbook: e.playbook } : {}),
        ...(e.text ? { text: maskPersonalData(e.text) } : {}),
        ...(typeof digest === "string" ? { digest } : {}),
      };
      if (Object.keys(rest).length > 0) entry.details = JSON.parse(maskPersonalData(JSON.stringify(rest)));
      return entry;
    })
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** The audit log as aligned text lines for a terminal. */
export function auditToText(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return "The audit log has no entries for that period.";
  return entries
    .map((e) => {
      const what = [e.escalation, e.playbook, e.text ? `"${e.text}"` : undefined, e.digest?.slice(0, 19)]
        .filter(Boolean)
        .join(" ");
      return `${e.at}  ${e.action.padEnd(20)} ${e.by.padEnd(12)} ${e.platform.padEnd(6)} ${what}`.trimEnd();
    })
    .join("\n");
}
