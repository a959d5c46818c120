/**
 * The station in a resident's own parking space, asked about who is tied to it, is Multifamily's. The
 * guide: "Only one driver can be mapped to use one station; multiple drivers cannot be added to a
 * Multifamily station", and the Network Manager approves a resident "by selecting the appropriate
 * station". People describe that station by the space ("the charger at their parking space", "our spot's
 * charger", "the charger in their garage bay", "the spot belongs to unit 12") and ask who goes on it: a
 * second person of the household ("her husband", "both of us", "two flatmates"), or one person's name or
 * account ("put under their name", "won't recognise me"). one-driver-station.ts reads the link and the count
 * said outright; this reads the space. A station in that space that is faulted, slow or priced asks that
 * article, and a group, a policy or a circuit is another article's object.
 */
const spaceWords = new Set(["space", "spaces", "spot", "spots", "stall", "stalls", "bay", "bays", "garage"]);
const ownerMarks = new Set(["own", "assigned", "their", "her", "his", "my", "our", "deeded", "reserved"]);
const stationWords = new Set(["charger", "chargers", "station", "stations", "charge", "charging", "ev"]);
/** A second person of the household on the same station. */
const pairWords = new Set([
  "husband",
  "wife",
  "partner",
  "spouse",
  "roommate",
  "roommates",
  "flatmate",
  "flatmates",
  "housemate",
  "housemates",
  "couple",
  "both",
  "second",
]);
/** Whose the station is: a name, an account, being known by it, or the only one allowed. */
const identityWords = new Set([
  "name",
  "account",
  "recognise",
  "recognize",
  "recognises",
  "recognizes",
  "know",
  "knows",
  "belongs",
  "belong",
  "only",
  "owner",
  "added",
  "add",
]);
/** Another article's question about the same station. */
const otherQuestions = new Set([
  ...["group", "groups", "policy", "policies", "circuit", "breaker", "breakers", "ports", "fault", "faulted"],
  ...["broken", "unavailable", "offline", "unreachable", "slow", "slowly", "kwh", "price", "pricing", "billed"],
  ...["fee", "fees", "payout", "revenue", "map", "location", "screen", "display", "waitlist", "firmware"],
  // A workplace's reserved spot is no resident's: who may use it is Access Control's.
  ...["work", "office", "employee", "employees", "workplace", "staff", "company", "visitor", "visitors"],
]);

/** In a residential building a parking space is someone's: "a unit owner sold the condo … the spot's charger". */
const residentialWords = new Set(["condo", "condos", "apartment", "apartments", "resident", "residents", "tenant"]);

function namesOwnSpace(words: readonly string[]): boolean {
  const residential = words.some((w) => residentialWords.has(w));
  for (let i = 0; i < words.length; i++) {
    if (!spaceWords.has(words[i]!)) continue;
    if (residential) return true;
    for (let k = Math.max(0, i - 3); k < i; k++) if (ownerMarks.has(words[k]!)) return true;
    // "the parking spot belongs to one unit", "unit 12's bay".
    if (words.slice(i + 1, i + 4).includes("belongs")) return true;
    if (words.slice(Math.max(0, i - 4), i).some((w, k, a) => w === "unit" && /^\d/.test(a[k + 1] ?? ""))) return true;
  }
  return false;
}

/** "tenant and her husband both want to be on the charger at their parking space", "charger in my own spot won't recognise me". */
export function saysOwnSpaceStation(words: readonly string[]): boolean {
  if (!words.some((w) => stationWords.has(w)) || words.some((w) => otherQuestions.has(w))) return false;
  if (!words.some((w) => pairWords.has(w) || identityWords.has(w))) return false;
  return namesOwnSpace(words);
}

/** Words without one of which the rule cannot fire. */
export const ownSpaceCues: ReadonlySet<string> = spaceWords;
