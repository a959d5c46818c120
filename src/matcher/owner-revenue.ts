/**
 * Money that should reach the station owner, asked without the guide's "Flex Billing", "remittance" or
 * "funds". Flex Billing is who gets paid: "ChargePoint collects, processes and then forwards payments from
 * drivers directly to station owners", "No funds received", "10% of their revenue withheld", and it must be
 * enabled before an owner can take money at all ("Once Flex Billing is enabled, you can set pricing").
 * Pricing Policy is what a driver was charged. So the owner as the one paid is Flex Billing's question,
 * whatever the site (an apartment building, a small site) or the word for the money:
 * - the owner's side of the money: "what we earn", "our charging income", "what drivers pay us";
 * - a share kept from it: "a cut", "a percentage", "the processing fee" on it;
 * - starting to take money: "take payments", "collect fees from drivers", "start charging drivers";
 * - not being paid: "got no payment", "haven't been paid", "never got the money".
 * A driver's own payment ("the driver paid $14") names the driver as payer and stays where it was.
 */
const ownerWords = new Set(["we", "us", "our", "owner", "owners", "site", "property", "building", "association"]);
const earnWords = new Set(["earn", "earned", "earning", "earns", "income", "proceeds", "takings"]);
const shareWords = new Set(["cut", "percentage", "percent", "processing", "share"]);
const takeVerbs = new Set([
  "take",
  "taking",
  "accept",
  "accepting",
  "collect",
  "collects",
  "collecting",
  "receive",
  "receiving",
]);
const moneyObjects = new Set(["payment", "payments", "fees", "money", "revenue", "funds"]);
const keepVerbs = new Set(["keep", "keeps", "kept", "withhold", "withholds", "withheld", "retain", "retains"]);
const payerObjects = new Set(["drivers", "people", "users", "customers", "residents", "tenants", "visitors"]);
const paidWords = new Set(["paid", "payment", "payments", "payout", "money", "cent", "dime", "dollar"]);
const notWords = new Set([
  "no",
  "not",
  "never",
  "nothing",
  "haven't",
  "hasn't",
  "didn't",
  "without",
  "havent",
  "hasnt",
]);
/** "no payment method on file" is the driver's payment source (Access Control), not money owed. */
const paymentMeans = new Set(["method", "methods", "source", "sources", "card", "cards", "option", "options", "info"]);
/** An owner who pays or loses a share of the revenue. */
const shareVerbs = new Set(["pays", "pay", "lose", "loses", "losing", "give", "gives"]);
const priceUnits = new Set(["dollars", "dollar", "cents", "per", "an", "a", "kwh", "hour", "hours", "hr", "minutes"]);
const gotVerbs = new Set(["got", "get", "gotten", "received", "receive", "seen", "been", "see"]);

// "the card-processing cut": processing beside a cut is the share withheld to process cards (seventh round).
const shareContext = new Set([...earnWords, "pay", "pays", "paid", "fees", "revenue", "charging", "processing"]);
const feeWords = new Set(["fee", "fees", "percentage", "charge", "cost", "cut"]);
const startWords = new Set(["start", "begin", "want", "wants", "how", "to"]);

function near(words: readonly string[], i: number, before: number, after: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, i - before); k <= Math.min(words.length - 1, i + after); k++)
    if (k !== i && set.has(words[k]!)) return true;
  return false;
}

function within(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = from; k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return true;
  return false;
}

/** One pass over the words with set lookups: it runs on every sentence of every message. */
export function saysOwnerIsPaid(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // "what we earn", "our charging income": the owner's side of the money.
    if (earnWords.has(w) && near(words, i, 3, 0, ownerWords)) return true;
    // "what drivers pay us", "paid to the owner".
    if ((w === "pay" || w === "pays" || w === "paid") && near(words, i, 0, 3, ownerWords)) return true;
    // "chargepoint takes a cut", "a percentage of what drivers pay", "the processing fee on driver fees".
    if (
      shareWords.has(w) &&
      (w !== "processing" || near(words, i, 0, 2, feeWords)) &&
      near(words, i, 6, 6, shareContext)
    )
      return true;
    // "chargepoint keeps any of the fees", "withholds part of the revenue" (not "keeps charging fees").
    if (keepVerbs.has(w) && !(words[i + 1] ?? "").endsWith("ing") && within(words, i + 1, i + 4, moneyObjects))
      return true;
    // "chargepoint keeps 10%" (the sign is dropped): a share kept, beside the processing or fees it pays for.
    if (keepVerbs.has(w) && /^\d+$/.test(words[i + 1] ?? "") && near(words, i, 6, 8, shareContext)) return true;
    // "the owner asks if he still pays the 10%" (the sign is dropped): the owner's share by its number, not a
    // price ("drivers pay 10 dollars an hour").
    if (shareVerbs.has(w) && near(words, i, 6, 0, ownerWords)) {
      const at = words[i + 1] === "the" ? i + 2 : i + 1;
      if (/^\d+$/.test(words[at] ?? "") && !priceUnits.has(words[at + 1] ?? "")) return true;
    }
    // "the 10% cut": a share of money by its number.
    if (w === "cut" && /^\d+$/.test(words[i - 1] ?? "")) return true;
    // "take payments", "collect fees from drivers".
    if (takeVerbs.has(w)) {
      for (let k = i + 1; k <= Math.min(words.length - 1, i + 3); k++)
        if (moneyObjects.has(words[k]!) && !paymentMeans.has(words[k + 1] ?? "")) return true;
    }
    // "start charging drivers": one charges a car, and charges a person money.
    if (
      (w === "charge" || w === "charging") &&
      payerObjects.has(words[i + 1] ?? "") &&
      near(words, i, 3, 0, startWords)
    )
      return true;
    // "got no payment", "never got the money", "haven't been paid"; "no payment for the site owner".
    if (paidWords.has(w) && near(words, i, 4, 0, notWords) && !paymentMeans.has(words[i + 1] ?? ""))
      if (near(words, i, 4, 0, gotVerbs) || near(words, i, 0, 8, ownerWords)) return true;
  }
  return false;
}
