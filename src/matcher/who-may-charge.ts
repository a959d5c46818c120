/**
 * Who may charge at a station at all, asked without the guide's "Usable by", "access policy" or "Access
 * Denied". Access Control owns that question: its steps "check the Usable by and Visible by
 * configurations", and its two branches are a station usable by All Drivers and one limited by an access
 * policy. Station Connections is a driver joining a group; Multifamily is one resident linked to one
 * station. So a question about permission to use a charger is Access Control's whoever asks it (an
 * employer, a hospital, an apartment building):
 * - "who can charge here", "which setting decides who may plug in", "who is permitted to use it";
 * - "only our staff should be able to plug in", "keep the public off these ports".
 * A join, a connection code or a link to one station is not asked here (see saysStationForOnePerson).
 */
// Not "anyone": "anyone can plug in and charge" is Just Charge's open station, not a question of who.
const whoWords = new Set(["who", "whom", "whoever"]);
const mayWords = new Set([
  "can",
  "may",
  "allowed",
  "permitted",
  "able",
  "allow",
  "allows",
  "lets",
  "let",
  "gets",
  "get",
]);
const useVerbs = new Set(["charge", "plug", "use", "start", "charging", "access"]);
const chargeVerbs = new Set(["charge", "plug", "start", "charging"]);
const stationWords = new Set([
  "station",
  "stations",
  "charger",
  "chargers",
  "port",
  "ports",
  "stall",
  "stalls",
  "unit",
  "units",
]);
const onlyGroups = new Set([
  "staff",
  "employees",
  "employee",
  "members",
  "residents",
  "tenants",
  "fleet",
  "guests",
  "visitors",
  "customers",
  "nurses",
  "faculty",
  "students",
  "us",
]);
const decideWords = new Set(["decides", "decide", "decided", "determines", "controls"]);
/** "the only person who can use charger 12" is one resident's own station (Multifamily), not a policy. */
const onePerson = new Set(["person", "one", "driver", "resident", "tenant", "user"]);
const keepWords = new Set(["keep", "kept", "keeping", "block", "blocked", "stop"]);
const offWords = new Set(["off", "out", "from", "away"]);
const outsiders = new Set(["public", "visitors", "outsiders", "others", "strangers", "everyone", "guests"]);
const joinWords = new Set(["join", "joined", "joining", "code", "connection", "link", "linked", "assign", "assigned"]);

function within(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): number {
  for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return k;
  return -1;
}

/** One pass with set lookups: it runs on every sentence of every message. */
export function saysWhoMayCharge(words: readonly string[]): boolean {
  if (within(words, 0, words.length - 1, joinWords) >= 0) return false;
  const only = words.indexOf("only");
  if (only >= 0 && onePerson.has(words[only + 1] ?? "")) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // "who can charge here", "decides who is permitted to plug in".
    if (whoWords.has(w)) {
      const may = within(words, i + 1, i + 3, mayWords);
      const use = may >= 0 ? within(words, may + 1, may + 4, useVerbs) : -1;
      // "who can use the office microwave": using is charging only when a station is what is used.
      if (use >= 0 && (chargeVerbs.has(words[use]!) || within(words, use + 1, use + 4, stationWords) >= 0)) return true;
      if (decideWords.has(words[i - 1] ?? "") || decideWords.has(words[i + 1] ?? "")) return true;
    }
    // "only our staff should be able to plug in", "only employees can use these ports".
    if (w === "only") {
      const group = within(words, i + 1, i + 2, onlyGroups);
      if (group >= 0 && within(words, group + 1, group + 6, useVerbs) >= 0) return true;
    }
    // "the public should be kept off", "keep visitors out of the staff chargers".
    if (keepWords.has(w) && within(words, i + 1, i + 4, offWords) >= 0 && within(words, i - 4, i + 3, outsiders) >= 0)
      return true;
  }
  return false;
}

/**
 * The station refusing, as Access Control's symptom reads ("The charging station screen shows the message:
 * Access Restricted/Access Denied"), reported in other words: "the screen said restricted", "display showed
 * not authorized". A screen that says "Unavailable" or "Faulted" is another article's.
 */
const screenWords = new Set(["screen", "display", "station", "charger", "it", "lcd"]);
const reportVerbs = new Set(["said", "says", "say", "shows", "showed", "shown", "displayed", "read", "reads", "told"]);
const refusalWords = new Set(["restricted", "denied", "authorized", "unauthorized", "authorised", "unauthorised"]);

/** "meant to be free for everyone", "open to the public": a station usable by All Drivers. */
const openWords = new Set(["free", "public", "unrestricted", "everyone", "everybody", "anyone"]);
const negations = new Set(["not", "cannot", "unable", "never"]);
const cannotStart = new Set(["start", "initiate", "begin"]);

export function saysScreenRefused(words: readonly string[]): boolean {
  // From the first word: a message may open with the screen's words ("Access restricted on the display").
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // "the screen said restricted", "display showed not authorized".
    if (reportVerbs.has(w) && screenWords.has(words[i - 1] ?? "") && within(words, i + 1, i + 5, refusalWords) >= 0)
      return true;
    // "a resident gets access denied": the symptom itself, whoever gets it.
    if (w === "access" && (words[i + 1] === "denied" || words[i + 1] === "restricted")) return true;
    // "supposed to be free for everyone but a visitor can't start a session": Usable by All Drivers, refused.
    if (
      cannotStart.has(w) &&
      within(words, i - 3, i - 1, negations) >= 0 &&
      within(words, 0, words.length - 1, openWords) >= 0
    )
      return true;
  }
  return false;
}
