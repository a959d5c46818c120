import { carOwnDisplayCues, namesCarOwnDisplay } from "./car-own-display.ts";
import { saysSentToWrongPlace } from "./map-directions.ts";

/**
 * Questions about what surrounds the stations rather than the stations: they share a word with an article
 * (a rate, a car, a queue, a card reader, a review of the chargers) but none of the guide's articles answers
 * them, so they are out of scope whatever their subject (intent-cues.ts makes them decide alone). A named
 * station part, port, session or fault keeps a message in scope; so does any sign of trouble where the
 * rule says so.
 * - the utility's tariffs: what the power company charges the site (demand charges, its kWh tariff), not
 *   the price drivers pay (Pricing Policy's rules, policies and receipts);
 * - the car itself: its 12V battery, tyres, a recall, an engine light (Slow or Zero Energy already rules
 *   out "car battery/charging port issues" by a test session on another vehicle, so a car that will not
 *   charge stays there);
 * - parking enforcement: towing, tickets, gas cars in the spots (an overstay fee is Pricing Policy's);
 * - app-store and web reviews of the chargers;
 * - the company's own workplace: office doors, elevators and gates with card readers, the cafeteria or
 *   coffee line, meeting rooms, laptops and VPNs, shifts and time off (a ChargePoint card that a station's
 *   reader ignores is the RFID Reader article's; the Waitlist's queue is drivers waiting for a port).
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);
const any = (words: readonly string[], set: ReadonlySet<string>) => words.some((w) => set.has(w));

/** A port, a session or a station part: the article's case, whatever the rest is about. */
const stationParts = setOf(
  ...["port", "ports", "session", "sessions", "breaker", "breakers", "faulted", "fault", "relay", "rfid"],
  ...["station", "stations", "charger", "chargers", "connector", "holster", "cable", "plug", "screen"],
);

const utilityWords = setOf("utility", "utilities", "tariff", "tariffs");
const powerCompany = setOf("power", "electric", "electricity", "energy");
// An electricity retailer or broker sells the site its power like the utility ("our energy retailer's fixed price").
const companyWords = setOf(
  ...["company", "provider", "bill", "bills", "supplier", "retailer", "retailers", "broker", "brokers"],
);
/** The price drivers pay: Pricing Policy's objects (a driver group's price too: "what tariff does the fleet group pay"). */
const driverPrice = setOf(
  ...["driver", "drivers", "pricing", "policy", "rule", "rules", "receipt", "session", "sessions", "overstay"],
  ...["charged", "overcharged", "billed", "fee", "fees", "group", "groups", "members"],
);

/** What electricity costs at home: "what does electricity cost per kWh at home overnight". */
const costWords = setOf("cost", "costs", "price", "rate", "rates", "bill", "bills");
const homeWords = setOf("home", "house", "apartment", "household");

/**
 * What a station shows or suffers when the utility's work is only the scene: "both plugs went solid red after
 * the utility swapped the transformer, a grounding thing?" is Earth Ground Fault's, not a tariff question.
 */
const stationSigns = setOf(
  ...["red", "amber", "blinking", "flashing", "light", "lights", "led", "leds", "plugs", "connectors"],
  ...["ground", "grounding", "grounded", "gfci", "tripping", "outage", "reboot", "rebooted"],
);

/** Saving on one's own power: "the cheapest time to charge at home", "charge at home to save money". */
const savingWords = setOf("save", "saving", "savings", "cheapest", "cheaper", "offpeak", "peak");

/** "our utility raised its tariff", "the electricity company's peak demand charge". */
export function asksUtilityTariff(words: readonly string[]): boolean {
  if (any(words, driverPrice) || any(words, stationSigns)) return false;
  if (words.includes("electricity") && any(words, costWords) && any(words, homeWords)) return true;
  if (words.some((w, i) => w === "home" && words[i - 1] === "at") && any(words, savingWords)) return true;
  return words.some(
    (w, i) =>
      utilityWords.has(w) ||
      (powerCompany.has(w) && companyWords.has(words[i + 1] ?? "")) ||
      (w === "demand" && (words[i + 1] === "charge" || words[i + 1] === "charges")),
  );
}

