/**
 * A driver billed for something, whoever the driver is: "the resident was billed for 3 hours of overstay on
 * her own charger" asks what a session cost, Pricing Policy's question ("Pricing charged incorrectly",
 * "Excessively billed", checked against the pricing rule's energy, station time and overstay rates), not
 * Multifamily's, though it names a resident and her own charger. "Charged" alone is also what a car is, so
 * it counts only with money after it ("charged $20", "charged an overstay fee"); "billed", "overcharged"
 * and "overbilled" are money by themselves. So is the price one group pays against another ("a cheaper
 * rate than the public", "the full price"): the guide checks that "the driver group is mapped to the
 * pricing policy".
 */
const billedVerbs = new Set(["billed", "overcharged", "overbilled", "invoiced"]);
const moneyAfter = new Set([
  "dollar",
  "dollars",
  "fee",
  "fees",
  "overstay",
  "rate",
  "price",
  "twice",
  "double",
  "extra",
  "cents",
]);

const chargedMoney = new Set(["dollar", "dollars", "fee", "fees", "overstay", "twice", "double", "extra", "cents"]);

/** A person charged, said in the present ("charges drivers double"): the money follows the person. */
const chargesWords = new Set(["charges", "charging", "charge"]);
const chargedPeople = new Set([
  ...["drivers", "driver", "people", "customers", "customer", "them", "him", "her", "residents", "users"],
  ...["visitors", "employees", "everyone", "everybody", "members", "tenants"],
]);

const chargesOrBills = new Set(["charges", "charging", "bills", "billing"]);

function within(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return true;
  return false;
}

/** "employees should get a cheaper rate than the public", "members pay the full price": what a group pays. */
const priceKinds = new Set([
  "cheaper",
  "discounted",
  "discount",
  "lower",
  "higher",
  "full",
  "standard",
  "regular",
  "reduced",
  "special",
]);
const speedWords = new Set(["of", "power", "kw", "amps", "amp", "speed", "charging", "energy"]);
const priceNouns = new Set(["rate", "rates", "price", "prices", "pricing"]);

/** One pass with set lookups: it runs on every sentence of every message. */
export function saysBilledFor(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (billedVerbs.has(w) && (words[i + 1] === "for" || within(words, i + 1, i + 6, moneyAfter))) return true;
    // "charged at a low rate" is a car's speed: only money words that no charging speed uses.
    if (w === "charged" && within(words, i + 1, i + 4, chargedMoney)) return true;
    // "the rate plan charges drivers double", "it is charging people twice": a person charged money.
    // Twelfth round: "bills drivers double" says the same with the other verb.
    if (
      (chargesWords.has(w) || w === "bills" || w === "billing") &&
      chargedPeople.has(words[i + 1] ?? "") &&
      within(words, i + 2, i + 4, chargedMoney)
    )
      return true;
    // "station B charges double", "it bills twice": the money said right after the verb, no person between.
    // "charging twice as slow" is a speed.
    if (chargesOrBills.has(w) && chargedMoney.has(words[i + 1] ?? "") && words[i + 2] !== "as") return true;
    // "a lower rate of power" is a speed.
    if (priceKinds.has(w) && priceNouns.has(words[i + 1] ?? "") && !within(words, i + 2, i + 4, speedWords))
      return true;
  }
  return false;
}
