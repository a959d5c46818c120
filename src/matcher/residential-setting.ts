/**
 * Where a question is asked (an apartment building, a condo, an HOA, a resident) is not what it asks. The
 * guide's Multifamily article is about one resident linked to one station under an MFH org; a resident who
 * was billed, an apartment owner's payout, a resident turned away at a guest charger or a "Residents only"
 * line for the screen are Pricing Policy's, Flex Billing's, Access Control's and Station Messages' questions
 * asked from a residential property. When a rule has read the question's object as one of those, the
 * setting's words stop counting for Multifamily; "multifamily" or "MFH" typed out still counts.
 */
const settingSources: ReadonlySet<string> = new Set([
  "resident",
  "residents",
  "tenant",
  "tenants",
  "apartment",
  "apartments",
  "condo",
  "condos",
  "condominium",
  "hoa",
]);

/** Concepts (analyse-text's effect rules) that name the question's object as another article's. */
const otherObjects: ReadonlySet<string> = new Set([
  "revenue payout",
  "usable by access",
  "access restricted",
  "pricing",
  "station message",
  "station name chargepoint station",
]);

const energyObjects: ReadonlySet<string> = new Set(["zero energy", "slow charge", "low energy dispensed"]);

/**
 * Whether the setting's words should be dropped, given the concepts the effect rules added. A station of
 * one's own keeps them ("the charger in her space assigned to her"), unless what is asked is a bill for it.
 */
export function settingIsNotTheQuestion(concepts: readonly string[]): boolean {
  if (concepts.includes("pricing") || concepts.includes("pricing policy")) return true;
  // A car that gets nothing (or little) from a resident's own stall is Slow or Zero Energy's question: the
  // stall being hers is the scene.
  if (concepts.some((c) => energyObjects.has(c))) return true;
  return concepts.some((c) => otherObjects.has(c)) && !concepts.includes("linked driver account");
}

/** What one's own station adds is dropped with the setting when a bill is the question. */
export const ownStationSource = "one person's own station";

/** Whether a term came from a word that only says where the question is asked. */
export function isSettingWord(source: string): boolean {
  return settingSources.has(source) || source === ownStationSource;
}

/**
 * What Multifamily's question is always about: a station, a connection, a driver account, the org or its
 * plan. "A resident complains about noise in the garage" or "an email to the tenants" names none of them:
 * the setting alone is no question for the guide.
 */
const chargingObjects: ReadonlySet<string> = new Set([
  "station",
  "stations",
  "charger",
  "chargers",
  "charging",
  "charge",
  "charged",
  "port",
  "ports",
  "plug",
  "plugged",
  "connection",
  "code",
  "account",
  "driver",
  "drivers",
  "plan",
  "org",
  "organization",
  "mfh",
  "mfhs",
  "multifamily",
  "stall",
  "session",
  "dashboard",
  "linked",
  "link",
]);

export function namesAChargingObject(words: readonly string[]): boolean {
  return words.some((w) => chargingObjects.has(w));
}
