import { firedConcepts } from "./word-gates.ts";

/**
 * An article asked as a plan or a decision in the words of the task, not of the article (the eighth blind
 * set's "should we update all 40 depot stations now or at 2am", "a banner on all stations tonight"). Each
 * rule reads the task's verb or noun beside the article's object, with a veto for the same task done to
 * something else; what it adds is the concept the article is trained on. From the guide:
 * - Firmware Upgrade: a patch or rollout pushed to stations (OTAng's Download To Stations, Upload at an
 *   Absolute Time or Immediate);
 * - Station Messages: a sign, banner or announcement put on the chargers, or the screens telling people
 *   something (Station message Text line 1 and 2, applied to an org or a radio group);
 * - Flex Billing: the owner's banking form waiting for approval ("It may take 2–3 business days for Flex
 *   Billing to be approved"; the banking information is its prerequisite);
 * - Pricing Policy: a rate raised or set for part of the day ("Price Varies: By Time of Day");
 * - Access Control: stations locked down or limited to a group of people (Usable by an access policy);
 * - Bad PinPoint: a station moved or relocated (re-enter the address, latitude and longitude);
 * - Charging Station Connections: people invited to, or unable to get into, a charging group or plan
 *   (the Connections table's "Invite drivers"; "Driver unable to join the driver group");
 * - Waitlist: "I was next" and someone else took the port (the queue's "turn to charge").
 * Read in messages only, and only when a message has one of the words the rules need.
 */

type Rule = readonly [(words: readonly string[]) => boolean, string, string];

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);
const any = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));
function near(words: readonly string[], i: number, before: number, after: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, i - before); k <= Math.min(words.length - 1, i + after); k++)
    if (k !== i && set.has(words[k]!)) return true;
  return false;
}

/** The stations as a fleet: what a rollout or a notice goes to. */
const stationNouns = setOf(
  ...["charger", "chargers", "station", "stations", "unit", "units", "pedestal", "pedestals", "ports", "heads"],
  ...["ct4000", "ct4k", "ct4020", "ct4010", "cp6k", "cpe250", "cpf50", "cpf", "depot", "fleet"],
);

const rolloutNouns = setOf("patch", "patches", "patching", "patched", "rollout", "rollouts");
/** A patch of asphalt, a wall or a cable; a company's own computers. */
const notSoftwarePatch = setOf(
  ...["asphalt", "pothole", "potholes", "wall", "drywall", "concrete", "paint", "cable", "cables", "cord", "lines"],
  ...["router", "routers", "wifi", "laptop", "laptops", "windows", "office", "computers", "app", "phone", "price"],
  ...["pricing", "rate", "message", "policy"],
);

const updateWords = setOf("update", "updates", "updating", "upgrade", "upgrades", "upgrading", "push", "pushing");
/** When an upload runs: OTAng's Absolute Time or Immediate, said the way a manager plans it. */
const whenWords = setOf(
  ...["schedule", "scheduled", "scheduling", "tonight", "overnight", "midnight", "later", "immediately", "weekend"],
  ...["time", "window", "now"],
);
const clockTime = /^\d{1,2}(am|pm)$/;
/** An update of something else: a price, a message, an address, a policy, a person's record. */
const notSoftwareUpdate = setOf(
  ...["address", "location", "name", "names", "coordinates", "map", "group", "driver", "drivers", "card", "cards"],
  ...["bank", "banking", "connection", "waitlist", "access", "screen", "text", "banner", "notice", "sign"],
);

/** "kick off a patch for the depot units", "update all 40 stations now or schedule it for 2am". */
export function plansSoftwareRollout(words: readonly string[]): boolean {
  const rollout = words.some((w, i) => rolloutNouns.has(w) && near(words, i, 6, 8, stationNouns));
  const timedUpdate =
    words.some((w, i) => updateWords.has(w) && near(words, i, 0, 5, stationNouns)) &&
    words.some((w) => whenWords.has(w) || clockTime.test(w)) &&
    !any(words, notSoftwareUpdate);
  return (rollout || timedUpdate) && !any(words, notSoftwarePatch);
}

