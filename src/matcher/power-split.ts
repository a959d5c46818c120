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
const halfRates = new Set(["3.3", "half"]);
/** One car alone at a low rate is Slow Charging's: "only 3 kw with one car plugged in". */
const aloneWords = new Set(["alone", "single", "only", "one"]);
const slowerWords = new Set(["half", "slow", "slows", "slower", "drops", "drop", "dropped"]);
const carWords = new Set(["car", "cars", "vehicle", "vehicles", "ports", "port", "ev", "evs", "drivers"]);

export const powerSplitCues: ReadonlySet<string> = new Set([
  ...splitWords,
  "3.3",
  "3",
  "second",
  "2nd",
  "alone",
  "myself",
  "solo",
]);

/** "each get 3.3, one alone gets 6.6": the guide's halved rate beside two cars or the full rate. */
function saysHalvedRate(words: readonly string[]): boolean {
  // The guide's "3 – 3.3 kW per hour for each car" when two cars use the station.
  const rate = words.findIndex((w, i) => w === "3.3" || (w === "3" && words[i + 1] === "kw"));
  if (rate < 0) return false;
  return words.includes("6.6") || words.some((w) => w === "each" || w === "both");
}

/** "we both crawl along, when I'm alone it's fine": slow with two cars, fine with one. */
const crawlWords = new Set(["slow", "slower", "slows", "crawl", "crawls", "crawling", "barely", "trickle", "trickles"]);
const fineWords = new Set(["fine", "ok", "okay", "normal", "full", "fast", "faster", "good"]);
const soloWords = new Set(["alone", "myself", "solo"]);

function saysSlowOnlyWhenTwo(words: readonly string[]): boolean {
  const solo = words.findIndex((w) => soloWords.has(w));
  if (solo < 0 || !words.slice(solo + 1, solo + 6).some((w) => fineWords.has(w))) return false;
  const two = words.some((w, i) => (w === "both" || w === "two" || w === "2") && i < solo);
  return two && words.some((w) => crawlWords.has(w));
}

export function saysPowerSplitBetweenCars(words: readonly string[]): boolean {
  if (saysHalvedRate(words) || saysSlowOnlyWhenTwo(words)) return true;
  // "as soon as the second plugs in both slow down": a second car arriving and the rate falling.
  if (words.some((w) => arriveWords.has(w))) {
    const second = words.some((w) => twoWords.has(w));
    if (second && words.some((w) => halfRates.has(w) || slowerWords.has(w))) return true;
    if (!words.some((w) => aloneWords.has(w)) && words.some((w) => halfRates.has(w))) return true;
  }
  let split = -1;
  for (let i = 0; i < words.length && split < 0; i++) if (splitWords.has(words[i]!)) split = i;
  if (split < 0) return false;
  // "circuit sharing" and "power sharing jumpers" already say the article by name.
  if (words[split - 1] === "circuit" || words[split - 1] === "power") return false;
  for (let i = 0; i < words.length; i++) {
    if (twoWords.has(words[i]!) && (carWords.has(words[i + 1] ?? "") || carWords.has(words[i + 2] ?? ""))) return true;
  }
  return false;
}
