/**
 * Bad PinPoint told by two places and no map: "drivers go to the north entrance off the highway, but the
 * stations are by the loading dock on the south side". The guide's symptom is drivers "unable to locate" a
 * station; a message that sets where drivers go against where the stations really are describes that,
 * even when it never says app, map or pin (map-directions.ts reads the messages that do).
 * Both halves must be places: drivers going somewhere, then a contrast, then the stations being at a
 * place ("but the chargers are in use" is a status, not a place).
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

const people = setOf(...["drivers", "driver", "people", "customers", "visitors", "guests", "everyone", "they"]);
/** Going somewhere, the half that says where drivers look. */
const goVerbs = setOf(
  ...["go", "goes", "going", "went", "arrive", "arrives", "arrived", "head", "heads", "headed", "drive", "drives"],
  ...["drove", "pull", "pulls", "pulled", "show", "shows", "showed", "look", "looks", "looking", "search"],
  ...["searching", "circle", "circling", "wander", "wandering", "turn", "turns"],
);
const toPlace = setOf(...["to", "into", "at", "in", "up", "around", "toward", "towards", "onto", "on", "for", "near"]);
const contrast = setOf("but", "while", "whereas", "though", "although", "yet", "when");
const stationNouns = setOf("station", "stations", "charger", "chargers", "units", "ports", "evse", "pedestals");
const being = setOf("is", "are", "sit", "sits", "actually", "really", "located", "installed", "mounted", "placed");
const placePreps = setOf(...["near", "at", "behind", "by", "next", "beside", "on", "off", "around", "across"]);
const placeIn = setOf("in", "inside", "past", "along");
/** "in use", "at fault", "on a schedule": a state after the preposition, not a place. */
const notPlaces = setOf(...["use", "service", "fault", "progress", "session", "schedule", "hold", "standby", "line"]);

/** Where drivers go or look: "drivers head to the lobby", "people keep looking on the roof"; the index after it. */
function driversGoSomewhere(words: readonly string[]): number {
  for (let i = 0; i < words.length; i++) {
    if (!people.has(words[i]!)) continue;
    for (let j = i + 1; j <= i + 3 && j < words.length; j++) {
      if (goVerbs.has(words[j]!) && toPlace.has(words[j + 1] ?? "")) return j + 1;
    }
  }
  return -1;
}

/** Where the stations are, as a place: "the chargers are actually behind the warehouse"; the index after it. */
function stationsAtPlace(words: readonly string[], from: number): number {
  for (let j = from; j < words.length; j++) {
    if (!stationNouns.has(words[j]!)) continue;
    for (let k = j + 1; k <= j + 3 && k < words.length; k++) {
      if (!being.has(words[k]!)) continue;
      const prep = words[k + 1] ?? "";
      if ((placePreps.has(prep) || placeIn.has(prep)) && !notPlaces.has(words[k + 2] ?? "")) return k + 2;
    }
  }
  return -1;
}

const hasContrast = (words: readonly string[], from: number, to: number) =>
  words.slice(from, to).some((w) => contrast.has(w));
/** The map's side named: "not across from the stadium where the app puts them". */
const guides = setOf("app", "map", "maps", "pin", "listing", "navigation", "gps");

/** Where drivers go set against where the stations are, both as places, in either order. */
export function saysDriversLookElsewhere(words: readonly string[]): boolean {
  const go = driversGoSomewhere(words);
  const at = stationsAtPlace(words, 0);
  if (go >= 0 && at >= 0 && hasContrast(words, Math.min(go, at) - 1, Math.max(go, at))) return true;
  // "the stations are on the corner of Pine and 2nd, not across from the stadium where the app puts them".
  if (at >= 0 && words.some((w) => guides.has(w))) {
    const not = words.indexOf("not", at);
    if (not >= 0 && (placePreps.has(words[not + 1] ?? "") || placeIn.has(words[not + 1] ?? ""))) return true;
  }
  return false;
}

/** Words without one of which the rule cannot fire: both readings need the stations at a place. */
export const driversLookElsewhereCues: ReadonlySet<string> = stationNouns;
