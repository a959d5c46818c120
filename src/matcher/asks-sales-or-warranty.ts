/**
 * Two kinds of question that share the articles' objects (stations, units, heads, cables) but ask the
 * seller, not the dashboard, so they are out of scope whatever the object (intent-cues.ts makes them decide
 * alone, vetoed by any sign of trouble):
 * - sales, quotes, contracts and procurement: a quote or proposal for new stations, a reseller, a purchase
 *   order, a vendor form. The guide's articles configure and diagnose stations already bought; its only
 *   prices are what drivers pay (Pricing Policy) and what is withheld from the owner (Flex Billing);
 * - warranty claims and returns (RMA): whether a part is covered, how to send a unit back. Replace Hardware
 *   is the dashboard work after a swap ("Replace Hardware" in Activation Settings), and every fault article
 *   ends on "consider station head replacement"; neither says how a claim or a return is made. A swapped
 *   unit that misbehaves ("the unit exchanged under warranty never came online") is trouble, so it stays.
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

/** A unit that came and is being set up: what is asked is the dashboard's work, not the sale. */
const unitSetUp = setOf("installed", "mounted", "activate", "activated", "activating", "swapped", "replaced");
/** Words only a buyer uses; "quote" needs its own test, since a "customer quote" is what a driver said. */
const salesWords = setOf(
  ...["proposal", "proposals", "rfp", "rfq", "rfi", "tender", "tenders", "reseller", "resellers"],
  ...["distributor", "distributors", "procurement", "w9", "w-9", "salesperson"],
);
/** "request a quote", "quote for 10 stations", "a quote on the CT4000s"; not "customer quote: ...". */
const quoteBefore = setOf("a", "request", "get", "need", "formal", "price", "pricing", "send", "new", "written");
const quoteAfter = setOf("request", "requests", "for", "on");
const notAQuoteOfWords = setOf("customer", "customers", "cust", "driver", "drivers", "direct", "exact");
/** "a quote on the display", "a quote for the screen's second line": a quotation to show, not a price. */
const shownText = setOf("display", "screen", "screens", "line", "text", "message", "sign", "signage");
const sellers = setOf("you", "guys", "who", "chargepoint", "anyone", "somebody", "someone");
/** What someone does with a seller's people: reach them, or buy through them. */
const reachOrBuy = setOf(
  ...["contact", "reach", "talk", "speak", "email", "call", "connect", "introduce", "intro", "loop"],
  ...["buy", "buying", "purchase", "order", "quote", "quotes", "pricing", "price", "discount", "deal"],
);
/** "purchase order", "vendor form", "sales rep", "account manager": the buying side's paperwork and people. */
const salesPairs: readonly (readonly [string, ReadonlySet<string>])[] = [
  ["purchase", setOf("order", "orders")],
  ["vendor", setOf("form", "forms", "registration", "setup", "onboarding")],
  ["supplier", setOf("form", "forms", "registration", "setup", "onboarding")],
  ["sales", setOf("rep", "reps", "team", "representative", "contact", "person", "department")],
  ["account", setOf("manager", "executive", "rep")],
  ["contract", setOf("renewal", "terms", "signature", "sign", "signed", "signs", "length")],
];

function pairAt(words: readonly string[], i: number, pairs: readonly (readonly [string, ReadonlySet<string>])[]) {
  const w = words[i]!;
  for (const [first, seconds] of pairs) if (w === first && seconds.has(words[i + 1] ?? "")) return true;
  return false;
}