const appliedWords = setOf("applied", "apply", "took", "take", "live", "pushed", "sent");
const noticeNouns = setOf("sign", "signs", "banner", "banners", "notice", "announcement", "note", "warning");
const announceVerbs = setOf("announce", "announcing", "advertise", "post", "posting", "warn", "tell", "inform");
const onWords = setOf("on", "onto", "across");
const screenNouns = setOf("screen", "screens", "display", "displays", "lcd");
const carryVerbs = setOf("tell", "say", "carry", "read", "show", "inform", "warn", "announce", "display");
/** Signs that are made rather than typed: printed, painted, stuck on; or a notice that goes elsewhere. */
const notTheScreen = setOf(
  ...["printed", "print", "decal", "decals", "sticker", "stickers", "vinyl", "painted", "paint", "metal"],
  ...["website", "web", "press", "marketing", "entrance", "pole", "wall", "lobby", "elevator", "newsletter"],
  ...["signoff", "signed", "contract", "lease", "flyer"],
);

/** "a sign on the chargers saying closed friday", "the displays to tell people the garage locks at 10". */
export function plansScreenNotice(words: readonly string[]): boolean {
  const onStations = words.some(
    (w, i) =>
      (noticeNouns.has(w) || announceVerbs.has(w)) &&
      words.slice(i + 1, i + 9).some(
        (x, k, after) =>
          // "on the chargers", "on all 40 stations", "across every unit at the depot".
          onWords.has(x) && after.slice(k + 1, k + 5).some((y) => stationNouns.has(y)),
      ),
  );
  const screensSay = words.some(
    (w, i) => screenNouns.has(w) && words.slice(i + 1, i + 10).some((x) => carryVerbs.has(x)),
  );
  // "did the sign text take yet, I applied it": the message's text, applied.
  const textApplied =
    words.some((w, i) => noticeNouns.has(w) && (words[i + 1] === "text" || words[i + 1] === "wording")) &&
    any(words, appliedWords);
  return (onStations || screensSay || textApplied) && !notTheScreenNotice(words);
}
function notTheScreenNotice(words: readonly string[]): boolean {
  // "sign up", "sign in", "sign off": a verb, not a sign.
  const signVerb = (w: string, i: number) =>
    (w === "sign" || w === "signs") && ["up", "in", "off", "for"].includes(words[i + 1] ?? "");
  return words.some((w, i) => notTheScreen.has(w) || signVerb(w, i));
}

const bankingWords = setOf("banking", "bank", "tax", "routing", "ach", "iban");
const formWords = setOf("form", "forms", "details", "info", "information", "paperwork", "application");
const approvalWords = setOf("approve", "approves", "approved", "approval", "pending", "long", "wait", "review");
/** The host's banking form, or its approval: Flex Billing's setup. */
export function asksBankingApproval(words: readonly string[]): boolean {
  return (
    any(words, approvalWords) &&
    words.some((w, i) => bankingWords.has(w) && formWords.has(words[i + 1] ?? "")) &&
    !words.includes("refund")
  );
}

const priceNouns = setOf("rate", "rates", "price", "prices", "pricing", "fee", "fees");
const changeVerbs = setOf("raise", "raising", "lower", "lowering", "increase", "increasing", "drop", "change", "set");
const partOfDay = setOf(
  ...["evening", "evenings", "night", "nights", "nighttime", "morning", "mornings", "afternoon", "afternoons"],
  ...["weekend", "weekends", "peak", "daytime", "overnight", "weekday", "weekdays", "hours"],
);
/** Someone else's rate: the utility's, the company's own plan, a loan. */
const notDriverPrice = setOf(
  ...["utility", "electricity", "power", "tariff", "subscription", "plan", "interest", "mortgage", "salary"],
  ...["wage", "wages", "hourly", "overtime", "exchange", "tax"],
);
/** "raise the rate in the evenings", "a higher price at night". */
export function plansPriceByTime(words: readonly string[]): boolean {
  return (
    words.some((w, i) => priceNouns.has(w) && near(words, i, 3, 1, changeVerbs) && near(words, i, 0, 5, partOfDay)) &&
    !any(words, notDriverPrice)
  );
}

