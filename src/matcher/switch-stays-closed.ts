/**
 * Relay Stuck Closed by what the relay does. The relay is the switch inside the station that closes to
 * send power to the car and opens to cut it (the team's reading of the name, as in observed-concepts.ts);
 * stuck closed, it will not open. People describe the switch that "is not opening", "won't open" or "stays
 * closed". A switch that opened is another thing: Breakaway's "opening a switch to indicate possible damage".
 */
// Not "contact": "contact support if the page is not opening" asks for no relay.
const switchWords = new Set(["switch", "switches", "contacts"]);
/** The dashboard's Contacts tab, a contact list: not the relay's contacts. */
const notContacts = new Set(["tab", "page", "list", "info", "details"]);
const openWords = new Set(["open", "opens", "opening", "release", "releases", "releasing", "disengage", "disengages"]);
const denials = new Set(["not", "never", "no", "fails", "failed", "fail", "refuses", "refused"]);
const stuckWords = new Set(["stuck", "stay", "stays", "stayed", "remains", "remained", "frozen"]);
const closedWords = new Set(["closed", "shut", "engaged", "on"]);
/** Contacts welded or fused together cannot open whatever else is said. */
const weldedWords = new Set(["welded", "fused"]);

/** "the switch that cuts power is not opening", "the contacts stay closed", "switch stuck shut". */
export function saysSwitchStaysClosed(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!switchWords.has(words[i]!) || notContacts.has(words[i + 1] ?? "")) continue;
    // "the switch thingy inside the charger that sends power stays stuck on": the verb can come late.
    const after = words.slice(i + 1, i + 13);
    for (let k = 0; k < after.length; k++) {
      const w = after[k]!;
      if (weldedWords.has(w)) return true;
      // "is not opening", "fails to open".
      if (openWords.has(w) && (denials.has(after[k - 1] ?? "") || denials.has(after[k - 2] ?? ""))) return true;
      // "stays closed", "stays stuck on".
      if (stuckWords.has(w) && after.slice(k + 1, k + 3).some((c) => closedWords.has(c))) return true;
    }
  }
  return false;
}

/** Words without which the rule cannot fire. */
export const switchCues: ReadonlySet<string> = switchWords;
