import { unreachableWords } from "./unreachable-words.ts";

/**
 * A new unit in place of the old one that is now unreachable, or shows no name, is Replace Hardware's.
 *
 * Replace Hardware's symptoms are the two things a swapped-in unit shows until it is moved over in the
 * dashboard: "The charging station shows as Unreachable in ChargePoint Cloud Dashboard" and the screen's
 * "CHARGEPOINT / STATION" (its steps then activate the new unit's SIM and power cycle it). Station
 * Unreachable is the same word for a station that was not changed: signal, SIM, a garage. So "unreachable"
 * after a swap ("contractor exchanged the charger, now it's offline", "the replacement won't come online")
 * adds Replace Hardware's concept; a station that loses its connection with nothing replaced stays
 * Unreachable (a denied replacement is dropped before this reads the message: negation-scope.ts).
 */
const doneWords = new Set(["replaced", "swapped", "exchanged", "installed", "mounted"]);
const replacementWords = new Set(["replacement", "swap", "rma", "exchange"]);
const newThings = new Set(["head", "unit", "station", "charger", "hardware", "pedestal", "evse"]);
/** The new unit's trouble, in Replace Hardware's symptoms: unreachable, or the default name on its screen. */
const troubleWords = new Set([
  ...unreachableWords,
  ...["connect", "connecting", "communicate", "talking", "talk", "generic", "default", "name"],
]);

const changeWords = new Set(["change", "changed", "changing", "changeout"]);
const exceptWords = new Set(["only", "except"]);
/** "changed the station name" changes a setting, not the unit. */
const settingsAfter = new Set([
  "name",
  "names",
  "configuration",
  "config",
  "settings",
  "message",
  "messages",
  "price",
  "pricing",
  "policy",
  "address",
  "location",
  "group",
  "password",
]);
const deniedWords = new Set(["not", "no", "nothing", "never", "none"]);

export const afterSwapCues: ReadonlySet<string> = new Set([
  ...doneWords,
  ...replacementWords,
  "new",
  "put",
  "exchanging",
  "replacing",
  "swapping",
  "installing",
  ...changeWords,
  ...exceptWords,
]);

/** A part replaced is not a new unit: "a replacement cable", "swapped the cord". */
const partWords = new Set([
  "cable",
  "cord",
  "plug",
  "connector",
  "holster",
  "handle",
  "sim",
  "card",
  "breaker",
  "fuse",
]);

/** The unit itself within three words after `i`, not one of its settings ("the station name"). */
function unitNamed(words: readonly string[], i: number): boolean {
  for (let k = i + 1; k <= Math.min(words.length - 1, i + 3); k++) {
    if (newThings.has(words[k]!)) return !settingsAfter.has(words[k + 1] ?? "") && !partWords.has(words[k + 1] ?? "");
  }
  return false;
}

function saysReplacementDone(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (doneWords.has(w) || replacementWords.has(w)) {
      if (!partWords.has(words[i + 1] ?? "") && !partWords.has(words[i + 2] ?? "")) return true;
      continue;
    }
    // "we put in a new one", "the new unit", "a new head went in".
    if (w === "put" && (words[i + 1] === "in" || words[i + 1] === "up")) return true;
    if (w === "new" && newThings.has(words[i + 1] ?? "")) return true;
    // "we changed the unit", "changed out the head": a change whose object is the unit itself.
    // "the name changed to CHARGEPOINT / STATION" is what it became, not a unit changed.
    if (changeWords.has(w) && words[i + 1] !== "to" && unitNamed(words, i)) return true;
    // "no settings changed, only the physical unit": what the denial leaves is the unit (the denied change
    // word itself is gone, see negation-scope.ts).
    if (exceptWords.has(w) && unitNamed(words, i)) {
      if (words.slice(Math.max(0, i - 8), i).some((x) => deniedWords.has(x))) return true;
    }
    // "after exchanging the charger", "since replacing the head".
    if ((w === "after" || w === "since") && /^(exchang|replac|swapp|install)/.test(words[i + 1] ?? "")) return true;
  }
  return false;
}

export function saysTroubleAfterSwap(words: readonly string[]): boolean {
  // "Pilot Unreachable" is a fault of its own, not the station unreachable.
  if (!words.some((w, i) => troubleWords.has(w) && words[i - 1] !== "pilot")) return false;
  return saysReplacementDone(words);
}
