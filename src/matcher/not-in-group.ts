/**
 * A person missing from the group that a station's policy maps is Access Control's, not Station
 * Connections'. Access Control's steps: "Verify the access policy and check which driver group is mapped in
 * that access policy. Navigate to the driver group and check whether the driver has been added", and if not,
 * "connect that driver into the group". Station Connections is a driver who tries to join with the code and
 * cannot (the connection, its code, its approval). So "the policy maps the Facilities Staff group and he
 * isn't in it, how do I get him added" asks about membership, whatever the group is called; a join, a code,
 * an invite or an approval in the message keeps it Station Connections'.
 */
const groupWords = new Set(["group", "groups"]);
const personWords = new Set([
  ...["he", "she", "him", "her", "they", "them", "driver", "drivers", "employee", "employees", "user", "users"],
  ...["person", "someone", "guy", "contractor", "member", "tenant", "resident"],
]);
/** "isn't in it", "not in the group", "missing from", "not added", "get him added", "add her". */
const missingWords = new Set(["missing", "absent", "left", "removed", "dropped"]);
const addWords = new Set(["add", "added", "adding", "include", "included", "put"]);
const joinWords = new Set([
  ...["join", "joined", "joining", "joins", "code", "codes", "connection", "connections", "invite", "invited"],
  ...["approve", "approved", "approval", "request", "requests", "pending", "enroll", "enrolled", "signup"],
  // People adding themselves join with the code: Station Connections' question.
  ...["themselves", "themself", "himself", "herself", "yourself"],
]);
const notWords = new Set(["not", "never", "no"]);
const withoutWords = new Set(["without", "instead"]);

function has(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): boolean {
  for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return true;
  return false;
}

/** "the policy maps the Facilities Staff group and he isn't in it, how do I get him added". */
export function saysPersonNotInGroup(words: readonly string[]): boolean {
  if (!words.some((w) => personWords.has(w)) || words.some((w) => joinWords.has(w))) return false;
  const group = words.findIndex((w) => groupWords.has(w));
  if (group < 0) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // "he isn't in it", "not in the group", "not a member".
    if (notWords.has(w) && (words[i + 1] === "in" || words[i + 1] === "part" || words[i + 2] === "member")) return true;
    if (missingWords.has(w) && has(words, i - 6, i + 6, groupWords)) return true;
    // "get him added", "add her to the group".
    // "without us adding them one by one" wishes the adding away: people who join by themselves (eleventh round).
    if (has(words, i - 2, i - 1, withoutWords)) continue;
    if (addWords.has(w) && (has(words, i - 2, i + 2, personWords) || has(words, i + 1, i + 4, groupWords))) return true;
  }
  return false;
}

/** Words without one of which the rule cannot fire. */
export const notInGroupCues: ReadonlySet<string> = groupWords;

/** "the policy maps the group": a policy's mapping, not the app's map (Bad PinPoint), once the rule has fired. */
export function isPolicyMapping(source: string): boolean {
  return source === "maps" || source === "mapped" || source === "mapping";
}
