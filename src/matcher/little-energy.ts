/**
 * Slow or Zero Energy Dispensed described by what the driver saw, without the guide's "energy dispense
 * rate": a small amount after a long time ("only picked up 4 kWh overnight", "only gave the car like 15
 * miles"), a battery that did not go up, or charging that "takes forever". The guide's first check is the
 * session's Charging Time against its Energy Dispensed, which is exactly what these people describe.
 */
const onlyWords = new Set(["only", "barely", "just", "merely", "hardly"]);
const energyUnits = new Set(["kwh", "kw", "miles", "mile", "mi", "km", "kilometers"]);
const rateVerbs = new Set(["doing", "getting", "giving", "pulling", "delivering", "putting", "pushing", "drawing"]);
const phraseEnds = new Set([
  "",
  "per",
  "on",
  "at",
  "when",
  "with",
  "and",
  "but",
  "for",
  "overnight",
  "even",
  "instead",
]);
/** A small amount of money is a price, not an energy complaint: "charged $20 for only 5 kWh". */
const moneyWords = new Set(["dollars", "dollar", "cents", "fee", "fees", "price", "cost", "paid", "billed", "bill"]);

/** "only picked up 4 kwh", "barely 10 miles", "just 2 kw": a small amount delivered. */
export function saysLittleDelivered(words: readonly string[]): boolean {
  if (words.some((w) => moneyWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (!/^\d/.test(words[i]!)) continue;
    // A unit, or a rate the station is "doing": "only doing 6.6", "barely pulling 3".
    // ("only getting 2 of the 4 ports" counts ports, so a bare number must end its phrase).
    const unit = energyUnits.has(words[i + 1] ?? "");
    if (!unit && !(rateVerbs.has(words[i - 1] ?? "") && phraseEnds.has(words[i + 1] ?? ""))) continue;
    const before = words.slice(Math.max(0, i - 6), i);
    if (before.some((b) => onlyWords.has(b))) return true;
  }
  return false;
}

const levelWords = new Set(["battery", "batteries", "soc", "percent", "percentage", "range", "miles"]);
const denials = new Set(["not", "never", "no"]);
const riseVerbs = new Set([
  "go",
  "goes",
  "gone",
  "went",
  "move",
  "moved",
  "moving",
  "budge",
  "budged",
  "change",
  "changed",
  "increase",
  "increased",
  "rise",
  "rose",
  "risen",
  "climb",
  "climbed",
]);

/** "the battery had not gone up at all", "soc never moved", "battery stayed at 40": nothing went in. */
export function saysBatteryDidNotRise(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const denied = denials.has(w) && (riseVerbs.has(words[i + 1] ?? "") || riseVerbs.has(words[i + 2] ?? ""));
    const stayed = (w === "stayed" || w === "stuck") && words[i + 1] === "at" && /^\d/.test(words[i + 2] ?? "");
    if (!denied && !stayed) continue;
    const near = words.slice(Math.max(0, i - 8), i + 4);
    if (near.some((n) => levelWords.has(n))) return true;
  }
  return false;
}

const takeVerbs = new Set(["take", "takes", "took", "taking", "taken"]);
const longTimes = new Set(["forever", "ages", "eternity"]);
const chargeWords = new Set([
  "charge",
  "charging",
  "charger",
  "chargers",
  "car",
  "cars",
  "vehicle",
  "vehicles",
  "battery",
]);
/** The dashboard or a report taking forever is the website being slow, not the station. */
const screenWords = new Set([
  "dashboard",
  "page",
  "load",
  "loading",
  "browser",
  "report",
  "reports",
  "website",
  "site",
]);

/** "the chargers take forever", "takes all day to charge the car": charging slower than it should. */
export function saysChargingTakesForever(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const allDay = words[i] === "all" && words[i + 1] === "day";
    if (!longTimes.has(words[i]!) && !allDay) continue;
    // "takes forever", "took all day": a duration of charging, not a charger offline "all day".
    if (!words.slice(Math.max(0, i - 3), i).some((b) => takeVerbs.has(b))) continue;
    const near = words.slice(Math.max(0, i - 4), i + 8);
    if (near.some((n) => screenWords.has(n))) continue;
    if (near.some((n) => chargeWords.has(n))) return true;
  }
  return false;
}
