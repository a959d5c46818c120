/**
 * Slow or Zero Energy in a non-native writer's words: "charger not make charge", "nothing go inside the
 * car", "station no give power". The guide's symptom is "No energy dispensed from the station"; people
 * without the idiom say the station does not make, give or put the charge, or that nothing goes in. Read
 * as zero energy when a negation is followed closely by a verb of giving and the charge it gives. Money
 * ("not make charge for the parking", "no charge was taken") is Pricing Policy's, so a money word vetoes.
 */
const negators = new Set(["not", "no", "nothing", "never", "cannot", "dont", "doesnt", "didnt"]);
const giveVerbs = new Set([
  ...["make", "makes", "made", "give", "gives", "gave", "go", "goes", "went", "put", "puts", "enter", "enters"],
  ...["come", "comes", "send", "sends", "flow", "flows", "deliver", "delivers", "push", "pushes"],
]);
const chargeObjects = new Set(["charge", "charging", "energy", "power", "electricity", "current", "kwh", "juice"]);
/** "nothing go inside": only "nothing" is the charge itself; "the plug does not go in" is the connector. */
const inWords = new Set(["in", "inside", "into"]);
const moneyWords = new Set([
  ...["fee", "fees", "price", "pricing", "cost", "pay", "paid", "bill", "billed", "money", "dollar", "dollars"],
  ...["receipt", "free", "parking", "overstay"],
]);

export const noChargeGivenCues: ReadonlySet<string> = giveVerbs;

/** "the charger give nothing": the station as the giver, with nothing as what it gives. */
const givers = new Set(["charger", "chargers", "station", "stations", "port", "ports", "unit", "evse", "plug"]);

export function saysNoChargeGiven(words: readonly string[]): boolean {
  if (words.some((w) => moneyWords.has(w) || w.startsWith("$"))) return false;
  for (let i = 0; i < words.length; i++) {
    if (!giveVerbs.has(words[i]!)) continue;
    const before = words.slice(Math.max(0, i - 2), i);
    const negator = before.find((w) => negators.has(w));
    // "charger give nothing", "the port gives nothing to the car" (eleventh round).
    if (words[i + 1] === "nothing" && words.slice(Math.max(0, i - 2), i).some((w) => givers.has(w))) return true;
    if (negator === undefined) continue;
    const after = words.slice(i + 1, i + 4);
    if (after.some((w) => chargeObjects.has(w))) return true;
    if (negator === "nothing" && inWords.has(words[i + 1] ?? "")) return true;
  }
  return false;
}