const lockVerbs = setOf("lock", "locked", "locking", "limit", "limited", "limiting", "restrict", "restricted");
const people = setOf(
  ...["tenants", "residents", "staff", "employees", "members", "visitors", "guests", "patrons", "everyone"],
  ...["public", "customers", "students", "faculty", "fleet"],
);
/** One person's own charger is Multifamily's; a gate or a door is the building's. */
const notAccessPolicy = setOf("own", "assigned", "personal", "gate", "door", "doors", "garage", "elevator");
const useVerbs = setOf("use", "charge", "access");
/** How people charge (no card, the app, a tap) is Just Charge's or the reader's, not who may. */
const notWhoMay = setOf("card", "cards", "app", "tap", "without", "authenticate", "authentication", "badge");
/** "lock the lot's stations down to our tenants", "limit the chargers to staff", "if the public can use our chargers". */
export function plansWhoMayCharge(words: readonly string[]): boolean {
  const limited = words.some(
    (w, i) => lockVerbs.has(w) && near(words, i, 0, 4, stationNouns) && near(words, i, 0, 8, people),
  );
  const mayUse = words.some(
    (w, i) =>
      people.has(w) &&
      (words[i + 1] === "can" || words[i + 1] === "may") &&
      useVerbs.has(words[i + 2] ?? "") &&
      near(words, i, 0, 5, stationNouns),
  );
  return (limited || (mayUse && !any(words, notWhoMay))) && !any(words, notAccessPolicy);
}

const moveVerbs = setOf("move", "moving", "moved", "relocate", "relocated", "relocating", "relocation");
const whereWords = setOf(
  ...["lot", "side", "building", "spot", "where", "location", "address", "map", "app", "dashboard", "shows"],
  ...["floor", "level", "garage", "street", "corner"],
);
/**
 * Moving the chargers as a project (its cost, its electrician, its permits) is nobody's article; moving a
 * unit's record or setup to its replacement is Replace Hardware's.
 */
const notPinpoint = setOf(
  ...["cost", "costs", "price", "quote", "budget", "electrician", "contractor", "permit", "permits", "trench"],
  ...["conduit", "pay", "take", "offices", "office", "record", "records", "setup", "settings", "config"],
  ...["configuration", "replacement", "swap", "swapped", "replaced", "failed", "history", "data"],
);
/** "we moved a charger from the front lot to the back", "relocated two pedestals to the other side". */
export function saysStationMoved(words: readonly string[]): boolean {
  return (
    words.some((w, i) => moveVerbs.has(w) && near(words, i, 2, 4, stationNouns)) &&
    any(words, whereWords) &&
    !any(words, notPinpoint)
  );
}

const inviteVerbs = setOf("invite", "invited", "inviting", "invites");
const joinersNouns = setOf(
  ...["hires", "employees", "staff", "members", "nurses", "tenants", "residents", "drivers", "people", "team"],
  ...["contractors", "interns", "starters", "them", "faculty", "students", "volunteers", "colleagues"],
);
const groupNouns = setOf("group", "groups", "plan", "program", "programme", "scheme");
const chargingWords = setOf("charging", "charger", "chargers", "ev", "driver", "drivers", "station", "stations");
/** Joining something else: a benefits plan, a building, the cloud plan, an app. */
const notConnectionGroup = setOf(
  ...["cloud", "health", "dental", "pension", "insurance", "benefits", "building", "wifi", "slack", "teams"],
  ...["email", "chat", "waitlist", "queue", "data", "phone", "subscription"],
);
/** "how do we invite the new hires", "new hires can't get into the company charging group". */
export function asksPeopleIntoGroup(words: readonly string[]): boolean {
  if (any(words, notConnectionGroup)) return false;
  return words.some(
    (w, i) =>
      (inviteVerbs.has(w) && near(words, i, 8, 3, joinersNouns)) ||
      (groupNouns.has(w) &&
        near(words, i, 3, 0, chargingWords) &&
        words
          .slice(Math.max(0, i - 6), i)
          .some((x, k, before) => x === "into" || x === "onto" || (x === "on" && before[k - 1] === "get"))),
  );
}

