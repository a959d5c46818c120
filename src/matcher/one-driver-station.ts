/**
 * One resident tied to one station, asked without the guide's "Linked Driver Account" or "MFHS Personal
 * Charging Connection". Multifamily owns it: "Only one driver can be mapped to use one station", and the
 * Network Manager approves a resident's request "by selecting the appropriate station". Station
 * Connections is joining a group with a code; Access Control is who may charge at a station. So:
 * - a station given to one person: "pick her stall's station", "tie the unit owner's account to the
 *   charger in their space", "the old tenant is still attached to the charger in spot 14";
 * - more than one person on one station: "two people in the unit share one charger", "add a second
 *   driver to the apartment station".
 * A circuit shared by two stations names no people and stays Circuit Sharing's.
 */
const linkVerbs = new Set([
  "link",
  "linked",
  "tie",
  "tied",
  "attach",
  "attached",
  "assign",
  "assigned",
  "map",
  "mapped",
  "pick",
  "select",
  "choose",
  "goes",
  // "approved for her stall": the Network Manager approves a resident "by selecting the appropriate station".
  "approve",
  "approved",
]);
const personal = new Set([
  "her",
  "his",
  "their",
  "them",
  "him",
  "tenant",
  "resident",
  "unit",
  "owner",
  "tenants",
  "residents",
]);
const groupObjects = new Set(["policy", "policies", "group", "groups", "connection", "pricing"]);
const stations = new Set(["charger", "station", "stall", "chargers", "stations"]);
const singular = new Set(["person", "driver", "resident", "tenant", "user", "one"]);
const counts = new Set(["second", "two", "another", "multiple", "both", "2", "several"]);
const people = new Set(["driver", "drivers", "people", "residents", "tenants", "users", "persons", "accounts"]);
const shareVerbs = new Set(["share", "sharing", "shared", "add", "adding", "added", "on", "use"]);

function has(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return true;
  return false;
}

/** One pass with set lookups: it runs on every sentence of every message. */
export function saysStationForOnePerson(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // "pick her stall's station", "the charger in her space assigned to her": a station and a person's place.
    // Mapping a policy or a group to a station is Access Control's and Station Connections' step.
    if (linkVerbs.has(w) && has(words, i - 8, i + 8, stations) && has(words, i - 8, i + 8, personal)) {
      if (!has(words, i + 1, i + 4, groupObjects)) return true;
    }
    // "the tenant in 4B is the only person who can use charger 12".
    if (w === "only" && singular.has(words[i + 1] ?? "") && has(words, i + 2, i + 8, stations)) return true;
    if (
      counts.has(w) &&
      people.has(words[i + 1] ?? "") &&
      has(words, i - 4, i + 8, shareVerbs) &&
      has(words, i + 2, i + 10, stations)
    )
      return true;
  }
  return false;
}
