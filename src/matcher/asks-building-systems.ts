/**
 * A building's own systems named with no station in the message: the HVAC, an elevator, the fire alarm, a
 * security camera, a vending machine, the lighting's relays and contactors. They share the articles' words
 * (a breaker that trips, a ground fault, a relay stuck, something offline) but the guide's articles only
 * configure and diagnose ChargePoint stations, so the message is the facilities team's, not an article's.
 * A station, port, session or cable anywhere in the message keeps it the articles' ("the station by the
 * elevator lobby shows offline").
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

/** One word each that names a building's system, never a station's part. */
const buildingSystems = setOf(
  ...["hvac", "elevator", "elevators", "escalator", "escalators", "thermostat", "thermostats", "boiler", "chiller"],
  ...["cctv", "sprinkler", "sprinklers", "vending", "plumbing", "furnace", "lighting", "intercom"],
);
/** Two-word systems: "fire alarm", "security camera", "exhaust fan", "garage door", "air conditioning". */
const systemPairs: readonly (readonly [string, ReadonlySet<string>])[] = [
  ["fire", setOf("alarm", "alarms", "panel", "panels")],
  ["alarm", setOf("panel", "panels", "system")],
  ["security", setOf("camera", "cameras", "system")],
  ["exhaust", setOf("fan", "fans")],
  ["garage", setOf("door", "doors")],
  ["air", setOf("conditioning", "conditioner", "handler")],
  ["ceiling", setOf("fan", "fans")],
];
/**
 * A camera alone is a surveillance camera only where it watches or fails as one ("the camera over the lot went
 * offline"); "he has a camera ready" for photos of a transformer is a tool, not the building's.
 */
const cameraWords = setOf("camera", "cameras");
const cameraStates = setOf(...["offline", "footage", "recording", "surveillance", "feed", "nvr", "dvr", "dark"]);

/** The articles' own objects: any of them makes the building the scene, not the subject. */
const stationWords = setOf(
  ...["station", "stations", "charger", "chargers", "port", "ports", "session", "sessions", "evse", "connector"],
  ...["connectors", "holster", "cable", "cables", "plug", "plugs", "kwh", "charging", "charge", "rfid", "dashboard"],
  ...["unit", "units", "ev", "evs", "waitlist", "pinpoint", "firmware"],
);

function namesBuildingSystem(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      buildingSystems.has(w) ||
      (cameraWords.has(w) && words.some((x) => cameraStates.has(x))) ||
      systemPairs.some(([first, seconds]) => w === first && seconds.has(words[i + 1] ?? "")),
  );
}

/** "the HVAC keeps tripping its breaker", "the fire alarm panel shows a ground fault", "the camera went offline". */
export function asksBuildingSystem(words: readonly string[]): boolean {
  if (words.some((w) => stationWords.has(w))) return false;
  return namesBuildingSystem(words);
}

/** Words without one of which the rule cannot fire (it runs on every sentence). */
export const buildingSystemCues: ReadonlySet<string> = new Set([
  ...buildingSystems,
  ...cameraWords,
  ...systemPairs.map(([first]) => first),
]);
