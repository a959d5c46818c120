/**
 * A charging rate read off the dashboard and said to be held down (eleventh round): "stuck at 16 A the whole
 * session", "capped at 3 kW", "never goes above 12 amps", "drawing 0.0 kW". The number carries the symptom:
 * the guide's Slow Charging compares the session's rate with what the breakers give (40 A: 6.6 kW), and a rate
 * of zero is Zero Energy Dispensed. A breaker's own rating ("a 40 A breaker"), a setting being chosen ("set
 * Power Select to 32 A") and money are no reading.
 */
const holdWords = new Set([
  ...["stuck", "capped", "cap", "maxes", "maxing", "max", "tops", "topping", "peaks", "peaking", "limited"],
  ...["drawing", "pulling", "sits", "sitting", "stays", "staying", "hovering", "hovers", "locked", "never"],
]);
const rateUnits = new Set(["amp", "amps", "kw"]);
/** The number is a rating when one of these follows its unit: "40 amp breaker", "32 amp circuit". */
const ratedThings = new Set(["breaker", "breakers", "circuit", "circuits", "service", "panel", "feed", "rated"]);
/** A setting being chosen, or money: not a reading. */
const settingWords = new Set([
  ...["set", "setting", "select", "jumper", "jumpers", "configure", "configured", "dollars"],
  // The site's capacity is a plan, not a reading: "only 2 kW of headroom on the panel".
  ...["headroom", "capacity", "panel"],
]);
const holdWindow = 3;

/** Words without which neither test can fire (word-gates.ts). */
export const rateHeldLowCues: ReadonlySet<string> = rateUnits;

/** A second car is Circuit Sharing's split, not a rate held low (power-split.ts): "3 kW with two cars on". */
const secondCar = /\b(?:2|two|both|second|another|other) (?:cars?|vehicles?|evs?|ports?)\b/;

function heldReading(words: readonly string[], zero: boolean): boolean {
  if (words.some((w) => settingWords.has(w))) return false;
  if (!zero && secondCar.test(words.join(" "))) return false;
  for (let i = 1; i + 1 < words.length; i++) {
    if (!rateUnits.has(words[i + 1]!) || ratedThings.has(words[i + 2] ?? "")) continue;
    const n = Number(words[i]);
    if (!Number.isFinite(n) || words[i]!.length === 0 || (n === 0) !== zero) continue;
    if (words.slice(Math.max(0, i - holdWindow), i).some((w) => holdWords.has(w))) return true;
  }
  return false;
}

/** "stuck at 16 amp", "capped at 3 kw": a rate held low. */
export function saysRateHeldLow(words: readonly string[]): boolean {
  return heldReading(words, false);
}

/** "drawing 0.0 kw", "stuck at 0 amps": nothing flowing. */
export function saysRateAtZero(words: readonly string[]): boolean {
  return heldReading(words, true);
}
