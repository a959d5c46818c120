/**
 * Zero Energy Dispense by what the driver saw: the car did not charge ("her car didn't charge at all
 * overnight", "the van never charged"). The guide's first questions are whether it happened once and
 * whether it affects one driver or several. A person who "was not charged" is a price, not energy, so
 * the subject must be the vehicle.
 */
const vehicleWords = new Set([
  "car",
  "cars",
  "vehicle",
  "vehicles",
  "ev",
  "evs",
  "van",
  "vans",
  "truck",
  "trucks",
  "bus",
  "buses",
]);
const denials = new Set(["not", "never", "no", "nothing"]);
const chargeWords = new Set(["charge", "charged", "charging"]);
const people = new Set(["driver", "drivers", "he", "she", "they", "customer", "user", "member", "we", "i", "you"]);
/** A car that did not charge at home or on another network is not a station of the guide's. */
const elsewhere = new Set(["home", "house", "supercharger", "superchargers"]);
/** Money beside it makes "did not charge" a fee ("the car park did not charge a fee"). */
const moneyWords = new Set(["fee", "fees", "price", "dollars", "cents", "paid", "bill", "billed", "money", "rate"]);

/** "the car did not charge at all", "vans never charged overnight", "his ev was not charging by morning". */
export function saysCarDidNotCharge(words: readonly string[]): boolean {
  if (words.some((w) => moneyWords.has(w) || elsewhere.has(w))) return false;
  let vehicleNamed = false;
  for (let i = 0; i < words.length; i++) {
    // "fleet car plugged in at 6pm, by 7am it had not charged": once a vehicle is named, "it" is the vehicle.
    const subject = vehicleWords.has(words[i]!) || (vehicleNamed && words[i] === "it");
    vehicleNamed ||= vehicleWords.has(words[i]!);
    if (!subject) continue;
    // "ev plugged in 8 hrs but did not charge"; a person named first is the one not charged ("the car was
    // plugged in and the driver was not charged").
    const after = words.slice(i + 1, i + 9);
    const person = after.findIndex((w) => people.has(w));
    const denied = after.findIndex((w) => denials.has(w));
    if (denied < 0 || (person >= 0 && person < denied)) continue;
    // "not" then the verb within two words: "did not charge", "was not charging", "never even charged".
    if (after.slice(denied + 1, denied + 3).some((w) => chargeWords.has(w))) return true;
  }
  return false;
}

/** Words without which the rule cannot fire. */
export const carChargeCues: ReadonlySet<string> = vehicleWords;
