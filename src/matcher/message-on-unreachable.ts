/**
 * A station message that did not show on a station that is unreachable, asked about together: "the message
 * we set isn't showing on station 4, and station 4 is unreachable, related?". The Station Messages article
 * answers it: a message applied needs the stations "available and reachable for the above request to take
 * effect". The unreachable station is the scene of the question, not a second trouble to fix first; a
 * station that is unreachable with no message asked about stays Station Unreachable's.
 */
const messageWords = new Set(["message", "messages", "greeting"]);
/** "error message", "text message": not a message put on the screen. */
const notScreenMessage = new Set(["error", "text", "sms", "voice", "slack", "teams", "email"]);
const missingWords = new Set(["missing", "absent", "gone", "blank"]);
const showVerbs = new Set([
  ...["show", "shows", "showing", "shown", "showed", "appear", "appears", "appeared", "appearing", "display"],
  ...["displays", "displayed", "displaying", "update", "updated", "updating", "apply", "applied", "change"],
  ...["changed", "arrive", "arrived", "take", "took", "taken"],
]);
const negations = new Set(["not", "never", "no", "nothing"]);
/** The station off its link, in the words people use. */
export const unreachableWords: ReadonlySet<string> = new Set([
  ...["unreachable", "offline", "disconnected", "unresponsive", "communicating", "connection", "connectivity"],
]);

export const messageOnUnreachableCues: ReadonlySet<string> = messageWords;

function messageAt(words: readonly string[]): number {
  return words.findIndex((w, i) => messageWords.has(w) && !notScreenMessage.has(words[i - 1] ?? ""));
}

/** Whether a message that did not show and a station off its link are asked about together. */
export function saysMessageOnUnreachable(words: readonly string[]): boolean {
  const at = messageAt(words);
  if (at < 0 || !words.some((w) => unreachableWords.has(w))) return false;
  if (words.slice(Math.max(0, at - 3), at).some((w) => missingWords.has(w))) return true;
  // "the message … is not showing", "never appeared", "did not take".
  for (let i = at + 1; i < Math.min(words.length, at + 10); i++) {
    if (!showVerbs.has(words[i]!)) continue;
    if (words.slice(Math.max(at + 1, i - 3), i).some((w) => negations.has(w))) return true;
  }
  return false;
}
