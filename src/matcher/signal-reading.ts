/**
 * A signal reading quoted with little else ("reception readout on the general tab is -105"): the guide's
 * Station Unreachable checks "the last known signal strength RSRP (ideally between -90 dBm to -70 dBm)" in
 * the General tab's Network section. The minus sign is lost in normalising, so a number from 50 to 140 beside
 * a reception word is read as that strength. Messages only; the words a reading needs gate it.
 */

const signalWords: ReadonlySet<string> = new Set([
  "reception",
  "readout",
  "reading",
  "signal",
  "rsrp",
  "dbm",
  "strength",
  "bars",
  "cell",
  "cellular",
]);
/** A number that is something else: amps, volts, kW, a price, a count of stations or minutes. */
const notStrength: ReadonlySet<string> = new Set([
  "amp",
  "amps",
  "volt",
  "volts",
  "kw",
  "kwh",
  "dollars",
  "minutes",
  "hours",
  "stations",
  "chargers",
  "percent",
]);

export const signalReadingCues = signalWords;

/** "reception readout is -105", "signal reads 112 on the general tab". */
export function saysSignalReading(words: readonly string[]): boolean {
  return words.some((w, i) => {
    if (!/^\d{2,3}$/.test(w)) return false;
    const n = Number(w);
    if (n < 50 || n > 140 || notStrength.has(words[i + 1] ?? "")) return false;
    return words.slice(Math.max(0, i - 6), i + 3).some((x) => signalWords.has(x));
  });
}
