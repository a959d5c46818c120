import { firedConcepts } from "./word-gates.ts";

/**
 * An article asked by what the person wants to know or decide rather than by what broke: did it go
 * through, is it live yet, what should it be set to, when is the owner paid. The words are the outcome's,
 * not the article's name, so each rule reads an outcome word beside the article's object:
 * - Firmware Upgrade: software that went through, landed or completed (the guide checks the upgrade's
 *   status in Reports > Logs > OTAng Logs: Time Completed, Error Status), or a station on "the latest
 *   code", "the current release" (the guide copies the New Version from Auto-OTA);
 * - Pricing Policy: a new price that is live, took or is in effect ("Apply Pricing ... the status has a
 *   green tick"), and Reservations shown as Required (the policy should have them Disabled);
 * - Station Messages: a note, notice or greeting for the screens, or one that has not shown up yet
 *   ("please allow 2-5 minutes for all the stations to have the configuration updated");
 * - Charging Station Connections: the code people type in (the connection code drivers enter), and
 *   whether joining is approved automatically (Auto-approve: Auto or Manual);
 * - Bad PinPoint: a station drivers cannot see in the app, or that the app shows streets or blocks away
 *   ("Drivers unable to locate the charging station in the mobile app");
 * - Slow or Zero Energy: what the car got, said as "got nothing" ("No energy dispensed from the station");
 * - Flex Billing: when or above what balance the owner is paid ("when the balance reaches $50 or more
 *   ... typically on the 15th of the month").
 * Each rule vetoes the objects that make the same outcome another article's or nobody's ("the price
 * update went through", "the app needs the latest version", "a notice to residents").
 */

type Rule = readonly [(words: readonly string[]) => boolean, string, string];

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

const softwareNouns = setOf("update", "updates", "upgrade", "push", "release", "software", "build", "version", "ota");
const wentThrough = setOf(
  ...["through", "land", "lands", "landed", "completed", "complete", "finished", "succeeded", "successful"],
  ...["installed", "install"],
);
const currentWords = setOf("latest", "newest", "current", "recent");
const currentObjects = setOf(...softwareNouns, "code", "firmware", "fw");
/** An update of something else: the price, the message, the address, the driver's phone app. */
const notSoftware = setOf(
  ...["price", "prices", "pricing", "rate", "rates", "fee", "fees", "policy", "message", "messages", "text"],
  ...["address", "location", "pin", "coordinates", "connection", "group", "access", "waitlist", "payment"],
  ...["bank", "app", "apps", "iphone", "android", "phone", "type", "typed", "enter", "entered", "invite"],
  ...["windows", "browser", "chrome", "slack", "teams", "laptop"],
);

const priceNouns = setOf("price", "prices", "pricing", "rate", "rates", "fee", "fees", "tariff");
const liveWords = setOf("live", "effect", "active", "took", "take", "taken", "applied", "reflected");
const notStationPrice = setOf(
  ...["utility", "electricity", "electric", "home", "approved", "approval", "pending", "subscription"],
  ...["plan", "invoice", "interest", "mortgage", "exchange", "tax"],
);

const noticeNouns = setOf(
  ...["note", "notice", "greeting", "welcome", "announcement", "banner", "wording", "blurb", "signage"],
  "reminder",
);
const screenNouns = setOf("display", "displays", "screen", "screens", "lcd");
const stationNouns = setOf("charger", "chargers", "station", "stations", "units", "unit", "pedestals");
const showUp = setOf(
  ...["appear", "appears", "appeared", "showing", "show", "shows", "showed", "shown", "applied", "took", "take"],
  "display",
);
/** A notice that goes to people, not to the stations' screens. */
const notTheScreen = setOf(
  ...["email", "emails", "slack", "teams", "sms", "newsletter", "residents", "tenants", "letter", "mail"],
  ...["flyer", "poster", "window", "door", "elevator", "lobby"],
);

