/**
 * Words the adjacent topics (adjacent-topics.ts) are learnt on, used in an article's question as its scene
 * rather than its subject. Each is dropped only where what makes the topic truly outside the guide is absent:
 * - a phone is the driver's app account topic's only when the account is asked (login, password, payment,
 *   profile…); otherwise it is the device the app runs on ("the app on her Android shows the charger in a
 *   lake"), the way a driver started ("starting from the phone works, the badge does nothing") or text for a
 *   screen ("the front desk phone number on the display");
 * - a warranty or an RMA is the warranty topic's only when a claim or a return is asked; a unit swapped under
 *   warranty that misbehaves is Replace Hardware's story ("the unit exchanged under warranty never came
 *   online"; the warranty cue already steps aside on trouble, asks-sales-or-warranty.ts);
 * - a contract that "says" something is where a figure was read ("the contract says chargepoint keeps
 *   10%"), not a contract to sign;
 * - letters counted ("20 letters in the first line") are a screen's characters, not letters to residents;
 * - a parking space beside a resident or tenant is the resident's own stall (Multifamily's personal
 *   charging), not the site around the chargers;
 * - rent, a lease or HOA dues beside a charger someone cannot be added or linked to say who the person is (a
 *   resident: Multifamily's linked driver), not the property's own business;
 * - a home charger that "works fine" is what the site's station is held against, not a home charger asked
 *   about (asks-other-hardware.ts reads the comparison).
 * - (eleventh round) the utility or the power company named as the cause of an outage beside a station ("after
 *   the utility outage the station never came back online") is the event before the station's trouble, not
 *   the utility's tariff or a property's bills.
 * Messages only: a trigger already says its article in the guide's words.
 */

import { homeIsComparison } from "./asks-other-hardware.ts";

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

const phoneWords = setOf("phone", "phones", "iphone", "iphones", "android", "smartphone", "cellphone");
/** What the driver's app account topic is about: the account itself, or the app as software. */
const accountAsked = setOf(
  ...["account", "accounts", "login", "log", "logged", "password", "profile", "wallet", "payment", "email"],
  ...["delete", "crash", "crashes", "crashing", "update", "updated", "install", "reinstall", "download"],
  ...["settings", "sign", "signed", "verify", "verification", "wifi", "battery", "hotspot", "plan", "bill"],
);
/** The phone is a device beside one of these: the app, a card it replaces, a screen it is shown on. */
const deviceContext = setOf(
  ...["app", "apps", "application", "card", "cards", "badge", "badges", "fob", "reader", "screen", "screens"],
  ...["display", "displays", "line"],
);
/** The station's own phone: its modem ("phone chip", "can't phone home", "the phone company"). */
const stationPhone = setOf("chip", "home", "company", "carrier", "modem", "signal", "card");
const stationNouns = setOf("charger", "chargers", "station", "stations", "unit", "units", "pedestal");
const warrantyWords = setOf("warranty", "warrantied", "rma");
const swapWords = setOf(
  ...["exchanged", "exchange", "swapped", "swap", "replaced", "replacement", "new", "sent", "shipped"],
);
/** The swapped unit's trouble or set-up: Replace Hardware's two symptoms and its dashboard work. */
const unitTrouble = setOf(
  ...["never", "not", "offline", "online", "unreachable", "blank", "error", "shows", "says", "activate"],
  ...["activated", "link", "linked", "dashboard", "record", "name"],
);
const sourceVerbs = setOf("says", "said", "states", "stated", "shows", "lists", "mentions");
const letterWords = setOf("letters", "letter");
const residents = setOf(
  ...["tenant", "tenants", "resident", "residents", "condo", "apartment", "husband", "wife", "roommate"],
  ...["unit", "owner", "owners", "hoa", "multifamily", "mfh"],
);
const spaceWords = setOf("space", "spaces", "spot", "spots", "stall", "stalls");
const payVerbs = setOf("pay", "pays", "paying", "paid");
const propertyWords = setOf("rent", "rents", "renting", "lease", "leases", "leasing", "dues", "landlord");
const chargerNouns = setOf("charger", "chargers", "station", "stations", "port", "ports", "evse");
/** Being put on a charger: Multifamily's linked driver and its MFHS Personal Charging Connection. */
const linkVerbs = setOf(
  ...["add", "added", "adding", "link", "linked", "linking", "join", "joined", "connect", "connected", "tie"],
  ...["tied", "assign", "assigned", "approve", "approved"],
);

const utilityNames = setOf("utility", "utilities");
/** An event of the power supply: what the utility did, not what it charges. */
const outageWords = setOf("outage", "outages", "blackout", "shutoff", "cut", "failure", "brownout", "surge");

/** Words without one of which the rules cannot fire (they run on every sentence). */
export const topicSceneCues: ReadonlySet<string> = new Set([
  ...phoneWords,
  ...warrantyWords,
  "contract",
  ...letterWords,
  "parking",
  ...propertyWords,
  "home",
  ...utilityNames,
]);

/** Positions of the words that are only the scene, each with why. */
export function topicWordsAsScene(words: readonly string[]): Map<number, string> {
  const dropped = new Map<number, string>();
  const has = (set: ReadonlySet<string>) => words.some((w) => set.has(w));
  words.forEach((w, i) => {
    if (
      phoneWords.has(w) &&
      has(deviceContext) &&
      !has(accountAsked) &&
      !stationPhone.has(words[i + 1] ?? "") &&
      !stationNouns.has(words[i - 1] ?? "")
    )
      dropped.set(i, "the phone the app runs on, not its account");
    else if (warrantyWords.has(w) && has(swapWords) && has(unitTrouble))
      dropped.set(i, "how the unit came, not a claim");
    else if (w === "contract" && sourceVerbs.has(words[i + 1] ?? "")) dropped.set(i, "where the figure was read");
    else if (letterWords.has(w) && /^\d+$/.test(words[i - 1] ?? "")) dropped.set(i, "characters counted");
    else if (w === "parking" && spaceWords.has(words[i + 1] ?? "") && has(residents))
      dropped.set(i, "a resident's own stall, not the site");
    else if (propertyWords.has(w) && has(chargerNouns) && has(linkVerbs)) {
      dropped.set(i, "who the resident is, not the property's business");
      if (payVerbs.has(words[i - 1] ?? "")) dropped.set(i - 1, "who the resident is, not the property's business");
    } else if (w === "home" && has(chargerNouns) && homeIsComparison(words, i))
      dropped.set(i, "home as the comparison, not the question");
    else if (utilityNames.has(w) && has(chargerNouns) && words.slice(i + 1, i + 4).some((x) => outageWords.has(x)))
      dropped.set(i, "the outage's cause, not the utility's business");
  });
  return dropped;
}
