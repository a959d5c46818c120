/**
 * Plans and decisions about the business around the stations, which share the articles' words (a payout, a
 * banner, a lot, the chargers) but which no article of the guide answers, so they are out of scope whatever
 * their subject (intent-cues.ts makes them decide alone):
 * - budgets and spending approval ("budget approval for 10 more chargers");
 * - taxes on the owner's income ("do hosts pay tax on their payouts", a 1099); the Federal tax ID that Flex
 *   Billing's form asks for is the article's, and so are the Tax Rules of a pricing policy;
 * - insurance and liability;
 * - marketing and publicity (a press release, the website, social media, a ribbon cutting);
 * - contractors for the site (painting the stall lines, landscaping);
 * - sustainability and ESG reporting;
 * - a person's own phone, Wi-Fi or router at home, with no station in the message;
 * - chargers at home or built by hand (the guide's stations are a site's, set up in the dashboard), and the
 *   building's own systems (a fire panel, a generator);
 * - permits from the city, what other sites charge (an industry standard, competitors), reaching people
 *   directly (a group text to residents, messaging one driver) and ChargePoint's own outages.
 * A named article, a station part, a session or any sign of trouble keeps a message in scope: "the tax ID on
 * the Flex Billing form was rejected" is Flex Billing's.
 */

import { homeIsComparison } from "./asks-other-hardware.ts";

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);
const any = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));

/** Words that alone make the message a business plan (checked after the vetoes). */
const businessWords = setOf(
  ...["budget", "budgets", "budgeting", "capex", "opex", "roi", "insurance", "insurer", "insured", "liability"],
  ...["marketing", "publicity", "sustainability", "esg", "landscapers", "landscaping", "repaint", "repainting"],
  ...["1099", "1099s", "taxable", "ribbon", "diy", "generator", "generators", "competitors", "competitor"],
  ...["benchmark", "zoning", "sprinkler", "hvac"],
);
/** Two-word things: "press release", "social media", "pay tax", "tax return", "stall lines". */
const businessPairs: readonly (readonly [string, ReadonlySet<string>])[] = [
  ["press", setOf("release", "releases")],
  ["social", setOf("media")],
  ["pay", setOf("tax", "taxes")],
  ["income", setOf("tax", "taxes")],
  ["tax", setOf("return", "returns", "form", "forms", "advice", "deduction", "deductible", "write")],
  ["stall", setOf("lines", "striping", "markings")],
  ["our", setOf("website")],
  ["home", setOf("charger", "chargers", "charging")],
  ["fire", setOf("panel", "alarm", "alarms", "marshal")],
  ["industry", setOf("standard", "standards", "average", "norm")],
  ["market", setOf("rate", "rates", "price", "prices")],
  ["group", setOf("text", "texts", "chat", "sms")],
  ["mass", setOf("text", "texts", "email", "emails")],
];
const parkingRules = setOf("policy", "policies", "rules", "regulations");
const feeWords = setOf("fee", "fees", "overstay", "idle", "price", "pricing", "rate", "rates", "charged", "billed");
/** "permission from the city", "a city permit": the city's say, not the dashboard's. */
const permitWords = setOf("permit", "permits", "permission", "approval");
const cityWords = setOf("city", "county", "council", "township");
/** "message the driver directly": a person reached, not a station's screen. */
const reachVerbs = setOf("message", "text", "email", "call", "contact", "phone", "sms");
/** "is chargepoint having an outage": the network's own service, not one station. */
const serviceWords = setOf("chargepoint", "platform", "cloud", "servers", "server", "aws");
/** A person's own network: "fix my wifi", "my phone has 1 bar at home" (no station named). */
const ownDevice = setOf("phone", "wifi", "router", "internet", "modem", "laptop");
const ownWords = setOf("my", "home", "house");