/** "I was next and someone else got the plug": the turn the Waitlist gives. */
export function saysTurnTaken(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      w === "next" &&
      (words[i - 1] === "was" || words[i - 1] === "were") &&
      words.slice(i + 1, i + 8).some((x) => x === "someone" || x === "somebody" || x === "another" || x === "took"),
  );
}

const billedWords = setOf("charged", "billed", "paid", "pay", "paying", "charging");
const fullWords = setOf("full", "finished", "done");
const carWords = setOf("car", "battery", "vehicle", "ev", "tesla");
/** "charged me for 6 hours but my car was full after 2": paying on after charging stops (Overstay). */
export function saysBilledPastFull(words: readonly string[]): boolean {
  if (!any(words, billedWords)) return false;
  return words.some((w, i) => fullWords.has(w) && near(words, i, 4, 0, carWords)) && words.includes("hours");
}

const moneyWords = setOf(
  ...["revenue", "money", "earnings", "proceeds", "income", "payout", "payouts", "funds", "takings"],
);
const paidHow = setOf("mailed", "mail", "check", "checks", "deposit", "deposited", "wire", "wired", "transfer", "ach");
/** Someone's own pay, a refund, a driver's money: not the owner's remittance. */
const notRemittance = setOf(
  ...["paycheck", "salary", "payroll", "expense", "expenses", "refund", "refunds", "driver", "drivers", "tax"],
);
/** "host wants their revenue mailed as a check", "can the charging money be wired to another account". */
export function asksHowRevenuePaid(words: readonly string[]): boolean {
  return words.some((w, i) => moneyWords.has(w) && near(words, i, 0, 5, paidHow)) && !any(words, notRemittance);
}

const timeUnits = setOf("hour", "hours", "hr", "hrs", "minutes", "min", "mins", "session", "charge", "night");
const countWords = setOf("one", "a", "an", "half", "1", "2", "3", "4", "5", "6", "8", "10", "12", "24");
/** Someone else's bill: the utility, parking, the subscription. */
const notDriverBill = setOf(
  ...["utility", "electricity", "parking", "subscription", "cloud", "plan", "ticket", "tow", "gas", "petrol"],
  ...["diesel", "pump", "fuel"],
);
/** "$38 for ONE hour of charging??": a driver's price quoted as a complaint (Pricing Policy). */
export function quotesPriceForTime(words: readonly string[]): boolean {
  return (
    words.some(
      (w, i) =>
        w === "dollars" &&
        /^\d+(\.\d+)?$/.test(words[i + 1] ?? "") &&
        words
          .slice(i + 2, i + 6)
          .some(
            (x, k, after) => x === "for" && countWords.has(after[k + 1] ?? "") && timeUnits.has(after[k + 2] ?? ""),
          ),
    ) && !any(words, notDriverBill)
  );
}

/** "the always-on mode": Just Charge's "state of always authorized", named as a mode or setting. */
const modeWords = setOf("mode", "setting", "option", "feature");
export function namesAlwaysOnMode(words: readonly string[]): boolean {
  return words.some((w, i) => w === "always" && words[i + 1] === "on" && modeWords.has(words[i + 2] ?? ""));
}