const reservationWords = setOf("reservation", "reservations", "booking", "bookings");
const requiredWords = setOf("required", "mandatory", "compulsory", "enforced");

const codeWords = setOf("code", "codes");
const typeVerbs = setOf(
  ...["type", "types", "typed", "typing", "enter", "enters", "entered", "entering", "punch", "key", "keyed"],
  "input",
);
const notConnectionCode = setOf(
  ...["fault", "error", "alarm", "activation", "password", "verification", "promo", "coupon", "zip", "postal"],
  ...["discount", "gift", "door", "gate", "lockbox", "pin", "sticker", "mac", "serial", "unit", "swap"],
);
const approveWords = setOf("approve", "approved", "approves", "approval", "accepted", "accept");
const howApproved = setOf("automatically", "auto", "manually", "manual", "automatic");
const notJoining = setOf(
  ...["billing", "flex", "form", "bank", "invoice", "expense", "expenses", "leave", "overtime", "pricing"],
  ...["firmware", "release", "update", "permit", "rebate", "refund"],
);

const joinVerbs = setOf("sign", "signup", "enroll", "enrol", "enrolled", "register", "join", "onboard", "onboarded");
const joiners = setOf(
  ...["employees", "employee", "staff", "hires", "members", "workers", "colleagues", "coworkers", "people"],
  ...["fleet", "residents", "tenants", "volunteers", "faculty", "students", "nurses", "team"],
);
/** Joining something else: the Waitlist's queue, the driver's own app account, an alert list. */
const notConnection = setOf(
  ...["waitlist", "queue", "line", "turn", "account", "accounts", "app", "newsletter", "alerts", "alert", "email"],
  ...["emails", "slack", "teams", "payroll", "benefits", "training", "webinar", "class"],
);

const rightWords = setOf("right", "correct", "proper", "exact", "actual");
const placeWords = setOf("place", "spot", "location", "position");
const seenBy = setOf("show", "shows", "showing", "appear", "appears", "find", "listed", "app", "map", "drivers");

const afterWords = setOf("after");
const sessionWords = setOf("charging", "charge", "session", "car");
const endWords = setOf("ends", "ended", "stops", "stopped", "finishes", "finished", "done", "full", "complete");
const payWords = setOf("pay", "paying", "paid", "fee", "fees", "charged", "cost", "billed", "rate");

const seeVerbs = setOf("see", "find", "locate", "spot", "seeing", "finding");
const onTheMap = setOf("app", "map", "maps", "apps");
const howFar = setOf("streets", "blocks", "doors", "lots", "buildings");
const overWords = setOf("over", "away", "off", "down", "up");
/** A station's state in the app is another article's: offline, in use, the price. */
const stateWords = setOf(
  ...["offline", "unavailable", "available", "busy", "occupied", "use", "price", "pricing", "faulted", "red"],
  ...["waitlist", "queue", "message", "session", "sessions", "charging"],
);

const gotVerbs = setOf("got", "gets", "getting", "get", "gained", "gain", "gaining", "received", "receiving");
const nothingWords = setOf("nothing", "anything", "zero", "0");
/** Nothing back from a person or a payment: a reply, a notification, money. */
const notEnergy = setOf(
  ...["reply", "response", "answer", "back", "notification", "notified", "email", "text", "call", "refund"],
  ...["money", "paid", "payment", "payout", "funds", "check", "support", "error", "alarm", "message"],
);
const energyContext = setOf(
  ...["car", "vehicle", "ev", "van", "truck", "driver", "plugged", "plug", "port", "session", "charging"],
  ...["charger", "station", "hours", "overnight", "battery"],
);

const whenWords = setOf("when", "often", "day", "date", "schedule", "monthly", "month");
const ownerPaid = setOf("paid", "payment", "payments", "payout", "payouts", "money", "deposit", "deposits", "check");
const balanceWords = setOf("balance", "threshold", "minimum");
const ownerWords = setOf("host", "hosts", "owner", "owners", "we", "us", "our", "site", "property", "org");
const notOwner = setOf("paycheck", "salary", "payroll", "overtime", "refund", "driver", "drivers", "invoice");

