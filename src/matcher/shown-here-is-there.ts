/**
 * Bad PinPoint described by two places: "the app shows our charger on Elm St but it's on Oak St", "the map
 * has it by the main gate, it's in the staff lot", "the pin is on the east side, the entrance is on the west
 * side". The guide's symptom is a station shown "at the wrong location in the mobile app"; people name the
 * place the app shows and the place the station is, by streets, landmarks or sides, and never say "wrong".
 * Read as the wrong location when an app or map shows the station at one place and a later clause puts it
 * (or "actually" puts it) at another, or when the two places are opposite sides. A status or an amount shown
 * ("shows it at the lobby as offline", "shows 40% but it's at 80%") is not a place.
 */
const guides = new Set(["app", "apps", "map", "maps", "pin", "navigation", "gps", "listing", "application"]);
const showVerbs = new Set([
  ...["show", "shows", "showing", "shown", "showed", "has", "have", "had", "puts", "put", "putting", "lists"],
  ...["listed", "appears", "appear", "appeared", "displays", "displayed", "places", "placed", "pins", "pinned"],
  ...["sits", "sitting", "marks", "marked", "locates", "located"],
]);
const placeWords = new Set(["at", "on", "near", "by", "behind", "across", "next", "in", "outside", "inside", "off"]);
/** Who "is" the station in the clause that says where it really is. */
const stationSubjects = new Set(["it", "they", "station", "stations", "charger", "chargers", "unit", "units"]);
const contrastMarks = new Set(["actually", "really", "instead", "truly"]);
const compass = new Set(["north", "south", "east", "west"]);
/** A state or an amount at a place is not where the station stands. */
const notPlaceWords = new Set([
  ...["offline", "online", "available", "unavailable", "faulted", "fault", "busy", "unreachable", "reachable"],
  ...["percent", "kwh", "kw", "use", "service", "queue", "waitlist", "price", "rate", "stars", "minutes"],
]);

export const shownHereIsThereCues: ReadonlySet<string> = guides;

/** Index of the first place phrase after a show verb (or "the pin is"), or -1. */
function shownPlaceAt(words: readonly string[]): number {
  for (let i = 0; i < words.length; i++) {
    // "the app shows it on …", and "the pin is on …" with the map itself as the subject.
    if (!showVerbs.has(words[i]!) && !(guides.has(words[i]!) && words[i + 1] === "is")) continue;
    for (let j = i + 1; j <= i + 6 && j < words.length; j++) if (placeWords.has(words[j]!)) return j;
  }
  return -1;
}

/** Whether an app or map shows the station at one place and the message puts it at another. */
export function saysShownHereIsThere(words: readonly string[]): boolean {
  if (!words.some((w) => guides.has(w))) return false;
  if (words.some((w) => notPlaceWords.has(w))) return false;
  const first = shownPlaceAt(words);
  if (first < 0) return false;
  const sides = new Set(words.slice(first).filter((w) => compass.has(w)));
  if (sides.size >= 2) return true;
  for (let i = first + 2; i < words.length; i++) {
    const w = words[i]!;
    if (!stationSubjects.has(w) && !contrastMarks.has(w)) continue;
    // "it at", "it is at", "it actually in", "they really on".
    const next = words.slice(i + 1, i + 4);
    const at = next.findIndex((n) => placeWords.has(n));
    if (at < 0) continue;
    if (next.slice(0, at).every((n) => n === "is" || n === "are" || contrastMarks.has(n) || n === "located")) {
      // "it on 3rd", "it at 25 main st": a number here is an address, unless an amount follows.
      return true;
    }
  }
  return false;
}
