/**
 * Nothing delivered on one port is Slow or Zero Energy's, not Circuit Sharing's.
 *
 * Zero Energy Dispense asks "Check if the issue is occurring on a specific port or both. If issue is
 * observed on a single port, check if there is any damage on the power plate, breaker for that port (if 2
 * breakers), or jumpers (if single breaker)." Circuit Sharing is the power split between two cars (6.6 kW
 * becomes 3.3 kW each) and breakers tripping when both ports are occupied: it never delivers nothing. So a
 * port (port 2, the left side, one connector) that gives nothing while a session runs ("nothing is coming
 * out of the left connector", "port 2 starts but nothing flows") is zero energy, whatever the jumpers,
 * breakers or the other port are said to do.
 */
const nothingWords = new Set(["nothing", "zero", "0", "none"]);
const flowWords = new Set([
  "coming",
  "comes",
  "came",
  "flowing",
  "flows",
  "flowed",
  "flow",
  "going",
  "goes",
  "went",
  "delivered",
  "delivering",
  "dispensed",
  "dispensing",
  "output",
  "out",
  "kwh",
  "energy",
  "power",
  "current",
  "juice",
]);
const portWords = new Set(["port", "ports", "connector", "connectors", "side", "plug", "outlet", "cable", "handle"]);
/** "port 1 gives nothing", "the left side puts out zero": the giving verb before the nothing. */
const giveWords = new Set(["gives", "gave", "giving", "delivers", "puts", "putting", "outputs", "provides", "does"]);
/** A power that is not delivered but tripped or split is another article's: "nothing trips", "zero split". */
const otherSymptoms = new Set(["trip", "trips", "tripped", "tripping", "split", "splits", "half", "shared"]);

export const onePortCues: ReadonlySet<string> = nothingWords;

export function saysOnePortGivesNothing(words: readonly string[]): boolean {
  if (!words.some((w) => portWords.has(w)) || words.some((w) => otherSymptoms.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (!nothingWords.has(words[i]!)) continue;
    if (giveWords.has(words[i - 1] ?? "") || (words[i - 1] === "out" && giveWords.has(words[i - 2] ?? ""))) return true;
    // "nothing is coming out", "zero kwh", "nothing flows": up to two words between.
    for (let k = i + 1; k <= i + 3 && k < words.length; k++) if (flowWords.has(words[k]!)) return true;
  }
  return false;
}