function within(words: readonly string[], i: number, span: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, i - span); k <= Math.min(words.length - 1, i + span); k++)
    if (k !== i && set.has(words[k]!)) return true;
  return false;
}
const any = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));

/** "did the update go through", "the push completed?", "needs the latest code", "on the current release". */
export function asksSoftwareOutcome(words: readonly string[]): boolean {
  // The rule first, the veto only when it fires: most messages fire none.
  return (
    words.some(
      (w, i) =>
        (softwareNouns.has(w) && within(words, i, 6, wentThrough)) ||
        (currentWords.has(w) && currentObjects.has(words[i + 1] ?? "")),
    ) && !any(words, notSoftware)
  );
}

/** "is the new rate live yet", "did the price change take", "the new pricing in effect". */
export function asksPriceIsLive(words: readonly string[]): boolean {
  // The rule first, the veto only when it fires: most messages fire none.
  return words.some((w, i) => priceNouns.has(w) && within(words, i, 4, liveWords)) && !any(words, notStationPrice);
}

/** "reservations showing as required on our rate plan". */
export function saysReservationsRequired(words: readonly string[]): boolean {
  return words.some((w, i) => reservationWords.has(w) && within(words, i, 4, requiredWords));
}

/** "a note on every display", "a holiday notice on all the screens", "the greeting hasn't shown up". */
export function asksForScreenNotice(words: readonly string[]): boolean {
  // The rule first, the veto only when it fires: most messages fire none.
  return (
    words.some(
      (w, i) =>
        noticeNouns.has(w) &&
        (within(words, i, 8, screenNouns) || (within(words, i, 8, stationNouns) && within(words, i, 8, showUp))),
    ) && !any(words, notTheScreen)
  );
}

/** "the code our staff type in", "entered the ENV code in the app". */
export function saysCodeTypedIn(words: readonly string[]): boolean {
  // The rule first, the veto only when it fires: most messages fire none.
  return words.some((w, i) => codeWords.has(w) && within(words, i, 4, typeVerbs)) && !any(words, notConnectionCode);
}

/** "do new members get approved automatically or does someone have to click ok". */
export function asksHowJoinersApproved(words: readonly string[]): boolean {
  // The rule first, the veto only when it fires: most messages fire none.
  return words.some((w, i) => approveWords.has(w) && within(words, i, 3, howApproved)) && !any(words, notJoining);
}

/** "new hires can't figure out how to sign up for our employee charging", "how do staff enroll". */
export function asksHowPeopleJoin(words: readonly string[]): boolean {
  // The rule first, the veto only when it fires: most messages fire none.
  return words.some((w, i) => joinVerbs.has(w) && within(words, i, 6, joiners)) && !any(words, notConnection);
}

/** "how do I get the charger to show up in the right place for drivers". */
export function asksStationInRightPlace(words: readonly string[]): boolean {
  if (!any(words, stationNouns) || !any(words, seenBy)) return false;
  return words.some((w, i) => rightWords.has(w) && placeWords.has(words[i + 1] ?? ""));
}

/** "what do visitors pay after charging ends": the guide's Overstay ("15 min after charging stops"). */
export function asksPayAfterCharging(words: readonly string[]): boolean {
  if (!any(words, payWords)) return false;
  return words.some((w, i) => afterWords.has(w) && within(words, i, 2, sessionWords) && within(words, i, 4, endWords));
}

/** "the driver can't see the station in the app", "the app has it two streets over". */
export function saysNotFoundOnMap(words: readonly string[]): boolean {
  if (!any(words, onTheMap) || !any(words, stationNouns) || any(words, stateWords)) return false;
  return words.some(
    (w, i) =>
      (seeVerbs.has(w) && within(words, i, 4, stationNouns)) ||
      (howFar.has(w) && overWords.has(words[i + 1] ?? "") && /^(\d+|a|two|three|few|couple)$/.test(words[i - 1] ?? "")),
  );
}

