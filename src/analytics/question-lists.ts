import type { AnalyticsEvent } from "../store/store.ts";

/** One question playbook authors should look at, grouped with its repeats. */
export interface QuestionEntry {
  text: string;
  kind: "abstain" | "unknown-code" | "match" | "ambiguous";
  count: number;
  /** When it was last asked. */
  lastAt: string;
  /** For low-confidence questions: the playbook the matcher leaned to, and its (lowest) confidence. */
  bestGuess?: string;
  confidence?: number;
}

/** Questions the matcher answered with nothing: abstentions and fault codes no playbook knows. */
export function unmatchedQuestions(events: AnalyticsEvent[]): QuestionEntry[] {
  return group(events.filter((e) => e.type === "abstain" || e.type === "unknown-code"));
}

/** Matches and did-you-means below `threshold`: the questions whose wording the triggers barely cover. */
export function lowConfidenceQuestions(events: AnalyticsEvent[], threshold: number): QuestionEntry[] {
  return group(
    events.filter(
      (e) => (e.type === "match" || e.type === "ambiguous") && e.confidence !== undefined && e.confidence < threshold,
    ),
  );
}

/**
 * Groups the same question asked again (case and spacing aside) so the list is worth reading: most
 * asked first, then most recent. The text shown is the latest wording.
 */
function group(events: AnalyticsEvent[]): QuestionEntry[] {
  const entries = new Map<string, QuestionEntry>();
  for (const event of events) {
    const text = event.text?.trim() || "(no text recorded)";
    const key = [event.type, event.playbook ?? "", text.toLowerCase().replace(/\s+/g, " ")].join("\u0000");
    const entry = entries.get(key);
    if (!entry) {
      entries.set(key, {
        text,
        kind: event.type as QuestionEntry["kind"],
        count: 1,
        lastAt: event.at,
        ...(event.playbook !== undefined ? { bestGuess: event.playbook } : {}),
        ...(event.confidence !== undefined ? { confidence: event.confidence } : {}),
      });
      continue;
    }
    entry.count++;
    if (event.at >= entry.lastAt) {
      entry.lastAt = event.at;
      entry.text = text;
    }
    if (event.confidence !== undefined) entry.confidence = Math.min(entry.confidence ?? 1, event.confidence);
  }
  return [...entries.values()].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt));
}
