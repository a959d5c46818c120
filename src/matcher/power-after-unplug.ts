/**
 * A port that still has power with no car on it is Relay Stuck Closed's.
 *
 * A relay stuck closed keeps the port energised when it should have opened (the team's reading of the
 * name; the guide gives the fault, its solid red LED and "Relay stuck closed" in the alarms). Power
 * after the car is unplugged or the session ended ("car unplugged but the port still has power") is that;
 * power that is still on while a car charges slowly is not, so the rule needs the car gone or the session
 * over.
 */
const stillWords = new Set(["still", "stays", "remains", "remained", "stayed", "keeps"]);
const powerWords = new Set([
  "power",
  "powered",
  "live",
  "energized",
  "energised",
  "hot",
  "voltage",
  "current",
  "energy",
  "flowing",
  "flows",
]);
const goneWords = new Set(["unplugged", "disconnected", "ended", "ends", "stopped", "finished", "removed", "gone"]);

export const powerAfterUnplugCues: ReadonlySet<string> = stillWords;

export function saysPowerAfterUnplug(words: readonly string[]): boolean {
  if (!words.some((w) => goneWords.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    if (!stillWords.has(words[i]!)) continue;
    for (let k = i + 1; k <= i + 3 && k < words.length; k++) if (powerWords.has(words[k]!)) return true;
  }
  return false;
}
