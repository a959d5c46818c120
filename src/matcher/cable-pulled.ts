/**
 * A charging cable that hangs, snapped or left with a car is Breakaway's, whatever else is asked.
 *
 * Breakaway: "Breakaway faults occur when a cord is pulled with enough force to move the wires
 * internally"; "The fault might indicate that the charging cable has been cut or pulled out of the
 * station." People report what they see of the cable: dangling or hanging off the unit, snapped, severed,
 * dragged, cut off or stolen, or a driver who left with the plug still in the car. A loose electrical connector on the power
 * plate is Hardware Fault's ("not making a solid connection"), so "loose" counts only for the cable itself
 * and never beside the power plate, terminals or wiring.
 */
const cableWords = new Set(["cable", "cables", "cord", "cords", "hose", "lead", "plug", "connector", "handle", "gun"]);
const damageWords = new Set([
  "dangling",
  "dangles",
  "hanging",
  "hangs",
  "snapped",
  "severed",
  "dragged",
  "torn",
  "frayed",
  "yanked",
  "ripped",
  "stretched",
  // Cut off or taken by thieves: "one of the cables was cut, probably copper theft" (the guide: "the
  // charging cable has been cut or pulled out of the station").
  "cut",
  "chopped",
  "tore",
  "snagged",
  "stolen",
  "theft",
  "thieves",
  "vandalized",
  "vandalised",
]);
/** "left with the plug still in the car", "took off with the cable still attached". */
const leftWords = new Set(["left", "took", "drove", "pulled", "driving", "drives"]);
const stillIn = new Set(["in", "attached", "plugged", "connected", "inserted"]);
/** A loose cable hangs; a "loose connector" is Hardware Fault's electrical connector (described-parts-faults.ts). */
const cordWords = new Set(["cable", "cables", "cord", "cords", "hose"]);
const insideWords = new Set(["plate", "terminal", "terminals", "wiring", "wires", "breaker", "panel", "lug", "lugs"]);

export const cablePulledCues: ReadonlySet<string> = cableWords;

/** "the cord end is hanging with wires showing": the cable's own wires, laid bare by the pull. */
const bareWords = new Set(["showing", "exposed", "sticking", "visible", "poking", "out"]);

function cableWiresBare(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      (w === "wires" || w === "wire") &&
      bareWords.has(words[i + 1] ?? "") &&
      words.slice(Math.max(0, i - 8), i).some((c) => cordWords.has(c) || c === "plug"),
  );
}

export function saysCablePulled(words: readonly string[]): boolean {
  if (cableWiresBare(words)) return true;
  if (words.some((w) => insideWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (!cableWords.has(words[i]!)) continue;
    // A cord's damage may come after where it lies: "cord on port 2 is lying on the ground cut in half".
    const reach = cordWords.has(words[i]!) ? 9 : 6;
    for (let k = Math.max(0, i - 4); k <= i + reach && k < words.length; k++) {
      if (damageWords.has(words[k]!)) return true;
      if (words[k] === "loose" && cordWords.has(words[i]!)) return true;
      if (words[k] === "still" && stillIn.has(words[k + 1] ?? "") && words.slice(0, i).some((w) => leftWords.has(w)))
        return true;
    }
  }
  return false;
}
