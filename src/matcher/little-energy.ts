/**
 * Slow or Zero Energy Dispensed described by what the driver saw, without the guide's "energy dispense
 * rate": a small amount after a long time ("only 5 kWh after a whole shift", "barely 12 miles of range
 * by morning"), a battery that did not go up, or charging that "takes forever". The guide's first check is the
 * session's Charging Time against its Energy Dispensed, which is exactly what these people describe.
 */
const onlyWords = new Set(["only", "barely", "just", "merely", "hardly", "maybe"]);
/** "8 more miles", "4 extra kwh": what a session added. */
const addedWords = new Set(["more", "extra", "additional"]);
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

/** "only 5 kwh all shift", "barely 10 miles", "just 2 kw": a small amount delivered. */
export function saysLittleDelivered(words: readonly string[]): boolean {
  if (words.some((w) => moneyWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const c = words[i]!.charCodeAt(0);
    if (!(c >= 48 && c <= 57)) continue;
    // A unit, or a rate the station is "doing": "only pulling 5.2", "barely giving 3".
    // ("only getting 2 of the 4 ports" counts ports, so a bare number must end its phrase).
    const unit =
      energyUnits.has(words[i + 1] ?? "") ||
      (addedWords.has(words[i + 1] ?? "") && energyUnits.has(words[i + 2] ?? ""));
    if (!unit && !(rateVerbs.has(words[i - 1] ?? "") && phraseEnds.has(words[i + 1] ?? ""))) continue;
    const before = words.slice(Math.max(0, i - 6), i);
    if (before.some((b) => onlyWords.has(b))) return true;
  }
  return false;
}

const durations = new Set(["hours", "hour", "hrs", "hr", "overnight", "night", "morning", "afternoon", "day"]);

const riseWords = new Set(["gained", "gains", "rose", "added", "climbed", "increased"]);
const afterPoints = new Set(["after", "in", "over", "overnight", "percent", "points", "all"]);

/** "from 40 to 46 over three hours": a battery level that rose a few points over hours. */
export function saysSmallRise(words: readonly string[]): boolean {
  if (words.some((w) => moneyWords.has(w))) return false;
  for (let i = 0; i + 3 < words.length; i++) {
    if (words[i] !== "from" || words[i + 2] !== "to") continue;
    const from = Number(words[i + 1]);
    const to = Number(words[i + 3]);
    if (!(from >= 0 && to > from && to <= 100 && to - from <= 15)) continue;
    if (words.slice(i + 4, i + 10).some((w) => durations.has(w))) return true;
  }
  // "went up 4 in 3 hours", "gained 5 overnight" (the percent sign is not kept).
  for (let i = 0; i + 1 < words.length; i++) {
    const rose = (words[i] === "up" && words[i - 1] !== "set") || riseWords.has(words[i]!);
    const points = Number(words[i + 1]);
    if (!rose || !(points >= 0 && points <= 15) || !afterPoints.has(words[i + 2] ?? "")) continue;
    if (words.slice(i + 2, i + 7).some((w) => durations.has(w))) return true;
  }
  // "left it plugged in all night and it gained like 2 miles", "plugged in at 6pm, by 7am it added 4 percent":
  // a few points or miles gained, with the hours of the session said anywhere in the message.
  for (let i = 0; i + 2 < words.length; i++) {
    if (!riseWords.has(words[i]!)) continue;
    for (let k = i + 1; k <= i + 3 && k + 1 < words.length; k++) {
      const points = Number(words[k]);
      if (!(points >= 0 && points <= 15) || !gainUnits.has(words[k + 1]!)) continue;
      // "4 miles of cable" measures something else; "4 miles of range" is what the car gained.
      if (words[k + 2] === "of" && !gainedOf.has(words[k + 3] ?? "")) continue;
      if (words.some((w) => durations.has(w) || clockTime.test(w))) return true;
    }
  }
  return false;
}

/** What a short session adds, as a driver reads it: a few percent, points or miles of range. */
const gainUnits = new Set(["percent", "points", "miles", "mile", "mi", "km"]);
const gainedOf = new Set(["range", "charge", "battery", "juice"]);
/** "6pm", "7am": a session's start or end said as a time of day. */
const clockTime = /^\d{1,2}(am|pm)$/;

// "barely moved the needle": the battery gauge's needle, as drivers say it.
const levelWords = new Set([
  "battery",
  "batteries",
  "soc",
  "percent",
  "percentage",
  "range",
  "miles",
  "needle",
  "gauge",
]);
// "barely moved", "hardly budged": so little that it is the same complaint.
const denials = new Set(["not", "never", "no", "barely", "hardly"]);
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

/** "the battery percentage did not budge", "soc never moved", "battery stayed at 40": nothing went in. */
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
  // "take forever to fill up": a battery filled, as drivers say it.
  "fill",
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

/**
 * Words without which no rule here can fire, so a message with none of them skips them all (analyse-text.ts):
 * the rules run on every sentence of every message, and most messages have none of these words.
 */
export const littleEnergyCues: ReadonlySet<string> = new Set([
  ...onlyWords,
  "from",
  "up",
  ...riseWords,
  ...levelWords,
  "stayed",
  "stuck",
  ...takeVerbs,
]);
