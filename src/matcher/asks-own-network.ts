/**
 * A home's or an office's own network: the router, the modem, the internet at someone's desk or house, the
 * Wi-Fi a laptop drops off. Station Unreachable reads a station's link to the cloud (cellular, Wi-Fi, a
 * gateway); a network with no station on it is the IT team's or the internet provider's, not an article's.
 * A station, unit, port or site word anywhere keeps it the articles' ("the site's router was replaced and
 * the units went offline").
 */

const setOf = (...words: string[]): ReadonlySet<string> => new Set(words);

/** The network's own gear and service. */
const networkWords = setOf(
  ...["router", "routers", "modem", "modems", "internet", "ethernet", "wifi", "network", "lan", "isp", "mesh"],
);
/** Whose network: a home's, a desk's, a person's own devices or calls. */
const ownPlaces = setOf(
  ...["home", "house", "apartment", "desk", "laptop", "laptops", "phone", "computer", "pc", "calls", "call", "vpn"],
  ...["office", "floor", "lobby", "conference", "zoom", "my", "printer", "tv"],
);
/** The articles' objects and places: a station on the network makes it the station's link. */
const stationWords = setOf(
  ...["station", "stations", "charger", "chargers", "port", "ports", "session", "sessions", "evse", "unit"],
  ...["units", "gateway", "cellular", "dashboard", "site", "sites", "depot"],
  ...["ev", "evs", "charging", "charge", "kwh", "rfid", "firmware", "head", "pedestal", "driver", "drivers"],
);

/** "my home router drops the laptop off Wi-Fi", "the office network is down on the third floor". */
export function asksOwnNetwork(words: readonly string[]): boolean {
  if (!words.some((w) => networkWords.has(w))) return false;
  if (words.some((w) => stationWords.has(w))) return false;
  return words.some((w) => ownPlaces.has(w));
}

/** Words without one of which the rule cannot fire (it runs on every sentence). */
export const ownNetworkCues: ReadonlySet<string> = networkWords;
