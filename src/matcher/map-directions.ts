/**
 * Bad PinPoint described by where it sends drivers: "the app sends drivers to the back of the building",
 * "navigation takes people to the loading dock", "drivers following the app end up at our other
 * building". The guide's symptoms are a station shown "at the wrong location in the mobile app" and
 * drivers "unable to locate" it; people report the trip the map made them take. Read as the wrong
 * location, when a map or app does the sending or drivers end up somewhere.
 */
const guides = new Set(["app", "apps", "map", "maps", "navigation", "directions", "gps", "pin", "nav", "waze"]);
const sendVerbs = new Set([
  "send",
  "sends",
  "sent",
  "sending",
  "take",
  "takes",
  "took",
  "taking",
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
  "him",
  "her",
  "users",
  "customers",
  "everyone",
  "folks",
]);
/** "end up at", "wind up in", "ended up on": where the trip finished. */
const endUp = new Set(["end", "ends", "ended", "ending", "wind", "winds", "wound"]);
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
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (hasGuide && sendVerbs.has(w)) {
      // "sends drivers to", "takes people to", "directions lead to", "points to".
      let j = i + 1;
      if (people.has(words[j] ?? "")) j++;
      if (words[j] === "to" && !notPlaces.has(words[j + 1] ?? "") && !notPlaces.has(words[j + 2] ?? "")) return true;
    }
    if (endUp.has(w) && words[i + 1] === "up" && places.has(words[i + 2] ?? "")) {
      const before = words.slice(Math.max(0, i - 6), i);
      if (hasGuide || before.some((b) => people.has(b))) return true;
    }
  }
  return false;
}
