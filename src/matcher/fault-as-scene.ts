import type { FaultCodeEntry, FaultCodeScan } from "./fault-codes.ts";
import { normaliseText } from "./normalise-text.ts";
import { synonyms } from "./synonyms.ts";

/**
 * A fault's name or code used as a modifier or as history ("the breakaway-damaged unit got a new head, how do
 * I link it", "the old 303-RSC station was swapped", "since the EF repair the pin is wrong") sets the scene:
 * the question is another article's (Replace Hardware, Bad PinPoint, Pricing Policy…). The guide's fault
 * articles all end on "consider station head replacement", so a fault named beside the replacement, the
 * map or the price is most often history. Only the mentions are found here; whether the rest of the message
 * really asks something else is for the scorer (create-matcher.ts), so a fault that is the question ("the
 * new head shows breakaway again", "pilot unreachable on both ports") keeps its answer.
 */

/** Things a fault's name can describe: the unit that had it, its repair, the damage. */
const describedThings = new Set([
  ...["unit", "units", "station", "stations", "stn", "stns", "charger", "chargers", "evse", "evses"],
  ...["head", "heads", "one", "ones", "repair", "repairs", "repaired", "damaged", "fixed", "prone"],
  // Not "ticket" or "case": "a hardware fault ticket" is about the fault.
  ...["replacement", "swap", "swapped", "bollard", "bollards", "history", "past"],
  ...["hit", "affected", "impacted", "related"],
  // The part itself, asked to order or to price ("the breakaway cable part number"); a cable that is ripped
  // reads as Breakaway again in the rest, and then the fault stays the answer.
  ...["cable", "cables", "cord", "cords", "part", "parts", "kit"],
]);
/** Words between a fault's name and the thing it describes ("the breakaway fault unit"). */
const faultWords = new Set(["fault", "faulted", "faults", "error", "alarm", "code", "issue", "problem", "damage"]);
/** Words before a fault's name that make it history ("the unit that threw the breakaway fault", "ex-breakaway"). */
const historyWords = new Set([
  "threw",
  "had",
  "ex",
  "post",
  "former",
  "formerly",
  "previous",
  "prior",
  "earlier",
  "after",
]);
/** After the name, these make it history too: "relay stuck closed last month", "the hardware fault was fixed". */
const pastAfter = new Set(["before", "earlier", "previously", "last", "ago", "history"]);
// Not "cleared" or "resolved": the guide clears a fault by rebooting and still asks about the head (Relay Stuck Closed).
const doneWords = new Set(["fixed", "repaired", "replaced", "swapped"]);
const copulas = new Set(["was", "is", "got", "been", "has", "had", "were"]);
/** A fault ruled out ("no hardware fault, no breaker trip, but it barely charges") is not the question either. */
const denials = new Set(["no", "not", "without", "never", "zero", "0"]);
/** "Hardware Fault Station out of service" is the guide's own status: the station there is no modifier. */
const statusTails = new Set(["out", "oos", "offline", "down", "unavailable"]);

export interface FaultScene {
  /** The message's words without the fault's mentions, for the scorer to read alone. */
  rest: string;
  /** The mentions as written, for the explanation. */
  mentions: string[];
  /**
   * Only a modifier, with no history, denial or repair in the message ("our 307 unit trips the breaker"): the
   * fault may be there now, so only an adjacent topic (a return, an order) may answer instead.
   */
  maybeCurrent: boolean;
}

/** A repair or replacement said anywhere makes a modifier history: "the breakaway unit got a new head". */
const repairWords = new Set([
  ...["swapped", "swap", "replaced", "replacement", "repaired", "repair", "fixed", "rma", "returned", "back"],
  ...["new", "brand", "rebuilt", "refurbished"],
]);
/** Participles that say the fault is over when they are the modifier: "the breakaway-repaired charger". */
const overThings = new Set([
  "repair",
  "repairs",
  "repaired",
  "fixed",
  "history",
  "past",
  "replacement",
  "swap",
  "swapped",
]);