/** Parts of the car that are never the station's. */
const carParts = setOf(
  ...["12v", "tire", "tires", "tyre", "tyres", "brake", "brakes", "airbag", "windshield", "wiper", "wipers"],
  ...["engine", "transmission", "infotainment", "suspension", "coolant"],
);

/** "the EV itself throws a 12V battery warning", "a recall on the driver's car". */
export function asksVehicleItself(words: readonly string[]): boolean {
  // Twelfth round: the car's own dashboard or infotainment screen, which a station's "screen" would veto.
  if (namesCarOwnDisplay(words)) return true;
  return any(words, carParts) && !any(words, stationParts);
}

const towWords = setOf("tow", "towed", "towing", "enforce", "enforced", "enforcing", "enforcement");
const ticketWords = setOf("ticket", "tickets", "ticketed", "ticketing", "citation", "citations");
/** A ticket is a parking ticket only beside the police, a parking word right before it, or a gas car. */
const ticketContext = setOf("police", "ice", "gas", "petrol", "diesel", "warden", "wardens");
const iceWords = setOf("ice", "iced", "gas", "petrol", "diesel");
const carWords = setOf("car", "cars", "vehicle", "vehicles", "truck", "trucks");
/** A tow truck or a car that damaged the station is the station's fault article (Breakaway and others). */
const damageWords = setOf(
  ...["cable", "cord", "connector", "holster", "pedestal", "port", "fault", "faulted", "torn", "pulled", "hit"],
  ...["damaged", "damage", "broken", "backed", "ripped", "snapped"],
);
/** Charging money for staying is an overstay fee (Pricing Policy), not enforcement. */
const feeWords = setOf("fee", "fees", "overstay", "idle", "price", "pricing", "rate", "policy", "billed", "support");

/** A gas car kept out of the spots: parked there, or banned from them ("can the HOA ban gas cars from the spots"). */
const iceParked = setOf("parked", "parking", "ban", "banned", "banning", "block", "blocking", "blocked");

/** "can we tow the gas car parked in the EV spot", "who enforces the EV only sign", "police ticket". */
export function asksParkingEnforcement(words: readonly string[]): boolean {
  if (any(words, feeWords) || any(words, damageWords)) return false;
  return words.some(
    (w, i) =>
      towWords.has(w) ||
      (ticketWords.has(w) && (any(words, ticketContext) || words[i - 1] === "parking")) ||
      (iceWords.has(w) && carWords.has(words[i + 1] ?? "") && words.some((x) => iceParked.has(x))),
  );
}

const reviewPlaces = setOf("store", "google", "yelp", "play", "appstore", "online", "public", "1", "one", "bad", "app");
/** A review given a reason ("because the app shows us in another town") is that reason's article. */
const reviewVeto = setOf(
  ...["port", "ports", "session", "sessions", "fault", "faulted", "unavailable", "error", "because", "since"],
);

/** "someone left a 1 star review on the app store", "reply to a google review". */
export function asksAboutReviews(words: readonly string[]): boolean {
  if (any(words, reviewVeto)) return false;
  // A pasted review whose reason is the map sending drivers elsewhere is Bad PinPoint's complaint.
  if (saysSentToWrongPlace(words)) return false;
  return words.some(
    (w, i) =>
      (w === "review" || w === "reviews" || w === "rating" || w === "ratings") &&
      words.slice(Math.max(0, i - 3), i + 5).some((x) => reviewPlaces.has(x) || x === "star" || x === "stars"),
  );
}

