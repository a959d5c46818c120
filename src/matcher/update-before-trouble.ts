import { unreachableWords } from "./unreachable-words.ts";

/**
 * A firmware update named as what came before a station went unreachable is the scene, not the question.
 *
 * Firmware Upgrade is sending a software version to stations (OTAng, Download To Stations, the OTAng Logs'
 * Error Status); its note asks that "Stations should be available and reachable" for a change to take
 * effect. Station Unreachable is the station that stops talking to the dashboard (signal, SIM, power
 * cycle). So "after the firmware push the unit dropped offline" reports Unreachable's symptom with the
 * update as its timing, and the update words drop out; an update that itself failed, is pending or must be
 * retried ("the upgrade failed because the station was unreachable") stays Firmware Upgrade's.
 */
const updateWords = new Set(["firmware", "update", "updates", "upgrade", "upgrades", "push", "ota", "software", "fw"]);
const sinceWords = new Set(["after", "since", "following"]);
const troubleWords = new Set([...unreachableWords, "connection", "network", "dropped"]);
/** The update's own outcome: Firmware Upgrade's question. */
const outcomeWords = new Set([
  "failed",
  "fail",
  "fails",
  "retry",
  "pending",
  "queued",
  "stuck",
  "version",
  "took",
  "take",
  "through",
  "limit",
  "rollback",
  "again",
]);

const thenWords = new Set(["now", "then"]);
const cardWords = new Set(["card", "cards", "badge", "badges", "fob", "fobs", "tap", "taps", "rfid"]);
const cardFailWords = new Set(["ignore", "ignores", "ignored", "ignoring", "stopped", "dead", "nothing", "rejected"]);

export const updateSceneCues: ReadonlySet<string> = new Set([...sinceWords, ...thenWords]);

/** Positions of the update words in "after the firmware push", when the station then went unreachable. */
export function updateScenePositions(words: readonly string[]): number[] {
  const positions: number[] = [];
  const trouble = words.findIndex((w, i) => troubleWords.has(w) || seenTrouble(words, i));
  if (trouble < 0 || words.some((w) => outcomeWords.has(w))) return positions;
  for (let i = 0; i < words.length; i++) {
    if (!sinceWords.has(words[i]!)) continue;
    for (let k = i + 1; k <= i + 4 && k < words.length; k++) if (updateWords.has(words[k]!)) positions.push(k);
  }
  if (positions.length > 0) return positions;
  // "new firmware went out tuesday and now the station is grey": the update first, then "now" the trouble.
  const now = words.findIndex((w, i) => thenWords.has(w) && i < trouble);
  if (now < 0) return positions;
  for (let k = 0; k < now; k++) if (updateWords.has(words[k]!)) positions.push(k);
  return positions;
}

/**
 * Station Unreachable's other symptom, "Station Name changing to ChargePoint/Station", and the grey a
 * dashboard shows for it; a Rule Name is Auto-OTA's own column, not this.
 */
function seenTrouble(words: readonly string[], i: number): boolean {
  const w = words[i]!;
  // The card reader's symptom, "might not respond to the ChargePoint card (RFID) tap": cards ignored or dead
  // since the update ("since the push the stations ignore card taps") report the reader, timed by the update.
  if (cardWords.has(w)) return words.slice(Math.max(0, i - 4), i + 5).some((x) => cardFailWords.has(x));
  if (w === "name") return words[i - 1] !== "rule";
  return w === "grey" || w === "gray";
}
