/**
 * The fee and the payout asked for a multifamily site are Flex Billing's, not Multifamily's. Flex Billing
 * says who pays what on the money drivers pay: "Customers (station owners) have 10% of their revenue
 * withheld", and "customers of multifamily home sites do not pay additional fees outside of their Cloud
 * plan. Multifamily home customers receive the full revenue from their transactions." Multifamily is the
 * MFH org, its cloud plan and the one driver linked to a station. So a message that names the site's kind
 * (MFH, an HOA, a condo building) and asks about the money withheld from, or paid out to, its owner ("do MFH
 * customers lose the 10% too", "the HOA's payout never arrived") asks Flex Billing's question from there:
 * the site's words stop counting and the payout is the concept. A resident's link, code or plan keeps the
 * message Multifamily's, and a price drivers pay is Pricing Policy's.
 */
const siteWords = new Set([
  "mfh",
  "mfhs",
  "multifamily",
  "hoa",
  "hoas",
  "condo",
  "condos",
  "condominium",
  "apartment",
  "apartments",
]);
/** The owner's money: what is withheld from it and what is paid out. */
const moneyWords = new Set([
  "fee",
  "fees",
  "percent",
  "percentage",
  "cut",
  "withheld",
  "withhold",
  "withholding",
  "commission",
  "revenue",
  "payout",
  "payouts",
  "remittance",
  "remittances",
  "proceeds",
  "earnings",
  "deposit",
  "deposits",
  "deposited",
  "funds",
  "money",
]);
/** "lose the 10", "keep 10": a share taken, said with its number. */
const shareVerbs = new Set(["lose", "loses", "keep", "keeps", "take", "takes", "pay", "pays", "give", "deduct"]);
/** Multifamily's own objects, and a price drivers are charged: the message stays theirs. */
const otherObjects = new Set([
  "linked",
  "link",
  "connection",
  "token",
  "approve",
  "approved",
  "join",
  "rate",
  "rates",
  "kwh",
  "pricing",
  "price",
  "receipt",
  "overcharged",
  "billed",
]);

function asksOwnerMoney(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (moneyWords.has(w)) return true;
    if (shareVerbs.has(w) && words.slice(i + 1, i + 4).some((x) => /^\d+$/.test(x))) return true;
  }
  return false;
}

/** "do MFH customers also lose the 10%", "the HOA says no money has arrived from the chargers". */
export function asksFeeAtMfhSite(words: readonly string[]): boolean {
  const site = words.some((w, i) => siteWords.has(w) || (w === "multi" && words[i + 1] === "family"));
  if (!site || words.some((w) => otherObjects.has(w))) return false;
  return asksOwnerMoney(words);
}

/** Whether a term's source is the site's kind, which stops counting once the fee is the question. */
export function isMfhSiteWord(source: string): boolean {
  return siteWords.has(source) || source === "multi family";
}

/** Words without one of which the rule cannot fire. */
export const feeAtMfhSiteCues: ReadonlySet<string> = new Set([...siteWords, "multi"]);
