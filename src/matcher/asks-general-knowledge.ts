/**
 * Four kinds of question that share the articles' words but ask for what no article gives, so they are
 * out of scope whatever their subject (intent-cues.ts makes them decide alone):
 * - general EV knowledge and unit conversions: kWh into miles of range, kW into amps, what kW against
 *   kWh means, Level 2 against DC fast, one connector standard against another. Slow or Zero Energy has
 *   the units, but its question is a station that delivers less than its breaker allows, so a station, a
 *   port, a breaker, a model or a session in the message keeps it there ("how many kW should a CPF on a
 *   50 amp breaker give");
 * - money that does not flow through Flex Billing: carbon or LCFS credits, rebates, grants, tax credits,
 *   incentives, referral bonuses and commissions (Flex Billing forwards drivers' payments to the owner;
 *   the Carbon Credit Program is a dashboard field with no article);
 * - a dashboard user's own preferences: time zone, language, dark mode, date format, email preferences on
 *   "my" account or profile (the station's screen, messages and sessions are the articles').
 * - one's own pay: "my direct deposit", "paid for my overtime" (HR's, not the station owner's remittance).
 * Each is vetoed by any sign of trouble (asksForDataWithoutTrouble in intent-cues.ts).
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);
const any = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));

const unitWords = setOf(
  ...["kw", "kwh", "kilowatt", "kilowatts", "amp", "amps", "volt", "volts", "watts", "miles", "mile", "km"],
  ...["kilometres", "kilometers", "mpg", "mpge", "gallons", "range", "usd", "eur", "cad", "gbp", "euros"],
);
const convertWords = setOf("convert", "converting", "conversion", "equals", "equivalent", "translate", "into");
/** Standards compared with each other: "Level 2 vs DC fast", "J1772 vs CCS". */
const standardWords = setOf(
  ...["kw", "kwh", "level", "dc", "ac", "fast", "j1772", "ccs", "nacs", "chademo", "tesla", "l2", "l1", "l3"],
  ...["amps", "amp", "volts", "watts", "gas", "gasoline", "petrol", "co2", "emissions"],
);
const compareWords = setOf("vs", "versus", "difference", "between", "mean", "means", "meaning");
const perWords = setOf("per");
const toUnits = setOf(...unitWords, "percent", "percentage", "soc");
const distanceWords = setOf("miles", "mile", "km", "kilometres", "kilometers", "kilometre", "kilometer");
const energyWords = setOf("kwh", "kw", "kilowatt", "kilowatts", "percent");
/** A station, its parts or its sessions: then it is the article's expected rate, not general knowledge. */
const stationContext = setOf(
  ...["station", "stations", "charger", "chargers", "port", "ports", "breaker", "breakers", "session"],
  ...["sessions", "circuit", "select", "cpf", "dashboard", "jumpers", "plate", "only", "barely", "got"],
  ...["gained", "added", "slow", "slower", "driver's", "dispensed", "dispensing", "delivered", "plugged"],
);
const modelCode = /^(ct|cpf|cpe|cp)\d+[a-z0-9]*$/;

/** Words without one of which asksUnitConversion cannot be true (a unit, or two standards): a gate for intent-cues.ts. */
export const unitConversionCues: ReadonlySet<string> = setOf(...unitWords, ...standardWords);

/** "how many miles of range is 30 kWh", "what does kW vs kWh mean", "convert 11.5 kW to amps". */
export function asksUnitConversion(words: readonly string[]): boolean {
  let units = 0;
  let standards = 0;
  for (const w of words) {
    if (unitWords.has(w)) units++;
    if (standardWords.has(w)) standards++;
  }
  // Most messages name no unit at all: the vetoes only after that.
  if ((units === 0 && standards < 2) || any(words, stationContext) || words.some((w) => modelCode.test(w)))
    return false;
  if (units >= 1 && any(words, convertWords) && words.some((w) => /^\d/.test(w) || unitWords.has(w))) return true;
  if (standards >= 2 && any(words, compareWords)) return true;
  // "kWh to percent", "kw into amps": one unit read as another.
  if (
    words.some(
      (w, i) =>
        unitWords.has(w) && (words[i + 1] === "to" || words[i + 1] === "into") && toUnits.has(words[i + 2] ?? ""),
    )
  )
    return true;
  // "how many kilometres per kWh", "cost per mile": distance against energy. A price per kWh is Pricing Policy's.
  const distance = any(words, distanceWords);
  if (
    words.some(
      (w, i) =>
        perWords.has(w) && (distanceWords.has(words[i + 1] ?? "") || (distance && energyWords.has(words[i + 1] ?? ""))),
    )
  )
    return true;
  // "how many miles of range is 30 kWh".
  return (
    distance && any(words, energyWords) && words.some((w, i) => w === "many" && distanceWords.has(words[i + 1] ?? ""))
  );
}

