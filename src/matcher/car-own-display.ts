/**
 * The car's own display: its dashboard, instrument cluster or infotainment screen showing a warning or
 * freezing ("the car's dash says see dealer", "the infotainment screen froze"). A screen is a station's part
 * elsewhere, so the car's display is told by its owner word; a station, port, session or charging word in
 * the message makes the car's display the place a station's symptom was read ("the car's dashboard says
 * charging but the station shows zero kWh"), which is the articles'.
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

/** Displays only a car has. */
const carOnlyDisplays = setOf("infotainment", "cluster", "headunit", "carplay");
/** A display that is the car's when the car owns it: "the car's dash", "the vehicle dashboard". */
const displays = setOf("dash", "dashboard", "display", "screen", "console");
const carOwners = setOf(
  "car",
  "cars",
  "car's",
  "vehicle",
  "vehicles",
  "vehicle's",
  "ev",
  "ev's",
  "van",
  "truck",
  "sedan",
);
/** The articles' objects: any makes the car's display only where a station's symptom showed. */
const stationWords = setOf(
  ...["station", "stations", "charger", "chargers", "port", "ports", "session", "sessions", "evse", "connector"],
  ...["cable", "plug", "kwh", "charging", "charge", "charged", "rfid", "unit", "units", "holster"],
);

/**
 * "see dealer" is what a car's own warning tells its driver: the car's, even beside "charging" ("charging
 * system fault, see dealer"), unless a station or its part is in the message.
 */
const dealerWords = setOf("dealer", "dealership", "dealers");
const dealerVerbs = setOf("see", "visit", "contact", "call", "service");
const stationParts = setOf(
  ...["station", "stations", "charger", "chargers", "port", "ports", "session", "sessions", "evse", "connector"],
  ...["cable", "holster", "rfid", "unit", "units", "kwh"],
);

function saysSeeDealer(words: readonly string[]): boolean {
  if (words.some((w) => stationParts.has(w))) return false;
  return words.some(
    (w, i) => dealerWords.has(w) && (dealerVerbs.has(words[i - 1] ?? "") || dealerVerbs.has(words[i - 2] ?? "")),
  );
}

export function namesCarOwnDisplay(words: readonly string[]): boolean {
  if (saysSeeDealer(words)) return true;
  if (words.some((w) => stationWords.has(w))) return false;
  return words.some(
    (w, i) =>
      carOnlyDisplays.has(w) ||
      // The owner right before the display ("the car's dash", "the car's own screen"): further off, "vehicles in
      // the dashboard" is the Cloud Dashboard's page of vehicles.
      (displays.has(w) &&
        (carOwners.has(words[i - 1] ?? "") || (words[i - 1] === "own" && carOwners.has(words[i - 2] ?? "")))),
  );
}

/** Words without one of which the rule cannot fire. */
export const carOwnDisplayCues: ReadonlySet<string> = new Set([...carOnlyDisplays, ...displays, ...dealerWords]);
