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
  // A rate that fell and stayed: "dropped to 1.4 kW".
  ...["dropped", "drops", "dropping", "fell", "falls", "throttled", "throttles"],
]);
/** After the reading: "1.4 kW max", "12 amps tops". */
const holdAfter = new Set(["max", "maximum", "tops", "at", "most"]);
const rateUnits = new Set(["amp", "amps", "kw"]);
/** Words without which neither test can fire (word-gates.ts): a rate's unit. */
const unitCues = new Set(["amp", "amps", "kw", "kwh", "miles", "mile", "mi", "km", "kilometers"]);
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
export const rateHeldLowCues: ReadonlySet<string> = unitCues;

/** A second car is Circuit Sharing's split, not a rate held low (power-split.ts): "3 kW with two cars on". */
const secondCar = /\b(?:2|two|both|second|another) (?:cars?|vehicles?|evs?|ports?)\b/;

function heldReading(words: readonly string[], zero: boolean): boolean {
  if (words.some((w) => settingWords.has(w))) return false;
  if (!zero && secondCar.test(words.join(" "))) return false;
  for (let i = 1; i + 1 < words.length; i++) {
    if (!rateUnits.has(words[i + 1]!) || ratedThings.has(words[i + 2] ?? "")) continue;
    const n = Number(words[i]);
    if (!Number.isFinite(n) || words[i]!.length === 0 || (n === 0) !== zero) continue;
    if (words.slice(Math.max(0, i - holdWindow), i).some((w) => holdWords.has(w))) return true;
    if (holdAfter.has(words[i + 2] ?? "") && (words[i + 2] !== "at" || words[i + 3] === "most")) return true;
  }
  return false;
}

/** "7 miles of range per hour", "12 km an hour": range gained per hour, the driver's reading of the rate. */
const rangeUnits = new Set(["miles", "mile", "mi", "km", "kilometers", "kw"]);
const perHour = new Set(["per", "an", "a", "each", "every"]);
const slowWords = new Set(["only", "just", "barely", "slow", "slower", "slowly", "hardly"]);

function slowRangePerHour(words: readonly string[]): boolean {
  if (!words.some((w) => slowWords.has(w)) || words.some((w) => settingWords.has(w))) return false;
  if (secondCar.test(words.join(" "))) return false;
  for (let i = 0; i + 2 < words.length; i++) {
    if (!rangeUnits.has(words[i + 1]!) || !Number.isFinite(Number(words[i]))) continue;
    const k = words[i + 2] === "of" ? i + 4 : i + 2;
    if (perHour.has(words[k] ?? "") && words[k + 1] === "hour") return true;
  }
  return false;
}

/**
 * "got 3 kWh in 5 hours", "plugged in 6 hours and got 9 kWh": energy over a session's hours whose average is
 * under what any Level 2 station gives alone (the guide's lowest expected rate is 3.3 kW, two cars sharing a
 * 6.6 kW station), so the figures themselves are the slow charge.
 */
const hourWords = new Set(["hours", "hour", "hrs", "hr"]);
const slowAverage = 2.5;
const pairWindow = 6;
function littleEnergyOverHours(words: readonly string[]): boolean {
  if (words.some((w) => settingWords.has(w) || w === "dollars") || secondCar.test(words.join(" "))) return false;
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i + 1] !== "kwh") continue;
    const energy = Number(words[i]);
    if (!(energy > 0)) continue;
    for (let k = Math.max(0, i - pairWindow); k < Math.min(words.length - 1, i + 2 + pairWindow); k++) {
      const hours = Number(words[k]);
      if (k === i || !hourWords.has(words[k + 1]!) || !(hours >= 1 && hours <= 24)) continue;
      if (energy / hours < slowAverage) return true;
    }
  }
  return false;
}

/** "stuck at 16 amp", "capped at 3 kw", "only 7 miles of range per hour": a rate held low. */
export function saysRateHeldLow(words: readonly string[]): boolean {
  return heldReading(words, false) || slowRangePerHour(words) || littleEnergyOverHours(words);
}

/** "drawing 0.0 kw", "stuck at 0 amps": nothing flowing. */
export function saysRateAtZero(words: readonly string[]): boolean {
  return heldReading(words, true);
}
