/**
 * A price attached to a driver group is Pricing Policy's, not Station Connections'.
 *
 * Pricing Policy's solution reads "select the pricing policy name, select View/Edit and check if the
 * driver group is mapped to the pricing policy". Station Connections is a driver joining the group
 * ("Driver unable to join the driver group", the connection code, Auto-approve). So a group beside a price
 * object (a price plan, rate, tariff, fee, discount, pricing) is asked about its price, unless the message
 * is about getting into the group (join, code, connection, approve, invite, sign up).
 */
const groupWords = new Set(["group", "groups"]);
const priceWords = new Set([
  "price",
  "prices",
  "pricing",
  "rate",
  "rates",
  "tariff",
  "tariffs",
  "fee",
  "fees",
  "discount",
  "discounted",
  "cost",
  "pay",
  "pays",
  "paying",
]);
const joinWords = new Set([
  "join",
  "joins",
  "joined",
  "joining",
  "code",
  "connection",
  "connections",
  "approve",
  "approved",
  "approval",
  "invite",
  "invited",
  "enroll",
  "enrolled",
  "signup",
  "sign",
]);

export const groupPriceCues: ReadonlySet<string> = groupWords;

/** "they joined the group fine": a join that went well is the scene, not the question. */
const wentWell = new Set(["fine", "ok", "okay", "successfully", "already", "correctly"]);

function joinIsAsked(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!joinWords.has(words[i]!)) continue;
    if (words[i - 1] === "already" || words.slice(i + 1, i + 5).some((w) => wentWell.has(w))) continue;
    return true;
  }
  return false;
}

export function saysGroupPrice(words: readonly string[]): boolean {
  if (joinIsAsked(words)) return false;
  for (let i = 0; i < words.length; i++) {
    if (!groupWords.has(words[i]!)) continue;
    for (let k = Math.max(0, i - 8); k <= Math.min(words.length - 1, i + 8); k++)
      if (priceWords.has(words[k]!)) return true;
  }
  return false;
}
