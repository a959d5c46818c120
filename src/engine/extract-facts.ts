import { placedStationNames } from "./station-names.ts";

/**
 * Evidence in plain words: what a person types or pastes in a thread ("station CPF-6, MAC
 * 00:0D:6F:00:12:34", "the alarm log shows two RSC in the last 90 days"), picked out so Support gets it
 * without asking again. Pure; every value is echoed back as typed, so nothing is silently rewritten.
 */
export type FactKind =
  | "station"
  | "mac"
  | "serial"
  | "iccid"
  | "port"
  | "fault-code"
  | "latest-status"
  | "plug-in-event"
  | "date"
  | "count";

export interface Fact {
  kind: FactKind;
  /** As typed, trimmed. */
  value: string;
}

export const factLabels: Record<FactKind, string> = {
  station: "station",
  mac: "MAC",
  serial: "serial number",
  iccid: "ICCID",
  port: "port",
  "fault-code": "fault code",
  "latest-status": "Get Latest Status",
  "plug-in-event": "Plug In Event IDs",
  date: "date",
  count: "count",
};

const hex4 = "[0-9A-Fa-f]{4}";
/** The dashboard's two forms (0024:B100:0006:ED63, 0024B1000006ED63) and the usual 6-byte form. */
const macPattern = new RegExp(
  `(?<![0-9A-Za-z:-])(${hex4}(?::${hex4}){3}|[0-9A-Fa-f]{16}|[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5})(?![0-9A-Za-z:-])`,
  "g",
);
const iccidPattern = /(?<!\d)(89\d{17,18})(?!\d)/g;
const serialPattern = /\bserial(?:\s*(?:number|no\.?|#))?\s*(?:is\s*)?[:=#]?\s*([A-Za-z0-9-]{6,20})/gi;
const bareSerial = /(?<![\d:.-])(\d{12})(?![\d:.-])/g;
const portPattern = /\bport\s*(?:#|number\s*|no\.?\s*)?(\d{1,2})\b/gi;
const statusLine = /^\s*\d+,[A-Z0-9_]+,FwRev=.*$/gm;
const plugInEvents = /\bplug[\s-]*in\s*event(?:\s*ids?)?(?:\s*(?:are|is|:|=|#))?\s*((?:\d{3,12}[\s,;]*(?:and\s+)?)+)/gi;
const isoDate = /\b(\d{4}-\d{2}-\d{2})\b/g;
const usDate = /\b(\d{1,2}\/\d{1,2}\/\d{2,4})\b/g;
const numberWords = "one|two|three|four|five|six|seven|eight|nine|ten|once|twice|\\d{1,4}";
const countPattern = new RegExp(
  `\\b((?:${numberWords})\\s+(?:(?:[A-Z]{2,4}|relay stuck closed|ground faults?|faults?|alarms?|occurrences?|times|errors?|sessions?|reboots?)\\b)(?:\\s+(?:alarms?|faults?|errors?))?(?:\\s+(?:in|over|within|during)\\s+the\\s+(?:last|past)\\s+\\d+\\s+(?:days?|weeks?|months?))?)`,
  "gi",
);
const stationPattern =
  /\b(?:station|charger|stn)(?:\s+name)?(?:\s+(?:is|named|called))?\s*[:=]?\s*((?=[\w./-]*\d|[A-Z]{2,}-)[A-Za-z0-9][\w./-]*(?:\s*\/\s*[A-Za-z0-9][\w.-]*)?)/gi;

/** Words that follow "station" in questions and are never a name. */
const notNames = /^(?:is|has|shows?|screen|status|says|was|will|can|cannot|won't|not|and|or|the|a|an|on|in|at)$/i;

/**
 * The facts in `text`. `faultCodes` are the codes the playbooks know (303-RSC …), matched in the forms
 * people type (303RSC, 303 RSC). Each value appears once, in the order found.
 */
export function extractFacts(text: string, faultCodes: readonly string[] = []): Fact[] {
  const facts: (Fact & { at: number })[] = [];
  const taken: [number, number][] = [];
  const add = (kind: FactKind, value: string, index: number, length: number) => {
    const v = value.trim().replace(/[.,;]+$/, "");
    if (!v || taken.some(([a, b]) => index < b && index + length > a)) return;
    if (facts.some((f) => f.kind === kind && f.value === v)) return;
    taken.push([index, index + length]);
    facts.push({ kind, value: v, at: index });
  };
  const each = (pattern: RegExp, kind: FactKind, group = 1) => {
    for (const m of text.matchAll(pattern)) {
      const value = m[group] ?? "";
      add(kind, value, (m.index ?? 0) + m[0].indexOf(value), value.length);
    }
  };
  // Longest, most specific first: a status line holds numbers that would otherwise read as ports or counts.
  for (const m of text.matchAll(statusLine)) add("latest-status", m[0], m.index ?? 0, m[0].length);
  each(iccidPattern, "iccid");
  each(macPattern, "mac");
  each(plugInEvents, "plug-in-event");
  each(serialPattern, "serial");
  each(bareSerial, "serial");
  for (const m of text.matchAll(stationPattern)) {
    const name = m[1] ?? "";
    if (notNames.test(name)) continue;
    add("station", name, (m.index ?? 0) + m[0].lastIndexOf(name), name.length);
  }
  for (const code of faultCodes) {
    const [num, letters] = code.split("-");
    if (!num || !letters) continue;
    const pattern = new RegExp(`\\b${num}[\\s-]?${letters}\\b`, "gi");
    for (const m of text.matchAll(pattern)) add("fault-code", m[0], m.index ?? 0, m[0].length);
  }
  // "on CPF-6", "CPF-6 shows …": a station named without the word "station", after the codes are taken.
  for (const s of placedStationNames(text, faultCodes)) add("station", s.value, s.index, s.value.length);
  each(isoDate, "date");
  each(usDate, "date");
  for (const m of text.matchAll(countPattern)) {
    const value = m[1] ?? "";
    // The pattern is case-insensitive for the words; a short code ("RSC") must be written in capitals.
    const unit = value.split(/\s+/)[1] ?? "";
    if (/^[a-z]{2,4}$/i.test(unit) && unit !== unit.toUpperCase() && !/^(?:faults?|times|errors?)$/i.test(unit))
      continue;
    add("count", value, (m.index ?? 0) + m[0].indexOf(value), value.length);
  }
  each(portPattern, "port", 0);
  return facts.sort((a, b) => a.at - b.at).map(({ kind, value }) => ({ kind, value }));
}

const labelWords =
  /\b(?:station|stn|charger|name|named|mac|address|id|ids|serial|number|no|gsm|iccid|sim|port|plug|in|event|events|is|are|and|also|the|of|it|its|it's|seen|as|on|at|from|since|our|my|here|with)\b/gi;

/**
 * True when a message is little more than the facts in it ("station CPF-6", "plug in event ids 1649…"):
 * evidence, whatever a matcher makes of its few words.
 */
export function mostlyFacts(text: string, facts: readonly Fact[]): boolean {
  if (facts.length === 0) return false;
  let rest = text;
  for (const f of facts) rest = rest.split(f.value).join(" ");
  const left = rest.replace(labelWords, " ").match(/[A-Za-z]{2,}/g) ?? [];
  return left.length <= 1;
}
