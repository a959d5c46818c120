/**
 * Some drivers refused while others charge, at a station with a price, is Access Control's, not Pricing
 * Policy's.
 *
 * Access Control's checks for a station Usable by All Drivers: how the driver initiated the session (mobile
 * app, RFID card, tap to pay), whether the card is activated under a valid account, and "Check if the station
 * has a pricing policy applied. If there is a pricing policy, ensure that the driver account has a valid
 * payment source linked", until the station still "does not let the driver initiate a session". Pricing Policy
 * is a price charged incorrectly. So a few people told they cannot charge while others are fine, or asked
 * whether an account needs a payment source to charge, is the refusal; the station's price is its scene and
 * drops, unless the message complains about an amount (charged, billed, refund, receipt, fee).
 */
const refusalVerbs = new Set(["charge", "start", "plug", "use", "initiate", "begin"]);
const cannot = new Set(["can", "could", "will", "would", "able", "allowed", "let"]);
const othersFine = new Set(["others", "everyone", "everybody", "rest", "else", "other"]);
const fineWords = new Set(["fine", "ok", "okay", "work", "works", "working", "normally", "charge", "can"]);
const paymentSource = new Set(["payment", "card", "method", "source", "wallet"]);
const amountComplaints = new Set([
  ...["charged", "billed", "overcharged", "refund", "receipt", "fee", "fees", "expensive", "wrong", "much"],
  ...["paying", "cost", "costs", "amount", "invoice", "double", "twice"],
]);
const priceWords = new Set(["dollars", "price", "priced", "pricing", "rate", "hr", "hour", "hours", "kwh", "per"]);

const placeWords = new Set([
  "lot",
  "lots",
  "garage",
  "garages",
  "station",
  "stations",
  "site",
  "parking",
  "spot",
  "spots",
]);

export const someRefusedCues: ReadonlySet<string> = new Set(["not", "unable", "cannot"]);

/** "told they can not charge", "are not allowed to start", "unable to charge". */
function refusedAt(words: readonly string[]): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const denied =
      w === "unable" || (w === "not" && cannot.has(words[i - 1] ?? "")) || (w === "not" && words[i + 1] === "allowed");
    if (!denied) continue;
    if (words.slice(i + 1, i + 4).some((v) => refusalVerbs.has(v))) return i;
  }
  return -1;
}

function othersAreFine(words: readonly string[], from: number): boolean {
  for (let i = from; i < words.length; i++) {
    if (othersFine.has(words[i]!) && words.slice(i + 1, i + 5).some((f) => fineWords.has(f))) return true;
  }
  return false;
}

export function saysSomeRefused(words: readonly string[]): boolean {
  const at = refusedAt(words);
  if (at < 0) return false;
  if (othersAreFine(words, at + 1)) return true;
  // "does her account need a payment method": Access Control's "valid payment source linked".
  return words.includes("account") && words.some((w) => paymentSource.has(w)) && words.includes("need");
}

/** The price of a station where some drivers are refused: its scene, unless an amount is the complaint. */
export function refusedPricePositions(words: readonly string[]): number[] {
  if (!saysSomeRefused(words) || words.some((w) => amountComplaints.has(w))) return [];
  const positions: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (priceWords.has(w) || (/^[\d.]+$/.test(w) && words[i - 1] === "dollars")) positions.push(i);
    // "our paid garage": a place with a price, not a payment.
    if (w === "paid" && placeWords.has(words[i + 1] ?? "")) positions.push(i);
    // "we charge $1/hr": the owner's price, said as a verb.
    if (w === "charge" && words[i + 1] === "dollars") positions.push(i);
  }
  return positions;
}
