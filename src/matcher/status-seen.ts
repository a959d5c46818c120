/**
 * What people say when the dashboard shows a station unreachable: it goes grey, it loses its connection.
 *
 * Station Unreachable's steps read "the time stamp of the last communication to the dashboard" and "how
 * often has the station been unreachable"; support staff describe the same thing by its look on the map
 * and in the portal (a grey pin or icon) and by the link it lost. "Connection" is also Station
 * Connections' word (a driver's connection to a driver group, its connection code), so a lost connection
 * with a group, a code or a driver joining near it is left alone, and so is a grey button or field.
 */
const greyWords = new Set(["grey", "gray", "greyed", "grayed"]);
/** Grey said of the dashboard's controls, not of a station. */
const controls = new Set([
  "button",
  "buttons",
  "option",
  "options",
  "field",
  "fields",
  "checkbox",
  "box",
  "tab",
  "menu",
  "link",
]);
/** A grey cable or housing is a colour. */
const parts = new Set([
  "cable",
  "cord",
  "holster",
  "housing",
  "pedestal",
  "box",
  "wire",
  "wires",
  "paint",
  "plug",
  "connector",
]);
const becomes = new Set([
  "go",
  "goes",
  "going",
  "went",
  "gone",
  "turn",
  "turns",
  "turned",
  "turning",
  "shows",
  "showing",
  "shown",
  "show",
  "is",
  "are",
  "was",
  "stays",
  "stay",
  "all",
]);
const places = new Set([
  "dashboard",
  "portal",
  "map",
  "app",
  "pin",
  "pins",
  "icon",
  "dot",
  "marker",
  "list",
  "console",
]);
const loseVerbs = new Set(["lose", "loses", "losing", "lost", "drops", "dropping", "dropped", "drop"]);
const linkWords = new Set(["connection", "connectivity", "signal", "network", "link", "comms"]);
const determiners = new Set(["its", "the", "their", "his", "her", "our", "a", "all"]);
/** A driver's connection to a group (Station Connections), not the station's to the network. */
const groupWords = new Set([
  "group",
  "groups",
  "code",
  "join",
  "joined",
  "joining",
  "employee",
  "employees",
  "driver",
  "drivers",
]);

export const statusSeenCues: ReadonlySet<string> = new Set([...greyWords, ...loseVerbs]);

export function saysStationGoneGrey(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (greyWords.has(w)) {
      const after = words.slice(i + 1, i + 3);
      const before = words.slice(Math.max(0, i - 10), i);
      if (after.some((x) => controls.has(x) || parts.has(x)) || before.some((x) => controls.has(x))) continue;
      // "goes grey", "grey on the map": a state shown, not a colour of the hardware.
      const shown =
        words.slice(Math.max(0, i - 3), i).some((x) => becomes.has(x)) ||
        words.slice(i + 1, i + 6).some((x) => places.has(x));
      if (shown) return true;
      continue;
    }
    if (loseVerbs.has(w)) {
      const next = determiners.has(words[i + 1] ?? "") ? i + 2 : i + 1;
      if (!linkWords.has(words[next] ?? "")) continue;
      const around = words.slice(Math.max(0, i - 6), next + 5);
      if (around.some((x) => groupWords.has(x))) continue;
      return true;
    }
  }
  return false;
}
