/**
 * A screen that says Available while the driver may not charge is the Waitlist's symptom.
 *
 * The Waitlist's first symptom reads "The charging station screen shows the message Available. However,
 * user is not allowed to charge." (someone else is waiting, or the station is held for the queue). Access
 * Control's is the screen's own refusal, "Access Restricted/Access Denied". So "Available" on the screen
 * beside a driver who cannot start or is not let in ("shows available but won't let her charge") is the
 * Waitlist's, unless the screen refused in words (who-may-charge.ts reads that).
 */
const refusedWords = new Set(["allowed", "let", "start", "charge", "permitted"]);
const notWords = new Set(["not", "cannot", "never", "unable", "still", "yet", "but"]);
const shownWords = new Set(["screen", "display", "says", "shows", "showing", "said", "station", "charger", "on"]);

export const availableCues: ReadonlySet<string> = new Set(["available"]);

export function saysAvailableButRefused(words: readonly string[]): boolean {
  const at = words.indexOf("available");
  // "not available" is the opposite; "available" must be what the screen or station shows.
  if (at < 0 || words[at - 1] === "not" || !words.slice(Math.max(0, at - 3), at + 3).some((w) => shownWords.has(w)))
    return false;
  for (let i = at + 1; i < words.length && i <= at + 12; i++) {
    if (refusedWords.has(words[i]!) && words.slice(Math.max(at, i - 4), i).some((w) => notWords.has(w))) return true;
  }
  return false;
}
