import { stopwords } from "./stopwords.ts";

/**
 * A narrative often lists what was ruled out before it says what is wrong: "nothing was changed on the
 * station (no new hardware, no firmware), she was billed twice the normal amount". Read word by word,
 * those denied things are the strongest evidence in the message, for the articles they name. So when a
 * message rules out two or more things, or rules out one after saying nothing was changed, the denied
 * things are dropped and the rest of the message decides.
 *
 * One denied thing alone stays as written: "no firmware update available for the CT4000" and "firmware
 * was not pushed to the station" are the firmware question itself.
 */
const negators = new Set(["no", "nothing", "never", "not", "without"]);
/** What a support case rules out: the changes a site could have made. */
const things = new Set([
  "firmware",
  "fw",
  "ota",
  "software",
  "hardware",
  "config",
  "configuration",
  "settings",
  "setting",
  "update",
  "updates",
  "upgrade",
  "upgrades",
  "change",
  "changes",
  "replacement",
  "replacements",
]);
/** Said of a thing, these make it an event: "no firmware update", "firmware was not pushed". */
const changeWords = new Set([
  "update",
  "updates",
  "updated",
  "upgrade",
  "upgrades",
  "upgraded",
  "change",
  "changes",
  "changed",
  "push",
  "pushed",
  "install",
  "installed",
  "touched",
  "replaced",
  "swapped",
]);
/** May stand between a negator and the thing: "no new hardware", "no recent firmware change". */
const between = new Set(["new", "recent", "recently", "other", "pending"]);
/** "nothing was changed", "did not touch the station", "no changes": the narrative says nothing changed. */
const nothingChanged = new Set(["changed", "touched", "touch", "change", "changes"]);

/** Positions of the words a ruled-out list denies, to be left out of the reading. */
export function ruledOutPositions(words: readonly string[]): Set<number> {
  const denied: number[][] = [];
  let saysNothingChanged = false;
  for (let i = 0; i < words.length; i++) {
    if (!negators.has(words[i]!)) continue;
    let j = i + 1;
    while (j < words.length && j - i <= 3 && (stopwords.has(words[j]!) || between.has(words[j]!))) j++;
    const w = words[j];
    if (w !== undefined && nothingChanged.has(w) && (words[i] !== "no" || w === "changes")) saysNothingChanged = true;
    if (w !== undefined && things.has(w)) {
      const span = [j];
      if (changeWords.has(words[j + 1] ?? "")) span.push(j + 1);
      denied.push(span);
      continue;
    }
    // "have not replaced anything": a denied replacement is ruled out too (negation-scope.ts drops its word).
    if (w === "replaced" || w === "swapped") {
      denied.push([]);
      continue;
    }
    // "firmware was not updated": the thing stands before its negated change.
    if (w !== undefined && changeWords.has(w)) {
      for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
        if (things.has(words[k]!)) {
          denied.push([k, j]);
          break;
        }
      }
    }
  }
  if (denied.length >= 2 || (denied.length === 1 && saysNothingChanged)) return new Set(denied.flat());
  return new Set();
}
