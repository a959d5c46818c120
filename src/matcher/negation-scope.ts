import { ruledOutPositions } from "./ruled-out.ts";
import { stopwords } from "./stopwords.ts";

/**
 * Negation read in a narrow scope: the words a negator denies, up to its first content word.
 *
 * - Denied authentication ("no card", "without tapping a badge", "don't need to authenticate", "no sign-in")
 *   is one concept, `authfree`: charging with no authentication at all. Read word by word it would be the
 *   strongest evidence for the card reader playbook, the opposite of what was said.
 * - A denied replacement ("nothing was replaced", "we never swapped it") drops the replacement word, so
 *   the rest of the sentence decides instead of the hardware-replacement playbook.
 *
 * Only these two: "no signal", "no funds" or "not reachable" name the symptom itself and stay as written.
 * Runs on the normalised, spelling-corrected words, before synonyms, for triggers and messages alike.
 */
const negators = new Set([
  "no",
  "without",
  "nobody",
  "none",
  "nor",
  "skip",
  "skipping",
  "bypass",
  "bypassing",
  // Not wanting the card at all is the same wish: "sick of badging in", "avoid cards", "instead of tapping fobs".
  "hate",
  "hates",
  "avoid",
  "avoiding",
  "sick",
  "tired",
  "instead",
]);
/** These deny an event, not a thing: "nothing was replaced", "never swapped", "has not been replaced". */
const eventNegators = new Set(["nothing", "never", "not", "no", "without", "nobody"]);
/** "not" denies only a need or a use: "doesn't need a card" yes, "does not respond to the card" no. */
const deniedNeed = new Set([
  "need",
  "needed",
  "needing",
  "require",
  "required",
  "requiring",
  "necessary",
  "use",
  "want",
]);
/** Words that may stand between the negator and what it denies ("no need to tap a card"). */
const between = new Set([
  "need",
  "needed",
  "needing",
  "require",
  "required",
  "requiring",
  "having",
  "have",
  "want",
  "wanting",
  "tap",
  "tapping",
  "swipe",
  "swiping",
  "scan",
  "scanning",
  "present",
  "presenting",
  "use",
  "using",
  "enter",
  "entering",
  "show",
  "showing",
  "driver",
  "drivers",
  "user",
  "users",
  // Whoever is not to tap: "doesn't want the sales guys tapping badges", "no staff swiping fobs".
  "sales",
  "salespeople",
  "salesmen",
  "guys",
  "staff",
  "employees",
  "people",
  "everyone",
  "anyone",
  "team",
  "techs",
  "mechanics",
  "porters",
  "workers",
  "crew",
  "folks",
  "them",
  "physical",
  "chargepoint",
  "valid",
  "kind",
  "sort",
  "type",
  // "without fumbling with cards", "no messing around with badges": the bother denied is the card's.
  "fumbling",
  "messing",
  "around",
  "dealing",
  "bothering",
  "fiddling",
  "juggling",
  "carrying",
  "handing",
  "issuing",
  "giving",
  "managing",
  "replacing",
  "losing",
  "hassle",
  "worrying",
  "entirely",
  "completely",
]);
const authWords = new Set([
  "card",
  "cards",
  "badge",
  "badges",
  "badging",
  "fob",
  "fobs",
  "rfid",
  "app",
  "apps",
  "account",
  "accounts",
  "authentication",
  "authenticate",
  "authenticating",
  "auth",
  "authorization",
  "authorize",
  "authorizing",
  "login",
  "logins",
  "sign",
  "signin",
  "credentials",
]);
const replaceWords = new Set(["replace", "replaced", "replacing", "replacement", "swap", "swapped", "swapping", "rma"]);
/** Words a denied replacement may be said about ("no hardware was replaced", "nothing on the unit was swapped"). */
const replacedThings = new Set(["hardware", "unit", "station", "head", "parts", "part", "charger", "anything"]);

/** A card word followed by one of these names the device, not the card: "no card reader", "without the badge scanner". */
const readerWords = new Set(["reader", "readers", "scanner", "scanners"]);

/** A denied card problem rules the card out: "no card issues", "no badge problems". */
const problemWords = new Set(["issue", "issues", "problem", "problems", "trouble", "troubles", "errors", "complaints"]);

/** "no driver action", "without any user input": nothing asked of the driver, said of the driver. */
const driverActions = new Set(["action", "actions", "interaction", "input", "intervention", "involvement"]);
const driverWords = new Set(["driver", "drivers", "user", "users"]);

const tapVerbs = new Set(["tap", "tapping", "swipe", "swiping", "scan", "scanning", "badge", "badging"]);

export const authFreeConcept = "authfree";

/** The words as read, without where they came from. */
export function applyNegationScope(words: readonly string[]): string[] {
  return readNegationScope(words).map((r) => r.word);
}

/** Each word as read, with the words of the message it stands for ("no card" for the concept), for explanations. */
export function readNegationScope(words: readonly string[]): { word: string; from: string }[] {
  const out: { word: string; from: string }[] = [];
  const push = (word: string, from = word) => out.push({ word, from });
  const ruledOut = ruledOutPositions(words);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (ruledOut.has(i)) continue;
    // "should not have to badge in" denies a need as much as "does not need to".
    const hasTo = words[i + 1] === "have" && words[i + 2] === "to";
    const authCue = negators.has(word) || (word === "not" && (deniedNeed.has(words[i + 1] ?? "") || hasTo));
    const eventCue = eventNegators.has(word);
    if (!authCue && !eventCue) {
      push(word);
      continue;
    }
    push(word);
    // Find the first content word the negator reaches, allowing the few words that may come between.
    let j = i + 1;
    while (j < words.length && j - i <= 8) {
      const w = words[j]!;
      // "without anyone tapping anything": a denied tap of nothing in particular is still no authentication.
      if (authCue && tapVerbs.has(w) && words[j + 1] === "anything") {
        push(authFreeConcept, words.slice(i, j + 2).join(" "));
        i = j + 1;
        break;
      }
      // "doesn't need anything to start": needing nothing at all is no authentication ("anything replaced" is not).
      if (authCue && w === "anything" && deniedNeed.has(words[i + 1] ?? "") && !replaceWords.has(words[j + 1] ?? "")) {
        push(authFreeConcept, words.slice(i, j + 1).join(" "));
        i = j;
        break;
      }
      if (authCue && driverActions.has(w) && words.slice(i + 1, j).some((x) => driverWords.has(x))) {
        push(authFreeConcept, words.slice(i, j + 1).join(" "));
        i = j;
        break;
      }
      // "no card issues reported": a card ruled out as the cause is neither the card reader nor no authentication.
      if (authCue && authWords.has(w) && problemWords.has(words[j + 1] ?? "")) {
        i = j + 1;
        break;
      }
      // "no card reader response" denies the reader's answer, not authentication: left as written.
      if (authCue && authWords.has(w) && !readerWords.has(words[j + 1] ?? "")) {
        push(authFreeConcept, words.slice(i, j + 1).join(" "));
        // "no card no app": the next denied object joins the same concept.
        i = j;
        break;
      }
      if (eventCue && replaceWords.has(w)) {
        i = j; // the replacement word is dropped
        break;
      }
      if (stopwords.has(w) || between.has(w) || replacedThings.has(w) || w === "been") {
        j++;
        continue;
      }
      break;
    }
  }
  return out;
}