/** Every way the guide names each fault, normalised: its name, its aliases and its code. */
const guidePhrasesOf = new WeakMap<readonly FaultCodeEntry[], Set<string>>();

/** The guide's names, codes and aliases with the desk's names for them: worked out once per index. */
function guidePhrases(index: readonly FaultCodeEntry[]): Set<string> {
  let phrases = guidePhrasesOf.get(index);
  if (phrases) return phrases;
  phrases = new Set<string>();
  for (const e of index) {
    for (const form of [e.name, e.code, ...e.aliases]) {
      // Two-letter forms ("he", "ba") are words too often: only the scan's own hits count for them.
      if (form.replace(/[^a-z0-9]/gi, "").length >= 3) phrases.add(normaliseText(form));
    }
  }
  // The desk's names for the same faults ("ground fault" for Earth Fault), from the synonym table.
  for (const [canonical, variants] of Object.entries(synonyms)) {
    if (!phrases.has(canonical)) continue;
    for (const v of variants) if (/\bfault\b/.test(v)) phrases.add(normaliseText(v));
  }
  phrases.delete("");
  guidePhrasesOf.set(index, phrases);
  return phrases;
}

const firstWordsCache = new WeakMap<readonly FaultCodeEntry[], Set<string>>();
function firstWordsOf(index: readonly FaultCodeEntry[]): Set<string> {
  let firsts = firstWordsCache.get(index);
  if (!firsts) {
    firsts = new Set([...guidePhrases(index)].map((p) => p.split(" ")[0]!).concat(statusFirsts));
    firstWordsCache.set(index, firsts);
  }
  return firsts;
}

/** The fault phrases split into words, longest first, by their first word: a word is compared only with its own. */
type PhrasesByFirst = Map<string, string[][]>;

function faultPhrases(index: readonly FaultCodeEntry[], scan: FaultCodeScan): PhrasesByFirst {
  const phrases = new Set(guidePhrases(index));
  for (const h of scan.hits) phrases.add(normaliseText(h.form));
  const byFirst: PhrasesByFirst = new Map();
  // A stable sort keeps the set's order among phrases of one length: the first that matches wins, as before.
  const split = [...phrases].filter((p) => p.length > 0).map((p) => p.split(" "));
  for (const words of split.sort((a, b) => b.length - a.length)) {
    const list = byFirst.get(words[0]!);
    if (list) list.push(words);
    else byFirst.set(words[0]!, [words]);
  }
  return byFirst;
}

const guideOnlyPhrases = new WeakMap<readonly FaultCodeEntry[], PhrasesByFirst>();

/**
 * The phrases for a message with no fault code in it (most messages that reach the loop below) are the
 * guide's alone: worked out once per index instead of once per message.
 */
function phrasesFor(index: readonly FaultCodeEntry[], scan: FaultCodeScan): PhrasesByFirst {
  if (scan.hits.length > 0) return faultPhrases(index, scan);
  let phrases = guideOnlyPhrases.get(index);
  if (!phrases) {
    phrases = faultPhrases(index, scan);
    guideOnlyPhrases.set(index, phrases);
  }
  return phrases;
}

/**
 * The statuses the guide's articles show (the screen's Unavailable; Needs Service, Faulted and Station
 * Unreachable in the dashboard): a status said to be past ("the previously unreachable charger is online
 * again", "was unavailable for a week, now fixed") is the scene too. Said now, a status is the symptom and is
 * left to the scorer, so it never makes a fault's name the question either.
 */
const statusPhrases = [
  "station unreachable",
  "needs service",
  "out of service",
  "unavailable",
  "unreachable",
  "faulted",
].map((p) => p.split(" "));
const statusFirsts = statusPhrases.map((p) => p[0]!);
const wasWords = new Set(["was", "were", "previously", "formerly"]);

/** Cheap test first: a message with none of these words names no fault as a modifier. */
const needs = new Set([...describedThings, ...historyWords, ...denials, ...pastAfter, ...doneWords, ...wasWords]);

