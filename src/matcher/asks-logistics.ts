/**
 * Logistics around an article: a shipment's tracking, its delivery or lead time, a return label, parts to
 * order, who pays the installer. Replace Hardware starts once the new unit is on the wall, and the fault
 * articles end on "consider station head replacement"; none of them says how a part is ordered, shipped or
 * paid for, so these are out of scope whatever the part (intent-cues.ts makes the cue decide alone).
 * A unit that arrived and is being set up ("the replacement arrived, how do I activate it") is Replace
 * Hardware's, and a part asked about as a fault's remedy ("breakaway again, do we order a new head?") is
 * that fault's: any sign of trouble keeps the article.
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

/** A shipment's words: the parcel, not its contents. */
const shipmentWords = setOf(
  ...["tracking", "shipment", "shipments", "courier", "fedex", "dhl", "usps", "freight", "parcel"],
);
/** "shipping label", "shipping cost", "delivery date", "lead time": a shipment asked about. */
const shipmentPairs: readonly (readonly [string, ReadonlySet<string>])[] = [
  ["shipping", setOf("label", "labels", "cost", "costs", "time", "times", "address", "status", "take", "takes")],
  ["ship", setOf("date", "it", "them", "us", "to", "out")],
  ["delivery", setOf("date", "time", "status", "window", "eta")],
  ["lead", setOf("time", "times")],
  ["in", setOf("stock")],
  ["back", setOf("order", "ordered", "orders")],
];
/** Parts and supplies someone orders: a cord, a holster, spare heads. */
const partWords = setOf(
  ...["cable", "cables", "cord", "cords", "connector", "connectors", "holster", "holsters", "head", "heads"],
  ...["part", "parts", "spare", "spares", "pedestal", "pedestals", "mount", "mounts", "bollard", "bollards"],
  ...["adapter", "adapters", "unit", "units", "kit", "kits", "signage", "decal", "decals", "stickers"],
);
const buyVerbs = setOf("order", "ordering", "reorder", "buy", "buying", "purchase", "purchasing", "procure");
/** "Order" is a verb after these ("where do I order", "we need to order"); otherwise a sequence. */
const orderSubjects = setOf("i", "we", "to", "can", "could", "should", "do", "please", "you");
/** Who pays, hires or disputes with the people who come to the site: an installer's or electrician's bill. */
const payers = setOf(
  ...["pays", "pay", "paying", "billed", "bill", "invoice", "invoices", "reimburse", "reimbursed", "dispute"],
  ...["hire", "hiring", "recommend"],
);
const tradesmen = setOf("installer", "installers", "electrician", "electricians", "contractor", "contractors");
/** "installer" is not in the English word list: the spelling corrector may make "the installer" "the installed". */
const correctedInstaller = setOf("install", "installed");
const articles = setOf("the", "our", "your", "an");
/** Setting up a unit that came is the dashboard's work (Replace Hardware). */
const dashboardWork = setOf(
  ...["activate", "activated", "activation", "installed", "mounted", "link", "linked", "record", "mac"],
  ...["iccid", "sim", "dashboard", "configure", "configured", "setup"],
);
/** Something wrong: the part is a remedy asked for a fault, the message is the fault's article. */
const trouble = setOf(
  ...["fault", "faulted", "faults", "error", "broken", "damaged", "not", "no", "never", "offline", "unreachable"],
  ...["tripped", "trips", "tripping", "breakaway", "stuck", "unavailable", "failed", "fails", "again"],
  ...["ripped", "pulled", "yanked", "cut", "snapped", "torn", "hit", "stolen", "melted", "burnt", "burned"],
);

function pairAt(words: readonly string[], i: number): boolean {
  const w = words[i]!;
  for (const [first, seconds] of shipmentPairs) if (w === first && seconds.has(words[i + 1] ?? "")) return true;
  return false;
}

/** "the tracking number for the replacement head", "where do I order replacement cables", "who pays the electrician". */
export function asksLogistics(words: readonly string[]): boolean {
  // Whoever did the work, paying them is no article's step.
  const paid = (x: string, k: number, span: readonly string[]) =>
    tradesmen.has(x) || (correctedInstaller.has(x) && articles.has(span[k - 1] ?? ""));
  if (words.some((w, i) => payers.has(w) && words.slice(Math.max(0, i - 4), i + 5).some(paid))) return true;
  if (words.some((w) => dashboardWork.has(w))) return false;
  // A shipment is never an article's, late or lost: no trouble veto.
  if (words.some((w, i) => shipmentWords.has(w) || pairAt(words, i))) return true;
  if (words.some((w) => trouble.has(w))) return false;
  return words.some(
    (w, i) =>
      buyVerbs.has(w) &&
      (w !== "order" || orderSubjects.has(words[i - 1] ?? "")) &&
      words.slice(i + 1, i + 6).some((x) => partWords.has(x)),
  );
}

/** Words without one of which the rule cannot fire (it runs on every sentence). */
export const logisticsCues: ReadonlySet<string> = new Set([
  ...shipmentWords,
  ...shipmentPairs.map(([first]) => first),
  ...buyVerbs,
  ...payers,
]);
