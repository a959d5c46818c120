/**
 * Station names given with a question without the word "station": "fault 303-RSC on CPF-6", "303-RSC at
 * CPF-6", "CPF-6 shows 303-RSC". Only a word shaped like a station name counts (letters and digits, such as
 * the guide's "CPF-6" or "SCD-7250-South-RG3"), and only where a station is named (after on/at/for, or
 * before shows/has/says), so ordinary words ("on Monday", "at 5pm", "on the CT4020") are never taken.
 */

/** A name-like word: starts with a letter, holds a digit, may be joined by - _ . # (e.g. CPF-6, Lot-B-3). */
const nameShape = /^(?=[^\s]*\d)[A-Za-z][A-Za-z0-9]*(?:[-_.#][A-Za-z0-9]+)*$/;

/**
 * Letter-and-digit words that are something else. Station models named in the guide (CT4000, CT4020-HD-GW,
 * CPF50-L23, CPE250, CP6000, CT4K, CP6K), connectors, charging levels, times, ordinals, units, versions,
 * and dates written with a month.
 */
const notStation = [
  /^(?:CT4\d{3}|CT4K|CPF\d+|CPE\d+|CP6\d{3}|CP6K|CPC\d+|HD\d*)(?:[-_].*)?$/i,
  /^(?:J1772|CCS\d?|CHAdeMO\d*|NACS\d*|SAE\d*|L[123]|DCFC\d*|AC\d*|DC\d*)$/i,
  /^\d{1,2}(?:[:.]\d{2})?(?:am|pm)$/i,
  /^\d+(?:st|nd|rd|th)$/i,
  /^\d+(?:\.\d+)?(?:k?wh?|a|amps?|v|volts?|dbm|ms|s|secs?|mins?|h|hrs?|days?|wks?|mph|kph|mi|km|m|ft|gb|mb|kb|%)$/i,
  /^v\d+(?:\.\d+)*$/i,
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*[-./]?\d{1,4}$/i,
  /^(?:port|plug|connector|step|level|lvl|firmware|fw|rev|rfid|esc)[-_#.]?\d+$/i,
];

/** A fault code in any order people write it (303-RSC, RSC303, rsc-303) is never a station. */
function isFaultCode(word: string, faultCodes: readonly string[]): boolean {
  const letters = word.replace(/[^A-Za-z]/g, "").toUpperCase();
  const digits = word.replace(/\D/g, "");
  return faultCodes.some((code) => {
    const [num, codeLetters] = code.split("-");
    return num === digits && codeLetters?.toUpperCase() === letters;
  });
}

/** True when `word` is shaped like a station name and is none of the look-alikes above. */
export function looksLikeStationName(word: string, faultCodes: readonly string[] = []): boolean {
  return (
    word.length <= 40 && nameShape.test(word) && !notStation.some((p) => p.test(word)) && !isFaultCode(word, faultCodes)
  );
}

const word = String.raw`([A-Za-z][\w.#-]*[A-Za-z0-9])`;
/** "on CPF-6", "at CPF-6", "for CPF-6", "from CPF-6". */
const afterPlace = new RegExp(String.raw`\b(?:on|at|for|from)\s+(?:the\s+)?${word}`, "gi");
/** "CPF-6 shows …", "CPF-6 has …", "CPF-6 is showing …" at the start of a sentence. */
const beforeVerb = new RegExp(
  String.raw`(?:^|[.!?;]\s*)${word}\s+(?:shows?|showing|has|had|says|said|reports?|reported|throws?|threw|gives?|gave|displays?|displayed|got|is\s+(?:showing|throwing|reporting|down|faulted|offline)|keeps?)\b`,
  "gi",
);

/** Station names placed as a station in `text`, each with where it starts. */
export function placedStationNames(
  text: string,
  faultCodes: readonly string[] = [],
): { value: string; index: number }[] {
  const found: { value: string; index: number }[] = [];
  for (const pattern of [afterPlace, beforeVerb]) {
    for (const m of text.matchAll(pattern)) {
      const value = m[1] ?? "";
      if (!looksLikeStationName(value, faultCodes)) continue;
      found.push({ value, index: (m.index ?? 0) + m[0].lastIndexOf(value) });
    }
  }
  return found;
}
