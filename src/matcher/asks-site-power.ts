/**
 * The building's own electricity with no charging station in it: a break-room microwave or a space heater
 * that trips a breaker, the lot's lights going out, the main panel to upgrade. Circuit Sharing's symptom is
 * "breakers trip when both the ports are occupied", so a breaker tripped by anything else, or a panel asked
 * about for the building, is outside the guide (intent-cues.ts makes the cue decide alone). Any station, port,
 * car or charging word keeps the article's reading ("the breaker trips when the microwave and both ports run").
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);
const any = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));

/** What a building powers besides the stations: appliances, lighting, HVAC, machines. */
const buildingLoads = setOf(
  ...["microwave", "microwaves", "kettle", "kettles", "toaster", "oven", "ovens", "fridge", "fridges"],
  ...["refrigerator", "freezer", "dishwasher", "heater", "heaters", "hvac", "furnace", "boiler", "treadmill"],
  ...["treadmills", "elevator", "elevators", "escalator", "printer", "printers", "lights", "lighting", "lamps"],
  ...["lamp", "fixtures", "fans", "compressor", "generator", "inverter", "solar", "dryer", "washer", "vending"],
  ...["coffee", "espresso", "appliance", "appliances", "aircon", "projector", "sump", "pump", "pumps"],
);
/** Trouble or work on a circuit: what makes a load an electrical question. */
const circuitWords = setOf(
  ...["breaker", "breakers", "trip", "trips", "tripped", "tripping", "fuse", "fuses", "circuit", "circuits"],
  ...["panel", "subpanel", "outage", "flicker", "flickers", "flickering", "surge", "shutoff", "blackout"],
  ...["power", "out", "fault", "outlet", "outlets", "gfci", "wiring", "electrician", "amps"],
  // A building load's own switchgear: "the HVAC relay in the electrical room is stuck".
  ...["relay", "relays", "contactor", "contactors"],
);
/** The building's panel asked about for the building: "the main panel needs an upgrade". */
const panelWords = setOf("panel", "switchboard", "switchgear");
const panelWork = setOf("upgrade", "upgraded", "replace", "replaced", "hire", "electrician", "inspection", "rewire");
const buildingOwners = setOf("building", "building's", "buildings", "main", "office", "house", "warehouse");
/** A station, a car or charging anywhere: the articles' case (Circuit Sharing, the faults). */
const chargingSide = setOf(
  ...["station", "stations", "charger", "chargers", "charging", "charge", "port", "ports", "evse", "ev", "evs"],
  ...["car", "cars", "vehicle", "vehicles", "session", "sessions", "driver", "drivers", "unit", "units"],
  ...["pedestal", "head", "connector", "connectors", "holster", "cable", "plugged", "kw", "share", "sharing"],
  ...["shared", "plug", "plugs"],
  ...["circuit_sharing", "cs", "ct4000", "ct4020", "cpf50", "led", "screen"],
);

/** Words without one of which `asksSitePower` cannot be true. */
export const sitePowerCues: ReadonlySet<string> = new Set([...buildingLoads, ...panelWords]);

/** "the break room microwave trips the breaker", "parking lot lights went out", "main panel needs an upgrade". */
export function asksSitePower(words: readonly string[]): boolean {
  if (any(words, chargingSide)) return false;
  if (any(words, buildingLoads) && any(words, circuitWords)) return true;
  return any(words, panelWords) && any(words, panelWork) && any(words, buildingOwners);
}
