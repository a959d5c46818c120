/**
 * Reads a duration as the dashboard shows it: "04:36:54" (Historical Sessions, hh:mm:ss; hours may pass
 * 24) or "9h 4m 54s" (receipts). Returns seconds, or undefined when the text is not a duration or a
 * minute/second field is 60 or more.
 */
export function parseDuration(text: string): number | undefined {
  const clock = /^(\d+):(\d{2}):(\d{2})$/.exec(text.trim());
  if (clock) {
    const [h, m, s] = clock.slice(1).map(Number) as [number, number, number];
    return m < 60 && s < 60 ? h * 3600 + m * 60 + s : undefined;
  }
  const units =
    /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?)?)?)?$/i.exec(
      text.trim(),
    );
  if (!units || units.slice(1).every((part) => part === undefined)) return undefined;
  const [h, m, s] = units.slice(1).map((part) => Number(part ?? 0)) as [number, number, number];
  // "90m" alone is fine; "1h 90m" or "4m 75s" is a typo.
  const hasHours = units[1] !== undefined;
  if ((hasHours && m >= 60) || ((hasHours || units[2] !== undefined) && s >= 60)) return undefined;
  return h * 3600 + m * 60 + s;
}

/** Seconds as hh:mm:ss, the Historical Sessions form. */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
}
