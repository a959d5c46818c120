/**
 * A SIM that sits badly is Station Unreachable's: "Check if the SIM is seated correctly. If not, re-seat the
 * SIM card." Installers describe the seating, not the step: "the SIM looks loose in its slot", "should I
 * push it back in", "the SIM tray popped out". So the SIM beside a word of its seating reads as re-seating it.
 * A SIM to be activated or swapped for another carrier's is already the article's own wording.
 */
const simWords = new Set(["sim", "sims"]);
const seatingWords = new Set([
  ...["loose", "slot", "tray", "seated", "seating", "seat", "reseat", "wiggle", "wiggles", "wobbly"],
  ...["popped", "fell", "falling", "crooked", "inserted", "dislodged", "halfway"],
]);

/** "the SIM looks loose in its slot, should I push it back in". */
export function saysSimSeating(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!simWords.has(words[i]!)) continue;
    for (let k = Math.max(0, i - 4); k <= Math.min(words.length - 1, i + 6); k++)
      if (seatingWords.has(words[k]!)) return true;
  }
  return false;
}

/** Words without one of which the rule cannot fire. */
export const simSeatingCues: ReadonlySet<string> = simWords;