/** The office around the chargers: its doors and readers, its lines, rooms, laptops and shifts. */
const officeThings = setOf(
  ...["cafeteria", "coffee", "canteen", "laptop", "laptops", "vpn", "outlook", "printer", "pto", "workday", "vacation"],
  ...["conference", "restroom", "bathroom", "helpdesk", "lunch", "food"],
);
/** Two-word things of the office: "on call", "parking permit", "access point" (a Wi-Fi one). */
const officePairs: readonly (readonly [string, string])[] = [
  ["on", "call"],
  ["parking", "permit"],
  ["parking", "permits"],
  ["access", "point"],
  ["access", "points"],
  // The office's own Wi-Fi ("our office wifi is terrible in the basement"); a station on it names the station.
  ["office", "wifi"],
  ["guest", "wifi"],
  // "the HR badge system"; HR alone hands out connection codes to new hires.
  ["office", "badge"],
  ["office", "badges"],
  ["hr", "badge"],
  ["hr", "badges"],
  // Eleventh round: the HR department's own systems ("the HR portal shows my address wrong"; "hr" alone reads as
  // hours, so the pair must say it).
  ["hr", "portal"],
  ["hr", "system"],
  ["hr", "department"],
  ["hr", "records"],
  ["hr", "file"],
  ["hr", "benefits"],
];
/** A queue or line of something else: "the support queue", "the queue for the garage exit". */
const queueWords = new Set(["queue", "queues", "line", "lines", "wait"]);
const otherQueues = new Set(["support", "ticket", "tickets", "exit", "toll", "security", "hold", "phone", "calls"]);
/** Charging in the message keeps it the articles' ("plugged in at the conference centre and got nothing"). */
const chargingWords = setOf(
  ...["charge", "charging", "charged", "plugged", "kwh", "energy", "car", "cars", "ev", "evs", "driver"],
  ...["drivers", "waitlist", "pricing", "message", "turn", "notified", "notification", "customer", "customers"],
);
/** "the parking gate card reader", "my key card for the elevator": a door's reader, not a station's. */
const gateWords = setOf("gate", "gates", "barrier", "door", "doors", "elevator", "elevators", "turnstile");
const readerWords = setOf("reader", "readers", "card", "cards", "badge", "badges", "fob", "fobs", "access");

/** "my badge for the office door stopped working", "a long line at the cafeteria", "swap my on-call shift". */
export function asksCompanyWorkplace(words: readonly string[]): boolean {
  if (any(words, stationParts)) return false;
  // A permit to park one's own car is the office's whatever car it is ("a parking permit for my personal car").
  if (words.some((w, i) => w === "parking" && (words[i + 1] === "permit" || words[i + 1] === "permits"))) return true;
  if (any(words, chargingWords)) return false;
  return words.some(
    (w, i) =>
      officeThings.has(w) ||
      officePairs.some(([a, b]) => w === a && words[i + 1] === b) ||
      (queueWords.has(w) && words.slice(Math.max(0, i - 4), i + 6).some((x) => otherQueues.has(x))) ||
      // "next door" is a place, not a door.
      (gateWords.has(w) &&
        words[i - 1] !== "next" &&
        words.slice(Math.max(0, i - 6), i + 4).some((x) => readerWords.has(x))),
  );
}

enum Family {
  Utility = 1,
  Vehicle = 2,
  Parking = 4,
  Review = 8,
  Workplace = 16,
}

/**
 * Which rules a message can fire, from the words each cannot fire without (one pass of map lookups: they run
 * on every sentence). A pair is gated on its rarer word ("on call" on "call"), a queue on what it queues for.
 */
const familyOf = new Map<string, number>();
const gate = (family: number, words: Iterable<string>) => {
  for (const w of words) familyOf.set(w, (familyOf.get(w) ?? 0) | family);
};
gate(Family.Utility, [...utilityWords, ...companyWords, "demand", "electricity", ...savingWords]);
gate(Family.Vehicle, carParts);
gate(Family.Vehicle, carOwnDisplayCues);
gate(Family.Parking, [...towWords, ...ticketWords, ...iceWords]);
gate(Family.Review, ["review", "reviews", "rating", "ratings"]);
gate(Family.Workplace, [...officeThings, ...gateWords, ...otherQueues, "call", "permit", "permits", "point", "wifi"]);
gate(Family.Workplace, ["points", "office", "hr"]);

/** The rules a message's words allow, to be run by the caller (each with its own veto). */
export function siteFamilies(words: readonly string[]): number {
  let families = 0;
  for (const w of words) families |= familyOf.get(w) ?? 0;
  return families;
}

export const siteFamily = {
  utility: Family.Utility,
  vehicle: Family.Vehicle,
  parking: Family.Parking,
  review: Family.Review,
  workplace: Family.Workplace,
};
