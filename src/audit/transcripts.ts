import type { AnalyticsEvent } from "../store/store.ts";
import type { TurnData } from "./turn-record.ts";

/** One stored conversation, as `cpbot transcript list` shows it. */
export interface TranscriptSummary {
  /** The session key: platform:channel:thread (the terminal's `--thread NAME` is cli:terminal:NAME). */
  thread: string;
  startedAt: string;
  /** Messages and /cp commands asked in the thread (button presses are not questions). */
  questions: number;
  /** Playbooks the thread was answered with, in order of first appearance. */
  playbooks: string[];
  /** escalated, resolved, not-resolved, completed, unmatched or answered: how the thread ended. */
  outcome: string;
}

/** A conversation's answered turns, oldest first, from the audit records. */
export function turnsOf(
  events: readonly AnalyticsEvent[],
  thread: string,
): { event: AnalyticsEvent; turn: TurnData }[] {
  return events
    .filter(
      (e) => e.type === "audit" && e.conversation === thread && (e.data as TurnData | undefined)?.action === "answer",
    )
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((event) => ({ event, turn: event.data as TurnData }));
}

/**
 * The recent conversations, newest first: each thread's first turn, how many questions it had, the
 * playbooks it met and its outcome, from the audit records and the analytics events of the same thread.
 */
export function listTranscripts(events: readonly AnalyticsEvent[]): TranscriptSummary[] {
  const byThread = new Map<string, AnalyticsEvent[]>();
  for (const e of events) {
    if (!e.conversation) continue;
    byThread.set(e.conversation, [...(byThread.get(e.conversation) ?? []), e]);
  }
  const out: (TranscriptSummary & { lastAt: string })[] = [];
  for (const [thread, list] of byThread) {
    const turns = list.filter((e) => e.type === "audit" && (e.data as TurnData | undefined)?.action === "answer");
    if (turns.length === 0) continue;
    const sorted = [...list].sort((a, b) => a.at.localeCompare(b.at));
    const playbooks = [...new Set(sorted.flatMap((e) => (e.type !== "audit" && e.playbook ? [e.playbook] : [])))];
    out.push({
      thread,
      startedAt: turns.map((t) => t.at).sort()[0]!,
      questions: turns.filter((t) => (t.data as TurnData).input.kind !== "action").length,
      playbooks,
      outcome: outcomeOf(sorted),
      lastAt: sorted.at(-1)!.at,
    });
  }
  return out
    .sort((a, b) => b.lastAt.localeCompare(a.lastAt) || a.thread.localeCompare(b.thread))
    .map(({ lastAt: _, ...summary }) => summary);
}

/** The last thing that settled the thread; a thread that only asked is "answered" or "unmatched". */
function outcomeOf(sorted: readonly AnalyticsEvent[]): string {
  const settled: Partial<Record<AnalyticsEvent["type"], string>> = {
    escalation: "escalated",
    resolved: "resolved",
    "not-resolved": "not-resolved",
    "walkthrough-complete": "completed",
  };
  for (const e of [...sorted].reverse()) {
    const outcome = settled[e.type];
    if (outcome) return outcome;
  }
  const matched = sorted.some((e) => e.type === "match");
  return matched ? "answered" : "unmatched";
}