/** "plugged in for 4 hours and got nothing", "the car isn't getting anything". */
export function saysGotNothing(words: readonly string[]): boolean {
  if (!any(words, nothingWords) || any(words, notEnergy) || !any(words, energyContext)) return false;
  return words.some((w, i) => gotVerbs.has(w) && nothingWords.has(words[i + 1] ?? ""));
}

/** "when does the host get their money", "the minimum balance before they pay us out". */
export function asksWhenOwnerPaid(words: readonly string[]): boolean {
  if (!any(words, ownerPaid) || any(words, notOwner) || !any(words, ownerWords)) return false;
  return words.some(
    (w, i) => ownerPaid.has(w) && (within(words, i, 8, whenWords) || within(words, i, 6, balanceWords)),
  );
}

const rules: readonly Rule[] = [
  [asksSoftwareOutcome, "firmware upgrade", "whether the software went through"],
  [asksPriceIsLive, "apply pricing", "whether a new price is live"],
  [saysReservationsRequired, "pricing policy", "reservations shown as required"],
  [asksForScreenNotice, "station message", "a notice for the screens"],
  [saysCodeTypedIn, "connection code", "the code people type in"],
  [asksHowJoinersApproved, "auto approve", "whether joining is approved automatically"],
  [asksWhenOwnerPaid, "remittance", "when the owner is paid"],
  [asksHowPeopleJoin, "join driver group", "how people join"],
  [asksStationInRightPlace, "wrong location", "the station shown in the right place"],
  [asksPayAfterCharging, "overstay", "what is paid after charging ends"],
  [saysNotFoundOnMap, "locate", "a station drivers cannot find in the app"],
  [saysGotNothing, "zero energy", "a car that got nothing"],
];

/** Words without one of which no rule here can fire: one pass decides whether to run them at all. */
const cues: ReadonlySet<string> = new Set([
  ...softwareNouns,
  ...currentWords,
  ...priceNouns,
  ...reservationWords,
  ...noticeNouns,
  ...codeWords,
  ...approveWords,
  ...ownerPaid,
  ...joinVerbs,
  ...rightWords,
  ...afterWords,
  ...onTheMap,
  ...nothingWords,
]);

/**
 * Each rule's own words, without one of which it cannot fire: "after", "new" or a price let many messages past
 * the cues above, and then every rule ran. A rule not listed here runs whenever the cues let a message in.
 */
const cuesOfRule = new Map<Rule[0], ReadonlySet<string>>([
  [asksSoftwareOutcome, setOf(...softwareNouns, ...currentWords)],
  [asksPriceIsLive, priceNouns],
  [saysReservationsRequired, reservationWords],
  [asksForScreenNotice, noticeNouns],
  [saysCodeTypedIn, codeWords],
  [asksHowJoinersApproved, approveWords],
  [asksWhenOwnerPaid, ownerPaid],
  [asksHowPeopleJoin, joinVerbs],
  [asksStationInRightPlace, rightWords],
  [asksPayAfterCharging, afterWords],
  [saysNotFoundOnMap, onTheMap],
  [saysGotNothing, nothingWords],
]);
export const askedOutcomeGates: readonly (readonly [Rule[0], ReadonlySet<string> | undefined])[] = rules.map(
  ([says]) => [says, cuesOfRule.get(says)] as const,
);
const fired = firedConcepts(rules.map(([says, concept, from]) => [says, concept, from, cuesOfRule.get(says)] as const));

/** The concepts (and how to explain them) that the message's asked outcomes add. */
export function askedOutcomes(words: readonly string[]): (readonly [string, string])[] {
  if (!words.some((w) => cues.has(w))) return [];
  return fired(words);
}
