/**
 * An article's action on hardware that is not the network's: another maker's charger, another network's
 * station, or a charger at someone's home. The guide's articles configure and diagnose a site's ChargePoint
 * stations in the Cloud Dashboard; a firmware update from a JuiceBox's app, a Blink charger that refuses a
 * card or a garage charger that trips the house breaker share the articles' words (firmware, denied, breaker)
 * but none of their steps (intent-cues.ts makes the cue decide alone, whatever went wrong).
 * A message that swaps such a unit for one of ours ("the old ABB unit was replaced with a CT4000") is Replace
 * Hardware's, and a home named beside the site's own stations ("charges fine at home, nothing at our garage")
 * is where the car works, not the question.
 */

import { replacedOtherMaker } from "./replaced-other-maker.ts";

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

/** Other makers and networks, one word each. */
const otherMakers = setOf(
  ...["juicebox", "emporia", "wallbox", "grizzl", "grizzle", "clippercreek", "evbox", "alfen", "autel", "abb"],
  ...["kempower", "tritium", "blink", "evgo", "supercharger", "superchargers", "lectron", "siemens", "leviton"],
  ...["semaconnect", "volta", "ionna", "zappi", "myenergi", "pulsar", "easee", "ohme", "webasto", "bosch"],
);
/** Two-word makers, networks and products: "Electrify America", "Wall Connector", "Enel X", "Home Flex". */
const makerPairs: readonly (readonly [string, ReadonlySet<string>])[] = [
  ["electrify", setOf("america", "canada")],
  ["wall", setOf("connector", "connectors")],
  ["enel", setOf("x")],
  ["clipper", setOf("creek")],
  ["shell", setOf("recharge")],
  ["home", setOf("flex")],
  ["different", setOf("brand", "brands", "manufacturer", "maker")],
  ["another", setOf("brand", "manufacturer", "maker")],
  ["other", setOf("brand", "brands", "manufacturer", "manufacturers")],
  ["tesla", setOf("charger", "chargers", "connector")],
];
/** A charger at someone's own home: "my garage", "at home", "the house". */
const homeWords = setOf("home", "garage", "house", "driveway");
const homeOwners = setOf("my", "at", "his", "her", "their");
/** A home named beside the site's stations or a residential article is where, not what. */
const siteWords = setOf(
  ...["site", "lot", "depot", "work", "workplace", "office", "campus", "dashboard", "port", "ports", "session"],
  ...["sessions", "resident", "residents", "tenant", "tenants", "condo", "apartment", "hoa", "multifamily"],
  ...["mfh", "stall", "linked", "flex", "billing", "remittance", "waitlist", "fleet", "our"],
  // A bay, space or spot is a parking structure's ("the charger in their garage bay"), not a house's.
  ...["bay", "bays", "space", "spaces", "spot", "spots", "building"],
);
/** "our garage" is a parking garage; "the garage" too: only someone's own garage is a home. */
const ownGarage = setOf("my", "his", "her", "their", "home");
// Swapping another maker's unit for one of ours is the network's work (Replace Hardware; replaced-other-maker.ts).

function namesOtherMaker(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (otherMakers.has(w)) return true;
    for (const [first, seconds] of makerPairs) if (w === first && seconds.has(words[i + 1] ?? "")) return true;
  }
  return false;
}

/** A charger of one's own: the home must hold one, not only be where the car charges fine. */
const chargerNouns = setOf("charger", "chargers", "charging", "unit", "station", "evse", "wallbox", "juicebox", "box");
/** "charges fine at home", "slower than at home": home as the comparison, the site's station as the question. */
const comparison = setOf("than", "fine", "works", "worked", "normally", "ok", "okay", "faster", "quicker");

/** "charges fine at home", "my home charger works fine": the home is what the site's station is held against. */
export function homeIsComparison(words: readonly string[], i: number): boolean {
  return words.slice(Math.max(0, i - 3), i + 5).some((x) => comparison.has(x));
}

function namesOwnHome(words: readonly string[]): boolean {
  if (!words.some((w) => chargerNouns.has(w))) return false;
  return words.some((w, i) => {
    if (!homeWords.has(w)) return false;
    const before = words[i - 1] ?? "";
    if (homeIsComparison(words, i)) return false;
    if (w === "home") return homeOwners.has(before) || chargerNouns.has(words[i + 1] ?? "");
    return ownGarage.has(before) || (before === "the" && w === "house");
  });
}

/**
 * Eleventh round: a charger of something that is not a car, a phone's, a laptop's, an e-bike's, a golf cart's or
 * a forklift's ("my phone charger cable is frayed", "the golf carts' chargers trip the breaker"): a device's
 * charger, not a station.
 */
const devices = setOf(
  ...["phone", "phones", "iphone", "laptop", "laptops", "usb", "tablet", "ipad", "headphones", "ebike", "bike"],
  ...["bikes", "scooter", "scooters", "cart", "carts", "forklift", "forklifts", "wheelchair", "drone", "drill"],
  ...["mower", "pallet"],
);
/** "the forklift battery charger": the device's battery between it and its charger. */
const batteryWords = setOf("battery", "batteries");
const deviceChargers = setOf("charger", "chargers", "charging");
/** A car's battery or a station's battery-backed part is the articles': only these devices' own chargers count. */
const carSide = setOf("car", "cars", "ev", "evs", "vehicle", "vehicles", "port", "ports", "station", "stations");

function namesDeviceCharger(words: readonly string[]): boolean {
  if (words.some((w) => carSide.has(w))) return false;
  return words.some(
    (w, i) =>
      devices.has(w) &&
      (deviceChargers.has(words[i + 1] ?? "") ||
        (batteryWords.has(words[i + 1] ?? "") && deviceChargers.has(words[i + 2] ?? ""))),
  );
}

/** "update the firmware on my Tesla Wall Connector", "the Blink charger at the mall shows access denied". */
export function asksOtherHardware(words: readonly string[]): boolean {
  if (replacedOtherMaker(words)) return false;
  if (namesOtherMaker(words)) return true;
  if (namesDeviceCharger(words)) return true;
  return namesOwnHome(words) && !words.some((w) => siteWords.has(w));
}

/** Words without one of which the rule cannot fire (it runs on every sentence). */
export const otherHardwareCues: ReadonlySet<string> = new Set([
  ...otherMakers,
  ...makerPairs.map(([first]) => first),
  ...homeWords,
  ...devices,
]);
