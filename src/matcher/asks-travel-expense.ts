/**
 * Travel and expenses of the people who work on the stations: a hotel for an install trip, a flight, mileage
 * or a per diem, a receipt to submit, a travel request to approve. They share a word with the articles (a
 * receipt is Pricing Policy's, a trip is a breaker's, an install is a station's) but none answers them
 * (intent-cues.ts makes the cue decide alone). A hotel or a rental car is a site or a driver ("the hotel's
 * guests cannot charge", "the rental car plugged in") unless a trip is booked, stayed or paid.
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);
const any = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));

/** Words that are travel and expenses alone. */
const travelWords = setOf(
  ...["expensing", "expensed", "airfare", "flights", "flight", "diem", "itinerary", "reimbursable"],
);
/** "expense" as a verb or a claim: "can I expense", "expense it", "my expenses". */
const expenseWords = setOf("expense", "expenses");
const expenseFrames = setOf("i", "we", "my", "our", "to", "can", "could", "it", "this", "that", "submit", "claim");
/** A hotel, a rental car or a trip: a place or a car unless booked, stayed, paid or claimed. */
const tripThings = setOf("hotel", "hotels", "motel", "airbnb", "rental", "travel", "mileage", "taxi");
/**
 * Charging said beside a trip's word: "the rental car got charged the guest rate" is a driver's session, and a
 * hotel's guest told Access Restricted by its charger is a driver at a site with an access policy.
 */
const chargingSide = setOf(
  ...["charging", "charged", "kwh", "plugged", "session", "sessions", "port", "ports", "miles"],
  ...["guest", "guests", "restricted", "denied"],
);
const tripActs = setOf(
  ...["book", "booking", "booked", "stay", "stayed", "staying", "night", "nights", "room", "rooms", "receipt"],
  ...["receipts", "reimburse", "reimbursed", "reimbursement", "expense", "expenses", "request", "portal"],
  ...["approve", "approves", "approved", "approval", "policy", "rate", "claim", "per", "uber", "lyft"],
);
/** The company's own card for buying things: "a company credit card for tools" (a driver's credit card is a payment). */
const companyCard = setOf("company", "corporate");

/** Words without one of which `asksTravelOrExpense` cannot be true. */
export const travelExpenseCues: ReadonlySet<string> = new Set([
  ...travelWords,
  ...expenseWords,
  ...tripThings,
  ...companyCard,
]);

/** "can I expense the hotel for the install trip", "per diem for the site visit", "submit my hotel receipts". */
export function asksTravelOrExpense(words: readonly string[]): boolean {
  if (any(words, travelWords)) return true;
  if (any(words, tripThings) && any(words, tripActs) && !any(words, chargingSide)) return true;
  return words.some(
    (w, i) =>
      (expenseWords.has(w) && (expenseFrames.has(words[i - 1] ?? "") || expenseFrames.has(words[i + 1] ?? ""))) ||
      (companyCard.has(w) && (words[i + 1] === "card" || (words[i + 1] === "credit" && words[i + 2] === "card"))),
  );
}
