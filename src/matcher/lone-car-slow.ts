/**
 * One car charging slowly is Slow Charging's, whatever the breakers and Circuit Sharing are set to.
 *
 * Slow or Zero Energy's table: "CT4020 with two 40 Amp breakers (Circuit Sharing needs to be disabled …): When
 * 1 car is using the station we can expect an average of 6.6 kW", and its checks include "Do a test session on
 * a different vehicle to rule out any issues related to the vehicle". Circuit Sharing is the split between two
 * cars ("As soon as another car plugs in, the power is split in half"). So a lone car that is slow, or a slow
 * rate after another vehicle was tried, is Slow Charging's, and the breakers and a Circuit Sharing said to be
 * off are its scene. A second car arriving ("another car plugs in", "both cars") is the split and is left to
 * power-split.ts. Charging slower than other Level 2 chargers is the article's first symptom ("Energy dispense
 * rate is less when compared with Level 2 AC chargers").
 */
const loneWords = new Set(["alone", "single", "lone", "itself", "only"]);
const carWords = new Set(["car", "cars", "vehicle", "vehicles", "ev", "evs", "truck", "van"]);
const triedWords = new Set(["tried", "try", "trying", "tested", "test", "different", "other", "ruled"]);
const slowWords = new Set([
  ...["slow", "slowly", "slower", "barely", "trickle", "trickling", "under", "below", "low", "lower", "less"],
  ...["weak", "crawling", "crawl", "forever"],
]);
/** A second car is the split: Circuit Sharing's own case. */
const secondWords = new Set(["second", "2nd", "both", "each", "two", "2", "another"]);
const arriveWords = new Set(["plugs", "plugged", "joins", "arrives", "connects", "starts"]);
const comparedWords = new Set(["slower", "less", "lower", "weaker", "worse"]);
const otherChargers = new Set(["other", "others", "rest", "level", "l2", "l2s", "neighbouring", "nearby"]);

export const loneCarCues: ReadonlySet<string> = new Set([
  ...loneWords,
  ...triedWords,
  "one",
  "1",
  "port",
  "kw",
  ...comparedWords,
]);

/** "one car", "1 car", "a single vehicle", "the car alone"; one port named ("on port 2", "single-port CPF"). */
function saysOneCar(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === "port" && (/^[12]$/.test(words[i + 1] ?? "") || words[i - 1] === "single" || words[i - 1] === "one"))
      return true;
    if (!carWords.has(w)) continue;
    const before = words.slice(Math.max(0, i - 2), i);
    if (before.includes("one") || before.includes("1") || before.some((b) => loneWords.has(b))) return true;
    if (loneWords.has(words[i + 1] ?? "")) return true;
  }
  return false;
}

/** "tried a different car", "tested another vehicle", "other cars same", "ruled out the car". */
function saysVehicleRuledOut(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!carWords.has(words[i]!)) continue;
    if (words.slice(Math.max(0, i - 3), i).some((b) => triedWords.has(b))) return true;
  }
  return false;
}

function saysSecondCarArrives(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!carWords.has(words[i]!) || !words.slice(Math.max(0, i - 2), i).some((b) => secondWords.has(b))) continue;
    // "tried another car" rules the car out; "another car plugs in" is the split.
    if (words.slice(Math.max(0, i - 3), i).some((b) => triedWords.has(b))) continue;
    return true;
  }
  return words.some((w) => arriveWords.has(w)) && words.some((w) => w === "second" || w === "2nd");
}

/** "getting about 3 kW", "2.1 kw": under the guide's lowest full rate for one car (6.6 kW). */
function saysLowRate(words: readonly string[]): boolean {
  return words.some((w, i) => words[i + 1] === "kw" && /^\d+(\.\d+)?$/.test(w) && Number(w) < 6);
}

export function saysLoneCarSlow(words: readonly string[]): boolean {
  if (!words.some((w) => slowWords.has(w)) && !saysLowRate(words)) return false;
  if (!(saysOneCar(words) || saysVehicleRuledOut(words))) return false;
  return !saysSecondCarArrives(words);
}

/** "slower than the other level 2s", "less than our other chargers". */
export function saysSlowerThanOthers(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!comparedWords.has(words[i]!) || words[i + 1] !== "than") continue;
    if (words.slice(i + 2, i + 5).some((w) => otherChargers.has(w))) return true;
  }
  return false;
}

/** Positions of the scene a lone slow car sits in: the breakers counted, Circuit Sharing said to be off. */
export function loneCarScenePositions(words: readonly string[]): number[] {
  if (!saysLoneCarSlow(words)) return [];
  const positions: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (
      (w === "breakers" || w === "breaker") &&
      words.slice(Math.max(0, i - 3), i).some((b) => b === "two" || b === "2" || b === "dual")
    ) {
      for (let k = Math.max(0, i - 3); k <= i; k++) if (!carWords.has(words[k]!)) positions.push(k);
    }
    if (w === "circuit" && words[i + 1] === "sharing") {
      const after = words.slice(i + 2, i + 5);
      if (after.some((a) => a === "off" || a === "disabled" || a === "not")) positions.push(i, i + 1);
    }
  }
  return [...new Set(positions)].sort((a, b) => a - b);
}