/** The articles' own names and objects: the message is theirs whatever else it plans. */
const articleWords = setOf(
  ...["flex", "billing", "remittance", "firmware", "waitlist", "pricing", "policy", "session", "sessions", "port"],
  ...["ports", "fault", "faulted", "breaker", "rfid", "connection", "pinpoint", "multifamily", "id", "station"],
  ...["stations", "charger", "chargers", "unit", "units", "screen", "screens", "display", "displays", "cable"],
  ...["cables", "cord", "card", "cards", "badge", "badges", "fob", "fobs"],
  ...["connector", "plug", "holster", "head", "pedestal", "replace", "replacing", "replacement"],
);
/** Trouble: a message saying something is wrong is asking for its article. */
const trouble = setOf(
  ...["not", "no", "never", "wrong", "missing", "error", "errors", "failed", "fails", "stuck", "offline"],
  ...["unreachable", "rejected", "denied", "broken", "zero", "slow", "unavailable", "damaged", "damage"],
);
/** Chargers named as the plan's object ("budget for 10 more chargers") do not veto a budget or insurance. */
const planAlways = setOf(
  ...["budget", "budgets", "budgeting", "capex", "opex", "insurance", "insurer", "sustainability", "esg", "home"],
  ...["diy", "generator", "generators", "fire", "zoning", "industry", "market", "competitors", "competitor"],
);

const outsideObjects = setOf("home", "diy", "fire", "generator", "generators");
const stationWord = (w: string) => /^(station|stations|charger|chargers|unit|units)$/.test(w);

function namesBusiness(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (businessWords.has(w)) return w;
    for (const [first, seconds] of businessPairs) if (w === first && seconds.has(words[i + 1] ?? "")) return w;
  }
  return undefined;
}

/** "what's the process to get budget approval", "do hosts pay tax on payouts", "fix my wifi at home". */
export function asksBusinessPlan(words: readonly string[]): boolean {
  const named = namesBusiness(words);
  // A charger at home or built by hand, a fire panel: things the guide never covers, broken or not. A home
  // charger that "works fine" is what the site's station is held against (asks-other-hardware.ts).
  if (named !== undefined && outsideObjects.has(named)) {
    if (named === "home" && homeIsComparison(words, words.indexOf("home"))) return false;
    return !words.some((w) => articleWords.has(w) && !stationWord(w));
  }
  if (any(words, trouble)) return false;
  if (named !== undefined) {
    const objects = words.filter((w) => articleWords.has(w));
    // The stations as the plan's object are no article ("insurance for the chargers"); an article's own word is.
    const onlyStations = objects.every(stationWord);
    return planAlways.has(named) ? onlyStations : objects.length === 0;
  }
  if (any(words, permitWords) && any(words, cityWords)) return true;
  // "who decides the EV parking policy": the site's rules for its spaces, not a fee (Pricing Policy's overstay).
  // Shown on a station's screens ("the screens to show our parking rules"), the rules are a station message's text.
  const parkingRule = words.some((w, i) => w === "parking" && parkingRules.has(words[i + 1] ?? ""));
  const otherArticleWord = words.some((w) => articleWords.has(w) && !stationWord(w) && !parkingRules.has(w));
  if (parkingRule && !any(words, feeWords) && !otherArticleWord) return true;
  if (words.includes("directly") && any(words, reachVerbs) && !any(words, articleWords)) return true;
  if (words.some((w, i) => (w === "outage" || w === "outages") && near(words, i, 4, serviceWords))) return true;
  return any(words, ownDevice) && any(words, ownWords) && !words.some((w) => articleWords.has(w));
}

function near(words: readonly string[], i: number, span: number, set: ReadonlySet<string>): boolean {
  return words.slice(Math.max(0, i - span), i).some((w) => set.has(w));
}

/** Words without one of which the rule cannot fire (it runs on every sentence). */
export const businessPlanCues: ReadonlySet<string> = new Set([
  ...businessWords,
  ...businessPairs.map(([first]) => first),
  ...ownDevice,
  ...permitWords,
  "directly",
  "parking",
  "outage",
  "outages",
]);
