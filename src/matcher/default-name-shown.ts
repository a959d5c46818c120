/**
 * A screen that shows CHARGEPOINT / STATION instead of the site's name is a station that lost its record:
 * Replace Hardware's symptom ("The charging station screen shows the message: CHARGEPOINT / STATION") and
 * Station Unreachable's ("Station Name changing to ChargePoint/Station"). Drivers and residents forward it
 * with their own setting ("every time I plug in the screen says CHARGEPOINT / STATION instead of the
 * building name"), and the setting is only where they saw it (residential-setting.ts drops it once this
 * concept is read).
 */
const shownWords = new Set(["says", "shows", "showing", "displays", "reads", "saying", "screen", "display", "name"]);

/** "the screen says CHARGEPOINT / STATION", "its name went to chargepoint station". */
export function saysDefaultNameShown(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] !== "chargepoint" || words[i + 1] !== "station") continue;
    if (words.slice(Math.max(0, i - 4), i).some((w) => shownWords.has(w))) return true;
  }
  return false;
}

/** Words without one of which the rule cannot fire. */
export const defaultNameCues: ReadonlySet<string> = new Set(["chargepoint"]);
