/**
 * The station's own output read by its fields: a line of Get Latest Status, a column of Historical Sessions,
 * named or pasted, with few of the article's words around it. Each field here is read by one article of the
 * guide, which says what a good and a bad value look like:
 * - the RFID section of the latest status ("a good status should be rfidinfo 210326, UIC 68FCA911_V1.1"; "If
 *   RFID shows Unknown or '-----', soft reboot"): the ChargePoint Card (RFID) Reader;
 * - whether a session was started with a card or remotely, read from history (the Plug In Event ID: remote
 *   starts show 1000000000 numbers, RFID starts count up by one): the RFID reader too;
 * - the end of the latest status, "lcdstate = PortState[1,2]=Available,Available", which says a Pilot
 *   Unreachable fault cleared.
 * Said that way, "line" reads as a queue, "Available" as the Waitlist's screen and "sessions" as energy; the
 * field's article is added as much as those weigh. Read in messages only.
 */

/** What is read of an output: its line, section or value, and the verbs that report it. */
const outputWords = new Set([
  ...["line", "lines", "section", "part", "bit", "field", "reading", "output", "info", "row", "entry", "value"],
  ...["status", "shows", "showed", "says", "said", "reads", "read", "reading", "returns", "returned", "came"],
]);
/** The RFID section's own names: "rfidinfo", the reader's UIC version. */
const rfidInfoWords = new Set(["rfidinfo", "uic"]);
const rfidWords = new Set(["rfid"]);
/** The latest status's last field, which Pilot Unreachable reads. */
const lcdWords = new Set(["lcdstate", "portstate"]);

/** A card start, said of the card or its tap. */
const cardWords = new Set(["card", "cards", "badge", "badges", "fob", "fobs", "rfid", "tap", "tapped", "tapping"]);
/** A remote start: the app, an admin, driver support. */
const remoteWords = new Set(["remote", "remotely", "app", "admin", "phone", "support", "dashboard"]);
const startWords = new Set([
  ...["start", "started", "starts", "initiated", "initiate", "began", "begun", "kicked", "triggered", "used"],
  ...["via", "by", "with", "tap", "tapped", "tapping"],
]);
/** Read from the record of sessions, not said of a session under way. */
const historyWords = new Set([
  ...["history", "historical", "sessions", "session", "log", "logs", "records", "record", "event", "tell"],
  ...["check", "see", "know", "whether", "which"],
]);
const either = new Set(["or", "vs", "versus"]);
/** "how many sessions were started with cards vs the app last year": a count over a period, a report of data. */
const countWords = new Set([
  ...["report", "reports", "many", "count", "counts", "total", "totals", "export", "percent", "percentage"],
  ...["statistics", "stats", "breakdown", "split", "ratio", "share"],
]);

/** The words without which no rule here fires. */
export const statusFieldCues: ReadonlySet<string> = new Set([...rfidInfoWords, ...rfidWords, ...lcdWords, ...either]);

function within(words: readonly string[], from: number, to: number, set: ReadonlySet<string>): number {
  for (let k = Math.max(0, from); k <= Math.min(words.length - 1, to); k++) if (set.has(words[k]!)) return k;
  return -1;
}

/** The RFID section of the latest status, named or pasted: "rfidinfo …", "the rfid line shows …". */
export function readsRfidSection(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (rfidInfoWords.has(w)) return true;
    if (rfidWords.has(w) && within(words, i + 1, i + 2, outputWords) >= 0) return true;
  }
  return false;
}

/** "PortState[1,2]=Available,Available", "the lcdstate line": the end of the latest status. */
export function readsLcdState(words: readonly string[]): boolean {
  return words.some((w) => lcdWords.has(w));
}

/** "was it started with a card or from the app?", read from the sessions' history. */
export function asksCardOrRemoteStart(words: readonly string[]): boolean {
  const or = within(words, 0, words.length - 1, either);
  if (or < 0 || within(words, 0, words.length - 1, countWords) >= 0) return false;
  // The two means on either side of "or", in either order.
  const card = within(words, or - 3, or + 5, cardWords);
  const remote = within(words, or - 3, or + 5, remoteWords);
  if (card < 0 || remote < 0) return false;
  return (
    within(words, Math.min(card, remote) - 4, Math.min(card, remote), startWords) >= 0 &&
    within(words, 0, words.length - 1, historyWords) >= 0
  );
}

/**
 * The rules of this module: the test, the concept it adds (its article's own terms) and how to explain it,
 * with the words each cannot fire without.
 */
export const statusFieldRules = [
  [readsRfidSection, "rfid reader", "the RFID section of the latest status", new Set([...rfidInfoWords, ...rfidWords])],
  [readsLcdState, "pilot unreachable", "the lcdstate at the end of the latest status", lcdWords],
  [asksCardOrRemoteStart, "plug event rfid", "a card start or a remote start, read from history", either],
] as const;
