/**
 * Three kinds of question that share the articles' words but ask for what no article gives, so they are
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
  ...["amps", "amp", "volts", "watts"],
);
const compareWords = setOf("vs", "versus", "difference", "between", "mean", "means", "meaning");
const perWords = setOf("per");
const distanceWords = setOf("miles", "mile", "km", "kilometres", "kilometers", "kilometre", "kilometer");
const energyWords = setOf("kwh", "kw", "kilowatt", "kilowatts", "percent");
/** A station, its parts or its sessions: then it is the article's expected rate, not general knowledge. */
const stationContext = setOf(
  ...["station", "stations", "charger", "chargers", "port", "ports", "breaker", "breakers", "session"],
  ...["sessions", "circuit", "select", "cpf", "dashboard", "jumpers", "plate", "only", "barely", "got"],
  ...["gained", "added", "slow", "slower", "driver's", "dispensed", "dispensing", "delivered", "plugged"],
);
const modelCode = /^(ct|cpf|cpe|cp)\d+[a-z0-9]*$/;

/** "how many miles of range is 30 kWh", "what does kW vs kWh mean", "convert 11.5 kW to amps". */
export function asksUnitConversion(words: readonly string[]): boolean {
  if (any(words, stationContext) || words.some((w) => modelCode.test(w))) return false;
  let units = 0;
  let standards = 0;
  for (const w of words) {
    if (unitWords.has(w)) units++;
    if (standardWords.has(w)) standards++;
  }
  if (units >= 1 && any(words, convertWords) && words.some((w) => /^\d/.test(w) || unitWords.has(w))) return true;
  if (standards >= 2 && any(words, compareWords)) return true;
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

/** "change the time zone on my dashboard profile", "can I get the dashboard emails in french". */
export function asksUserPreference(words: readonly string[]): boolean {
  if (any(words, stationThings) || !any(words, ownAccount)) return false;
  if (any(words, preferenceWords)) return true;
  return words.some((w, i) => preferencePairs.some(([a, b]) => w === a && words[i + 1] === b));
}