const incentiveWords = setOf(
  ...["rebate", "rebates", "grant", "grants", "incentive", "incentives", "lcfs", "30c", "referral"],
  ...["commission", "commissions", "offsets", "offset", "bounty"],
);
/** "carbon credits", "tax credit", "clean fuel credits": a credit that is not a credit card. */
const creditKinds = setOf("carbon", "tax", "fuel", "lcfs", "clean", "energy", "federal", "state", "ghg");

/** Words without one of which asksAboutIncentives cannot be true: a gate for intent-cues.ts. */
export const incentiveCues: ReadonlySet<string> = setOf(...incentiveWords, "credit", "credits", "carbon");

/** "how do we get paid for carbon credits", "is there a federal tax credit", "a utility rebate". */
export function asksAboutIncentives(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      incentiveWords.has(w) ||
      ((w === "credit" || w === "credits") && (creditKinds.has(words[i - 1] ?? "") || words[i - 1] === "lcfs")) ||
      (w === "carbon" && (words[i + 1] === "offset" || words[i + 1] === "offsets")),
  );
}

const preferenceWords = setOf(
  ...["timezone", "language", "theme", "french", "spanish", "german", "english", "preferences", "preference"],
  ...["avatar", "nickname"],
);
const preferencePairs: readonly (readonly [string, string])[] = [
  ["time", "zone"],
  ["dark", "mode"],
  ["date", "format"],
  ["display", "name"],
  ["profile", "picture"],
];
const ownAccount = setOf("my", "user", "profile", "account", "login", "dashboard", "emails", "email");
/** What the stations show or do: the articles' (a message in Spanish on the screen is Station Messages). */
const stationThings = setOf(
  ...["station", "stations", "charger", "chargers", "screen", "screens", "message", "messages", "port"],
  ...["session", "sessions", "driver", "drivers", "app", "waitlist", "text", "line"],
);

/** Words without one of which asksUserPreference cannot be true (a preference, or a pair's second word): a gate for intent-cues.ts. */
export const userPreferenceCues: ReadonlySet<string> = setOf(...preferenceWords, ...preferencePairs.map(([, b]) => b));

/** "change the time zone on my dashboard profile", "can I get the dashboard emails in french". */
export function asksUserPreference(words: readonly string[]): boolean {
  if (!any(words, ownAccount) || any(words, stationThings)) return false;
  if (any(words, preferenceWords)) return true;
  return words.some((w, i) => preferencePairs.some(([a, b]) => w === a && words[i + 1] === b));
}

const ownPay = setOf(...["deposit", "overtime", "bonus", "reimbursed", "reimbursement"]);
const myWords = setOf("my", "i", "me", "im");
const payrollWords = setOf("payroll", "paycheck", "paycheque", "salary", "wages", "payslip");
/** The station owner's or a driver's money: any owner, site, station or session makes it the articles'. */
const ownerSide = setOf(
  ...["owner", "owners", "host", "hosts", "site", "sites", "station", "stations", "charger", "chargers", "we"],
  ...["us", "our", "org", "organization", "property", "customer", "customers", "drivers", "driver", "flex"],
  ...["remittance", "billing", "sessions", "session", "revenue", "charge", "charged", "charging", "kwh"],
  ...["receipt", "app", "card", "fee", "fees", "car", "plugged", "security"],
);

/** Words without one of which asksAboutOwnPay cannot be true: a gate for intent-cues.ts. */
export const ownPayCues: ReadonlySet<string> = ownPay;

/** "my direct deposit didn't arrive", "who do I ask about getting paid for my overtime". */
export function asksAboutOwnPay(words: readonly string[]): boolean {
  // Words the synonym table already reads as payroll speak for HR without the cue.
  return any(words, ownPay) && any(words, myWords) && !any(words, ownerSide) && !any(words, payrollWords);
}
