/**
 * Old text still on a station's screen is Station Messages': the article creates the message and applies it
 * ("please allow 2-5 minutes for all the stations to have the configuration updated"). People report the
 * text that should have gone ("the screen text still shows last month's promo", "the display still has the
 * old greeting"), not the Station Message. A screen that still shows a status (Unavailable, Access Denied,
 * CHARGEPOINT / STATION) reports that state, and the status words keep their own articles.
 */
const screenWords = new Set(["screen", "screens", "display", "displays", "kiosk", "lcd"]);
const textWords = new Set(["text", "message", "wording", "greeting", "promo", "banner", "notice", "announcement"]);
const staleWords = new Set(["still", "old", "outdated", "previous", "expired", "stale", "last"]);
const statusWords = new Set([
  ...["unavailable", "denied", "restricted", "chargepoint", "faulted", "fault", "error", "offline", "available"],
  ...["service", "unreachable", "access"],
]);

/** "the screen text still shows last month's promo", "old greeting still on the display". */
export function saysStaleScreenText(words: readonly string[]): boolean {
  if (!words.some((w) => staleWords.has(w)) || words.some((w) => statusWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (!textWords.has(words[i]!)) continue;
    const near = words.slice(Math.max(0, i - 4), i + 6);
    if (near.some((w) => screenWords.has(w)) && near.some((w) => staleWords.has(w))) return true;
  }
  return false;
}

/** Words without one of which the rule cannot fire. */
export const staleScreenCues: ReadonlySet<string> = staleWords;
