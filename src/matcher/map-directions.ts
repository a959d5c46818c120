/**
 * Bad PinPoint described by where it sends drivers: "the app sends drivers to the back of the building",
 * "navigation takes people to the loading dock", "drivers following the app end up at our other
 * building". The guide's symptoms are a station shown "at the wrong location in the mobile app" and
 * drivers "unable to locate" it; people report the trip the map made them take. Read as the wrong
 * location, when a map or app does the sending or drivers end up somewhere, and the same when the app shows
 * the station somewhere it cannot be.
 */
const guides = new Set([
  ...["app", "apps", "map", "maps", "navigation", "directions", "gps", "pin", "nav", "waze"],
  // A non-native writer's "in application", "in the mobile".
  ...["application", "mobile"],
]);
const sendVerbs = new Set([
  "send",
  "sends",
  "sent",
  "sending",
  "take",
  "takes",
  "took",
  "taking",
  "taken",
  "route",
  "routes",
  "routed",
  "routing",
  "direct",
  "directs",
  "directed",
  "directing",
  "lead",
  "leads",
  "led",
  "leading",
  "point",
  "points",
  "pointed",
  "pointing",
  "guide",
  "guides",
  "guided",
  "drop",
  "drops",
  "dropped",
  "bring",
  "brings",
  "brought",
]);
const people = new Set([
  "driver",
  "drivers",
  "people",
  "them",
  "you",
  "me",
  "us",
  "him",
  "her",
  "users",
  "customers",
  "everyone",
  "folks",
]);
/** "dropped to 2 stars", "went to 40 percent": an amount, not a place ("sends people to 14 Elm St" is one). */
const amountUnits = new Set(["stars", "star", "percent", "kwh", "kw", "minutes", "hours", "points", "amps", "amp"]);
/** "end up at", "wind up in", "ended up on": where the trip finished. */
const endUp = new Set(["end", "ends", "ended", "ending", "wind", "winds", "winding", "wound"]);
const places = new Set(["at", "in", "on", "by", "near", "behind"]);
/** Sent somewhere that is not a place: "sends drivers to the waitlist", "sends them a notification". */
const notPlaces = new Set([
  "waitlist",
  "queue",
  "notification",
  "notifications",
  "email",
  "message",
  "support",
  "voicemail",
]);

/** Whether the words describe a map or app sending drivers to a place, or drivers ending up somewhere. */
export function saysSentToWrongPlace(words: readonly string[]): boolean {
  const hasGuide = words.some((w) => guides.has(w));
  if (hasGuide && (saysShownElsewhere(words) || saysArrivedElsewhere(words))) return true;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (hasGuide && sendVerbs.has(w)) {
      // "sends drivers to", "takes people to", "directions lead to", "points to".
      let j = i + 1;
      if (people.has(words[j] ?? "")) j++;
      // "dropped to 2 stars" is an amount, not a place.
      const to = words[j + 1] ?? "";
      const amount = /^\d/.test(to) && amountUnits.has(words[j + 2] ?? "");
      if (words[j] === "to" && !amount && !notPlaces.has(to) && !notPlaces.has(words[j + 2] ?? "")) return true;
    }
    if (endUp.has(w) && words[i + 1] === "up" && places.has(words[i + 2] ?? "")) {
      const before = words.slice(Math.max(0, i - 6), i);
      if (hasGuide || before.some((b) => people.has(b))) return true;
    }
  }
  return false;
}

/**
 * Where the app shows the station, said by the place: "the app has our charger in a pond", "the pin sits
 * on the interstate", "the listing is at the owner's home address", "the pin is nowhere near the building".
 * Only places a station is not (water, open land, a road, another town or address): a parking lot or a
 * building is where stations are, so "the app shows the chargers in the garage as offline" is left alone,
 * and so is any line that reports a status.
 */
const oddPlaces = new Set([
  "lake",
  "river",
  "ocean",
  "sea",
  "pond",
  "water",
  "field",
  "woods",
  "forest",
  "desert",
  "highway",
  "freeway",
  "interstate",
  "motorway",
  "road",
  "street",
  "intersection",
  "median",
  "neighborhood",
  "city",
  "town",
  "county",
  "country",
  "address",
  "mall",
  "farm",
]);
const placePrepositions = new Set(["in", "on", "at", "behind", "across", "near", "inside", "into", "over", "off"]);
/** A status shown "at" a place is a state, not a location: "shows the chargers at city hall as offline". */
const statusWords = new Set([
  "offline",
  "online",
  "available",
  "unavailable",
  "faulted",
  "fault",
  "charging",
  "busy",
  "unreachable",
  "reachable",
  "red",
  "green",
  "gray",
  "grey",
  "orange",
  "service",
]);

/** "showing in other city", "is in another place", "show wrong location": a place that is not the station's. */
const otherWords = new Set(["other", "another", "different", "wrong"]);
const placeNouns = new Set(["place", "city", "town", "location", "street", "address", "area", "side", "country"]);

const samePlaces = new Set(["spot", "place", "location", "pin", "address", "point"]);

function saysShownElsewhere(words: readonly string[]): boolean {
  if (words.some((w) => statusWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (otherWords.has(words[i]!) && placeNouns.has(words[i + 1] ?? "")) return true;
    // "nowhere near the building", "the pin is not where the station is".
    if (words[i] === "nowhere" && words[i + 1] === "near") return true;
    if (words[i] === "not" && words[i + 1] === "where") return true;
    // Two sites the map puts "at the same spot": one of them is shown where it is not.
    if (words[i] === "same" && samePlaces.has(words[i + 1] ?? "")) return true;
    if (!oddPlaces.has(words[i]!)) continue;
    // "in a pond", "at the owner's home address", "the middle of the river".
    const before = words.slice(Math.max(0, i - 4), i);
    if (before.some((b) => placePrepositions.has(b) || b === "middle")) return true;
  }
  return false;
}

/** "drivers using the app land at the bakery next door": arriving somewhere that is not the station. */
const arriveVerbs = new Set(["land", "lands", "landed", "landing", "arrive", "arrives", "arrived", "arriving"]);
const stationWords = new Set(["station", "stations", "charger", "chargers", "port", "ports", "site", "spot"]);

function saysArrivedElsewhere(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (!arriveVerbs.has(words[i]!) || !places.has(words[i + 1] ?? "")) continue;
    const place = words.slice(i + 2, i + 5);
    if (!place.some((w) => stationWords.has(w))) return true;
  }
  return false;
}
