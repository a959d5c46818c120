/**
 * Two cars that each get part of the power is Circuit Sharing's, not Slow or Zero Energy's.
 *
 * Circuit Sharing: "when only 1 car is plugged in it will get the full power rate. As soon as another car
 * plugs in, the power is split in half for each vehicle. For example, 6.6 kW is split into 3.3 kW to Port 1
 * and 3.3 kW to Port 2." Slow Charging is a rate below the standard for the station's breakers, one car or
 * two. So a message with two cars (both, each, a second car, both ports) whose power is halved, split or
 * divided ("each gets about half speed", "power is divided between the two ports") asks about the split.
 */
const twoWords = new Set(["both", "each", "2", "second", "2nd", "two", "another"]);
const splitWords = new Set([
  "half",
  "halved",
  "halves",
  "split",
  "splits",
  "splitting",
  "divided",
  "divides",
  "dividing",
  "shared",
  "sharing",
  "share",
]);
/** "when someone plugs in next to me my car drops to half": the second car arriving, said as an event. */
const arriveWords = new Set(["plugs", "plugged", "joins", "arrives", "connects"]);
/** The guide's own example: "6.6 kW is split into 3.3 kW to Port 1 and 3.3 kW to Port 2". */
const halfRates = new Set(["3.3", "3"]);
const carWords = new Set(["car", "cars", "vehicle", "vehicles", "ports", "port", "ev", "evs", "drivers"]);

export const powerSplitCues: ReadonlySet<string> = new Set([...splitWords, "3.3"]);

/** "each get 3.3, one alone gets 6.6": the guide's halved rate beside two cars or the full rate. */
function saysHalvedRate(words: readonly string[]): boolean {
  if (!words.includes("3.3")) return false;
  return words.includes("6.6") || words.some((w) => w === "each" || w === "both");
}

export function saysPowerSplitBetweenCars(words: readonly string[]): boolean {
  if (saysHalvedRate(words)) return true;
  let split = -1;
  for (let i = 0; i < words.length && split < 0; i++) if (splitWords.has(words[i]!)) split = i;
  if (split < 0) return false;
  // "circuit sharing" and "power sharing jumpers" already say the article by name.
  if (words[split - 1] === "circuit" || words[split - 1] === "power") return false;
  if (words.some((w) => arriveWords.has(w)) && words.some((w) => halfRates.has(w) || w === "half")) return true;
  for (let i = 0; i < words.length; i++) {
    if (twoWords.has(words[i]!) && (carWords.has(words[i + 1] ?? "") || carWords.has(words[i + 2] ?? ""))) return true;
  }
  return false;
}