const codeWords = setOf("code", "codes");
/** How a code is handed out: by email, on a flyer, in a welcome pack. */
const handOut = setOf(
  ...["email", "emailed", "flyer", "flyers", "text", "texted", "send", "sent", "give", "hand", "handed", "get"],
  ...["share", "shared", "poster", "welcome", "onboarding", "distribute"],
);
/** Codes that are not a connection's: a door, a gate, Wi-Fi, a discount, an activation, a fault. */
const notConnectionCode = setOf(
  ...["door", "gate", "wifi", "alarm", "lockbox", "promo", "coupon", "discount", "activation", "fault", "error"],
  ...["zip", "postal", "password", "verification", "mac", "serial", "sticker", "qr", "parking"],
);
/** "should new tenants get the code by email or on a flyer": Station Connections' connection code. */
export function asksHowCodeHandedOut(words: readonly string[]): boolean {
  return (
    words.some((w, i) => codeWords.has(w) && near(words, i, 4, 4, handOut) && near(words, i, 5, 0, joinersNouns)) &&
    !any(words, notConnectionCode)
  );
}

const rules: readonly Rule[] = [
  [plansSoftwareRollout, "firmware upgrade", "a patch or rollout for the stations"],
  [plansScreenNotice, "station message", "a notice put on the stations' screens"],
  [asksBankingApproval, "flex billing", "the owner's banking form and its approval"],
  [plansPriceByTime, "pricing", "a price for part of the day"],
  [plansWhoMayCharge, "usable by access", "stations limited to a group of people"],
  [saysStationMoved, "wrong location", "a station that was moved"],
  [asksPeopleIntoGroup, "join driver group", "people invited into a charging group"],
  [saysTurnTaken, "queue skipped", "someone took the turn"],
  [saysBilledPastFull, "overstay", "billed on after the car was full"],
  [asksHowRevenuePaid, "remittance", "how the owner's revenue is paid out"],
  [quotesPriceForTime, "pricing", "a price quoted for a time"],
  [namesAlwaysOnMode, "authfree", "an always-on mode"],
  [asksHowCodeHandedOut, "connection code", "how the code is handed out"],
];

/** Words without one of which no rule here can fire: one pass decides whether to run them at all. */
const cues: ReadonlySet<string> = new Set([
  ...rolloutNouns,
  ...noticeNouns,
  ...announceVerbs,
  ...screenNouns,
  ...bankingWords,
  ...priceNouns,
  ...lockVerbs,
  ...people,
  ...moveVerbs,
  ...inviteVerbs,
  ...groupNouns,
  ...fullWords,
  ...updateWords,
  ...moneyWords,
  "dollars",
  "always",
  ...codeWords,
  "next",
]);

/**
 * Each rule's own words, without one of which it cannot fire: "next", "new" or a price let most messages past
 * the cues above, and then every rule ran. A rule not listed here runs whenever the cues let a message in.
 */
const cuesOfRule = new Map<Rule[0], ReadonlySet<string>>([
  [plansSoftwareRollout, setOf(...rolloutNouns, ...updateWords)],
  [plansScreenNotice, setOf(...noticeNouns, ...announceVerbs, ...screenNouns)],
  [asksBankingApproval, bankingWords],
  [plansPriceByTime, priceNouns],
  [plansWhoMayCharge, setOf(...lockVerbs, ...people)],
  [saysStationMoved, moveVerbs],
  [asksPeopleIntoGroup, setOf(...inviteVerbs, ...groupNouns)],
  [saysTurnTaken, setOf("next")],
  [saysBilledPastFull, fullWords],
  [asksHowRevenuePaid, moneyWords],
  [quotesPriceForTime, setOf("dollars")],
  [namesAlwaysOnMode, setOf("always")],
  [asksHowCodeHandedOut, codeWords],
]);
export const askedPlanGates: readonly (readonly [Rule[0], ReadonlySet<string> | undefined])[] = rules.map(
  ([says]) => [says, cuesOfRule.get(says)] as const,
);
const fired = firedConcepts(rules.map(([says, concept, from]) => [says, concept, from, cuesOfRule.get(says)] as const));

/** The concepts (and how to explain them) that the message's plans and decisions add. */
export function askedPlans(words: readonly string[]): (readonly [string, string])[] {
  if (!words.some((w) => cues.has(w))) return [];
  return fired(words);
}
