/**
 * How a group of stations is paid is Flex Billing's. The guide: "If the station owner wants the proceeds
 * from different groups of their stations to be deposited into different bank accounts, they will need to
 * configure one or more Custom Station Groups first"; the Flex Billing form sets a Payment Method (ACH/wire
 * or a paper check: "Canada customers are not eligible for paper checks currently"), and the organization
 * list shows the "Variable Service Fee (%)". So a group of stations (not of drivers) named with how its
 * money is paid, by check, into a bank, or with the service fee's percentage, asks Flex Billing: "the
 * Canadian group of stations wants cheques", "is the service fee percentage the same for every station
 * group". A driver group's price is Pricing Policy's, and a group joined with a code Station Connections'.
 */
const groupWords = new Set(["group", "groups"]);
const stationWords = new Set(["station", "stations", "charger", "chargers", "custom", "site", "sites"]);
/** The owner's money: how it is paid and what is kept from it. */
const payWords = new Set([
  ...["checks", "check", "bank", "banks", "deposit", "deposits", "deposited", "remittance", "payout", "payouts"],
  ...["proceeds", "revenue", "ach", "wire", "routing", "percentage", "percent", "paid", "money", "funds"],
]);
/** "check" as a verb ("check the group") is the common case: only a check sent or wanted is a payment. */
const checkAsPayment = new Set(["paper", "by", "wants", "want", "mailed", "cheque", "cheques", "checks"]);
const otherObjects = new Set([
  ...["driver", "drivers", "kwh", "rate", "rates", "pricing", "price", "code", "join", "joined", "access"],
  ...["policy", "waitlist", "members", "member"],
]);

function namesStationGroup(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!groupWords.has(words[i]!)) continue;
    // "station group", "custom group", "group of stations", "the garage group's stations".
    if (stationWords.has(words[i - 1] ?? "")) return true;
    if (words[i + 1] === "of" && stationWords.has(words[i + 2] ?? "")) return true;
  }
  return false;
}

function namesPayment(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!payWords.has(w)) continue;
    if (w !== "check") return w !== "checks" || checkAsPayment.has(words[i - 1] ?? "") || i === words.length - 1;
    if (checkAsPayment.has(words[i - 1] ?? "")) return true;
  }
  return false;
}

/** "the Canadian group of stations wants cheques", "is the service fee percentage the same for every station group". */
export function asksStationGroupPayout(words: readonly string[]): boolean {
  if (words.some((w) => otherObjects.has(w))) return false;
  return namesStationGroup(words) && namesPayment(words);
}

/** Words without one of which the rule cannot fire. */
export const stationGroupPayoutCues: ReadonlySet<string> = groupWords;