/** "we need a quote for 12 new stations", "a reseller in Poland", "our purchase order is stuck in approval". */
export function asksForSales(words: readonly string[]): boolean {
  if (words.some((w) => articleObjects.has(w))) return false;
  // A unit bought through a reseller and now on the wall is Replace Hardware's dashboard work.
  if (words.some((w) => unitSetUp.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (salesWords.has(w)) return true;
    // "the dealership's sales team" is the site's own staff; ChargePoint's sales team is one to reach or buy from.
    if (pairAt(words, i, salesPairs) && (w !== "sales" || words.some((x) => reachOrBuy.has(x)))) return true;
    if (
      (w === "quote" || w === "quotes") &&
      !notAQuoteOfWords.has(words[i - 1] ?? "") &&
      !words.some((x) => shownText.has(x)) &&
      (quoteBefore.has(words[i - 1] ?? "") || quoteAfter.has(words[i + 1] ?? ""))
    )
      return true;
    // "do you guys sell replacement cables", "who sells the CT4000": selling to us, not drivers' charging.
    if ((w === "sell" || w === "sells") && sellers.has(words[i - 1] ?? "")) return true;
    // "who signs the contract renewal", "contract for our cloud plan".
    if ((w === "contract" || w === "contracts") && words.some((x) => x === "sign" || x === "signs" || x === "renew"))
      return true;
  }
  return false;
}

const warrantyWords = setOf("rma", "rmas", "warranty", "warranties", "warrantied");
/** What a warranty question asks: a claim, whether a part is covered, a return or a loaner while it is away. */
const claimWords = setOf(
  ...["claim", "claims", "covered", "cover", "covers", "coverage", "under", "expired", "expire", "expires"],
  ...["void", "number", "extended", "return", "returned", "returning", "refund"],
);
const returnVerbs = setOf("return", "returning", "ship", "shipping", "send", "mail");
const returnedThings = setOf(
  ...["unit", "units", "head", "heads", "station", "stations", "charger", "chargers", "part", "parts"],
);
const backWords = setOf("back", "sent", "shipped");

/**
 * A unit that came back under warranty and is now being set up is Replace Hardware's ("RMA unit arrived,
 * need to activate it", "swapped a unit under warranty, move the old station record over").
 */
const dashboardWork = setOf(
  ...["arrived", "installed", "mounted", "swap", "swapped", "activate", "activated", "activation", "record"],
  ...["mac", "iccid", "sim", "dashboard", "link", "tie", "complete", "place", "replace", "replacement"],
  ...["activating", "activates"],
);
/** An article named in the message makes it that article's question ("the account manager says Flex Billing is pending"). */
const articleObjects = setOf(
  ...["flex", "billing", "remittance", "firmware", "waitlist", "pricing", "fault", "faulted", "session"],
  ...["sessions", "rfid", "pinpoint", "multifamily", "connection", "unreachable", "breakaway", "relay", "pilot"],
);

/** Setting up the new unit is Replace Hardware's, even beside a return ("return the old head before activating"). */
const activates = (words: readonly string[]) =>
  words.some((x) => x === "activate" || x === "activating" || x === "activation" || x === "dashboard");

/** "how do I file a warranty claim", "RMA number for the head we sent back", "how do I return the old unit". */
export function asksWarrantyOrReturn(words: readonly string[]): boolean {
  if (words.some((w) => articleObjects.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const claim = w === "rma" || w === "rmas" || (warrantyWords.has(w) && words.some((x) => claimWords.has(x)));
    if (claim && !words.some((x) => dashboardWork.has(x))) return true;
    // "return the old unit we swapped out", "ship the head back".
    if (returnVerbs.has(w) && words.slice(i + 1, i + 5).some((x) => returnedThings.has(x)) && !activates(words)) {
      if (w === "return" || w === "returning" || words.slice(i + 1, i + 7).some((x) => backWords.has(x))) return true;
    }
    // "loaner chargers while ours are being replaced".
    // A dealer's "loaners" are cars: only a loaner unit or charger is a station on loan.
    if ((w === "loaner" || w === "loaners") && returnedThings.has(words[i + 1] ?? "")) return true;
  }
  return false;
}

/**
 * The words these rules cannot fire without: a message with none of them is not read at all (they run on
 * every sentence). Pairs are gated on their rarer word ("account manager" on "manager"), a return on "back".
 */
export const salesOrWarrantyCues: ReadonlySet<string> = setOf(
  ...salesWords,
  ...warrantyWords,
  ...["purchase", "vendor", "supplier", "sales", "manager", "executive", "rep", "contract", "contracts"],
  ...["quote", "quotes", "loaner", "loaners", "sell", "sells", "return", "returning", "back"],
);
