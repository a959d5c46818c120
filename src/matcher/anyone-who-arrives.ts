/**
 * A station that works for whoever arrives is Just Charge's: "allow anyone to charge without any
 * authentication; essentially the station remains in a state of always authorized", for dealerships and
 * fleets. The synonyms table has "anyone who plugs in"; people also say who arrives: "work for anyone who
 * pulls up", "whoever drives in can charge", "any van that parks there just gets power". A station that
 * turns such people away is Access Control's symptom, and then this does not fire.
 */
const anyoneWords = new Set(["anyone", "anybody", "whoever", "everyone", "everybody"]);
/** "any van", "any car": the "any" of a vehicle. */
const vehicleWords = new Set(["car", "cars", "van", "vans", "vehicle", "vehicles", "truck", "trucks", "bus", "ev"]);
const arriveWords = new Set([
  ...["pulls", "pull", "drives", "drive", "shows", "arrives", "arrive", "parks", "park", "rolls", "comes"],
  ...["turns", "stops"],
]);
const relatives = new Set(["who", "that", "which"]);
const refusedWords = new Set(["denied", "restricted", "refused", "rejected", "blocked", "unauthorized", "banned"]);

/** "we want the chargers to work for anyone who pulls up". */
export function saysAnyoneWhoArrives(words: readonly string[]): boolean {
  if (words.some((w) => refusedWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const anyone = anyoneWords.has(w) || (w === "any" && vehicleWords.has(words[i + 1] ?? ""));
    if (!anyone) continue;
    // "anyone who pulls up", "any van that parks": the arrival said of whoever it is, not "does anyone know who parks".
    const after = w === "any" ? i + 2 : i + 1;
    const relative = w === "whoever" ? after : relatives.has(words[after] ?? "") ? after + 1 : -1;
    if (relative < 0) continue;
    for (let k = relative; k <= relative + 2 && k < words.length; k++) if (arriveWords.has(words[k]!)) return true;
  }
  return false;
}

/** Words without one of which the rule cannot fire. */
export const anyoneWhoArrivesCues: ReadonlySet<string> = new Set([...anyoneWords, "any"]);