/**
 * History a few words after the name (eleventh round): "the earth fault from last month was fixed by the
 * electrician", "the relay issue on port 2 two weeks ago". A fault said to be back or still there ("from last
 * month is back", "since last week still faulting") is the question again.
 */
const overWindow = 5;
const overAgo = new Set(["ago", "previously", "earlier"]);
const lastPeriods = new Set(["week", "month", "year", "spring", "summer", "fall", "autumn", "winter", "quarter"]);
const stillThere = new Set(["again", "still", "back", "returned", "recurring", "keeps", "came", "now", "today"]);
function overSoonAfter(words: readonly string[], end: number): boolean {
  for (let k = end; k < Math.min(words.length, end + overWindow); k++) {
    const w = words[k]!;
    if (stillThere.has(w)) return false;
    if (overAgo.has(w) || (w === "last" && lastPeriods.has(words[k + 1] ?? ""))) return true;
    if (
      copulas.has(w) &&
      (doneWords.has(words[k + 1] ?? "") || (words[k + 1] === "been" && doneWords.has(words[k + 2] ?? "")))
    )
      return true;
  }
  return false;
}

export function faultNamedAsScene(
  normalised: string,
  index: readonly FaultCodeEntry[],
  scan: FaultCodeScan,
): FaultScene | undefined {
  const words = normalised.split(" ").filter((w) => w.length > 0);
  if (!words.some((w) => needs.has(w))) return undefined;
  // Most messages name no fault and no status: one pass over their words says so.
  const firsts = firstWordsOf(index);
  if (scan.hits.length === 0 && !words.some((w) => firsts.has(w))) return undefined;
  const phrases = phrasesFor(index, scan);
  const dropped = new Set<number>();
  const mentions: string[] = [];
  let over = false;
  for (let i = 0; i < words.length; i++) {
    if (dropped.has(i)) continue;
    const status = statusPhrases.find((p) => p.every((w, k) => words[i + k] === w));
    if (status) {
      const after = words[i + status.length] ?? "";
      const past = wasWords.has(words[i - 1] ?? "") || historyWords.has(words[i - 1] ?? "") || pastAfter.has(after);
      // "was unavailable, now fixed": the status is over only when something says it is.
      const ended = /\b(?:now fixed|fixed|back online|online again|back up|working again|back in service)\b/.test(
        normalised,
      );
      if (past && ended) {
        for (let k = i; k < i + status.length; k++) dropped.add(k);
        mentions.push(status.join(" "));
        over = true;
      }
      i += status.length - 1;
      continue;
    }
    const phrase = phrases.get(words[i]!)?.find((p) => p.every((w, k) => words[i + k] === w));
    if (!phrase) continue;
    let end = i + phrase.length;
    while (end < words.length && faultWords.has(words[end]!)) end++;
    const next = words[end];
    const thing = next !== undefined && describedThings.has(next) && !statusTails.has(words[end + 1] ?? "");
    const done = doneWords.has(next ?? "") || (copulas.has(next ?? "") && doneWords.has(words[end + 1] ?? ""));
    const history =
      historyWords.has(words[i - 1] ?? "") ||
      historyWords.has(words[i - 2] ?? "") ||
      pastAfter.has(next ?? "") ||
      done ||
      overSoonAfter(words, end);
    const denied = denials.has(words[i - 1] ?? "");
    // One mention that is the fault itself ("showing breakaway again") makes the fault the question.
    if (!thing && !history && !denied) return undefined;
    if (history || denied || overThings.has(next ?? "")) over = true;
    for (let k = i; k < end; k++) dropped.add(k);
    mentions.push(words.slice(i, end).join(" "));
    i = end - 1;
  }
  if (mentions.length === 0) return undefined;
  const maybeCurrent = !over && !words.some((w, k) => !dropped.has(k) && repairWords.has(w));
  return { rest: words.filter((_, k) => !dropped.has(k)).join(" "), mentions, maybeCurrent };
}
