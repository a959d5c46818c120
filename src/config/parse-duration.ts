/** ESCALATION_REMIND_AFTER and the like: a whole number and a unit, seconds, minutes or hours. */
const durationPattern = /^(\d{1,6})\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?)$/i;

const unitMs: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** "90s" → 90000, "30m" → 1800000, "2h" → 7200000; undefined for anything else (the caller says why). */
export function parseDuration(text: string): number | undefined {
  const match = durationPattern.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const ms = Number(match[1]) * (unitMs[match[2][0]?.toLowerCase() ?? ""] ?? Number.NaN);
  return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/** 90000 → "90 s", 1800000 → "30 min", 7200000 → "2 h": for start-up lines and reminders. */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}
