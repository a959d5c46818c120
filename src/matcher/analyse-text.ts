import { nobodyIdentifiedCues, saysAlwaysAuthorized, saysNobodyIdentified } from "./always-authorized.ts";
import { saysAnyoneWhoArrives } from "./anyone-who-arrives.ts";
import { asksAmountPaid } from "./asked-amount.ts";
import { askedOutcomes } from "./asked-outcome.ts";
import { askedOverSceneCues, askedOverSceneRules } from "./asked-over-scene.ts";
import { askedPlans } from "./asked-plan.ts";
import { saysBilledFor } from "./billed-for.ts";
import { billedMoreCues, saysBilledMoreThanUsual } from "./billed-more-than-usual.ts";
import { isSkippedCardWord, saysCardStepSkipped } from "./card-step-skipped.ts";
import { saysChargedRepeatedly } from "./charged-repeatedly.ts";
import { saysDefaultNameShown } from "./default-name-shown.ts";
import { describedPartCues, describedPartRules } from "./described-part-rules.ts";
import { keptDescriptions } from "./described-parts.ts";
import { driversLookElsewhereCues, saysDriversLookElsewhere } from "./drivers-look-elsewhere.ts";
import { editDistance } from "./edit-distance.ts";
import { asksToEditShownText, editShownTextCues, shownTextPositions, shownTextReason } from "./edit-shown-text.ts";
import { isShortEnglishCached } from "./english-forms.ts";
import { englishWords } from "./english-words.ts";
import { asksFeeAtMfhSite, isMfhSiteWord } from "./fee-at-mfh-site.ts";
import { readIntentCues } from "./intent-cues.ts";
import {
  littleEnergyCues,
  saysBatteryDidNotRise,
  saysChargingTakesForever,
  saysLittleDelivered,
  saysSmallRise,
} from "./little-energy.ts";
import { saysSentToWrongPlace } from "./map-directions.ts";
import { messageOnUnreachableCues, saysMessageOnUnreachable, unreachableWords } from "./message-on-unreachable.ts";
import { readNegationScope } from "./negation-scope.ts";
import {
  frameCues,
  frameRules,
  neighbourCues,
  neighbourRules,
  objectsNotAsked,
  objectsNotAskedCues,
} from "./neighbour-rules.ts";
import { noChargeGivenCues, saysNoChargeGiven } from "./no-charge-given.ts";
import { normaliseText } from "./normalise-text.ts";
import { isPolicyMapping, saysPersonNotInGroup } from "./not-in-group.ts";
import { observedConcepts } from "./observed-concepts.ts";
import { offlineAsCauseCues, saysOfflineAsCause } from "./offline-as-cause.ts";
import { saysStationForOnePerson } from "./one-driver-station.ts";
import { asksOutputAsExpected } from "./output-as-expected.ts";
import { saysOwnSpaceStation } from "./own-space-station.ts";
import { saysOwnerIsPaid } from "./owner-revenue.ts";
import { pairRules, sceneOfPairRule, textOnScreenContent } from "./pair-rules.ts";
import { lineMeansQueue, readQueueWord } from "./queue-line.ts";
import { quotedSpans } from "./quoted-text.ts";
import { rateHeldLowCues, saysRateAtZero, saysRateHeldLow } from "./rate-held-low.ts";
import { replacedOtherMaker } from "./replaced-other-maker.ts";
import { isSettingWord, namesAChargingObject, settingIsNotTheQuestion } from "./residential-setting.ts";
import { screenNameConcepts } from "./screen-names.ts";
import { asksForScreenWording } from "./screen-wording.ts";
import { isAccessSetting, settingAskedConcepts, settingAskedCues } from "./setting-asked.ts";
import { saysJoinsThemselves, saysPricingAwaitsApproval, sharedSubjectCues } from "./shared-subjects.ts";
import { saysShownHereIsThere, shownHereIsThereCues } from "./shown-here-is-there.ts";
import { saysSignalReading, signalReadingCues } from "./signal-reading.ts";
import { saysSimSeating } from "./sim-seating.ts";
import type { SpellCorrector } from "./spell-corrector.ts";
import { saysStaleScreenText } from "./stale-screen-text.ts";
import { asksStationGroupPayout } from "./station-group-payout.ts";
import { statusFieldRules } from "./status-fields.ts";
import { stemWord } from "./stem-word.ts";
import { stopwords } from "./stopwords.ts";
import { synonyms } from "./synonyms.ts";
import { terseConcepts } from "./terse-concepts.ts";
import { droppedWithTerseRule, terseRules } from "./terse-rules.ts";
import { refusedTextPositions, saysTextLineRefused, textLineCues } from "./text-line-refused.ts";
import { topicSceneCues, topicWordsAsScene } from "./topic-words-as-scene.ts";
import { messageOnUnreachableSource, offlineAsCauseSource } from "./two-troubles.ts";
import { voiceCueMask, voiceRule } from "./voice-cue-mask.ts";
import { saysScreenRefused, saysWhoMayCharge } from "./who-may-charge.ts";
import { firedConcepts, openRules, type WordRule } from "./word-gates.ts";
import { wordingContentPositions, wordingReason } from "./wording-content.ts";

export interface Rewrite {
  from: string;
  to: string;
}

/** A message reduced to the terms the scorer sees, with a record of every rewrite for the explanation. */
export interface AnalysedText {
  /** The normalised (and spelling-corrected) words before synonyms and stopwords: the vocabulary's unit. */
  words: string[];
  /** Stemmed content terms, in order. */
  terms: string[];
  /** For each term, the word as the person wrote it (after normalising), for the explanation. */
  sources: string[];
  corrections: Rewrite[];
  synonyms: Rewrite[];
}

interface SynonymTable {
  byPhrase: Map<string, string>;
  /** Phrase lengths by first word, so most words cost one lookup instead of one per possible length. */
  lengthsByFirst: Map<string, number[]>;
  /**
   * The second words of the multi-word phrases, by first word: when the next word is none of them, no
   * phrase longer than one word can start here, and the windows are not joined to be looked up.
   */
  secondsByFirst: Map<string, Set<string>>;
  /**
   * Multi-word phrases by each of their words, then by their word count, then by their length, for
   * matching a phrase typed with one slip ("jst charge"): a common word ("no", "port") is in dozens of
   * phrases, and only those of the typed window's size can be one edit away.
   */
  phrasesByWord: Map<string, Map<number, string[]>[]>;
  /** Each fuzzy-matchable phrase's words, split once. */
  phraseParts: Map<string, string[]>;
  /** What each of those phrases reads as: a variant's canonical form, or a canonical phrase itself ("earth fault"). */
  fuzzyTarget: Map<string, string>;
  /** Variants that add their concept and keep their own words (observed-concepts.ts). */
  expanding: Set<string>;
}

function buildSynonymTable(): SynonymTable {
  const byPhrase = new Map<string, string>();
  for (const [canonical, variants] of Object.entries(synonyms)) {
    for (const variant of variants) {
      const key = normaliseText(variant);
      if (key.length === 0 || key === canonical) continue;
      byPhrase.set(key, canonical);
    }
  }
  const lengthsByFirst = new Map<string, number[]>();
  const secondsByFirst = new Map<string, Set<string>>();
  for (const key of byPhrase.keys()) {
    const parts = key.split(" ");
    if (parts.length > 1) secondsByFirst.set(parts[0]!, (secondsByFirst.get(parts[0]!) ?? new Set()).add(parts[1]!));
    const lengths = lengthsByFirst.get(parts[0]!) ?? [];
    if (!lengths.includes(parts.length)) lengths.push(parts.length);
    lengthsByFirst.set(
      parts[0]!,
      lengths.sort((a, b) => b - a),
    );
  }
  const fuzzyTarget = new Map<string, string>(byPhrase);
  for (const canonical of Object.keys(synonyms)) if (!fuzzyTarget.has(canonical)) fuzzyTarget.set(canonical, canonical);
  const phrasesByWord = new Map<string, Map<number, string[]>[]>();
  const phraseParts = new Map<string, string[]>();
  for (const key of [...fuzzyTarget.keys()].sort()) {
    const parts = key.split(" ");
    // Short phrases are too easy to hit by accident with one edit ("pay out" → "pay our").
    if (parts.length < 2 || key.length < 8) continue;
    phraseParts.set(key, parts);
    for (const part of new Set(parts)) {
      const byCount = phrasesByWord.get(part) ?? [];
      const byLength = byCount[parts.length] ?? new Map<number, string[]>();
      byLength.set(key.length, [...(byLength.get(key.length) ?? []), key]);
      byCount[parts.length] = byLength;
      phrasesByWord.set(part, byCount);
    }
  }
  // An observed effect ("turned away", "my turn") adds its concept but keeps its words: a trigger that says
  // "get in line" must still carry "line", and a message's own words still count.
  const expanding = new Set(
    [...Object.values(observedConcepts).flat(), ...Object.values(terseConcepts).flat(), ...keptDescriptions()].map(
      (variant) => normaliseText(variant),
    ),
  );
  return { byPhrase, lengthsByFirst, secondsByFirst, phrasesByWord, phraseParts, fuzzyTarget, expanding };
}

let builtTable: SynonymTable | undefined;
/**
 * Built when the first text is read, not at import: about a tenth of `cpbot ask`'s start went here, and an
 * answer by fault code never reads text this way.
 */
const synonymTable = (): SynonymTable => {
  builtTable ??= buildSynonymTable();
  return builtTable;
};

/**
 * Effects read from a whole message (each module says why): the test, the concept it adds, how to explain
 * it, and the words it needs. The fifth round's rules (with their modules' cues) run only when the message
 * has one of the words they need: rules run on every sentence of every message, and one pass over the words
 * is cheaper than seven.
 */
const effectRules: readonly WordRule[] = [
  [saysAlwaysAuthorized, "authfree", "always authorized"],
  [saysNobodyIdentified, "authfree", "nobody is identified", nobodyIdentifiedCues],
  [asksAmountPaid, "receipt", "what someone paid"],
  [saysSentToWrongPlace, "wrong location", "where the map sends drivers"],
  [saysLittleDelivered, "slow charge", "a small amount delivered", littleEnergyCues],
  [saysSmallRise, "low energy dispensed", "a battery that rose a few points in hours", littleEnergyCues],
  [saysBatteryDidNotRise, "zero energy", "a battery that did not go up", littleEnergyCues],
  [saysChargingTakesForever, "slow charge", "charging that takes forever", littleEnergyCues],
  [saysJoinsThemselves, "join", "people adding themselves", sharedSubjectCues],
  [saysPricingAwaitsApproval, "flex billing approval", "pricing that waits for an approval", sharedSubjectCues],
  [saysChargedRepeatedly, "overcharged", "charged more than once"],
  [saysBilledMoreThanUsual, "overcharged", "billed more than usual", billedMoreCues],
  // Twelfth round: where drivers go set against where the stations are, with no map named.
  [
    saysDriversLookElsewhere,
    "wrong location",
    "where drivers look against where the stations are",
    driversLookElsewhereCues,
  ],
];

/**
 * The eleventh round's rules for long and layered messages (each module says why), read in messages only and
 * each gated by its cues.
 */
const layerRules: readonly WordRule[] = [
  [saysRateHeldLow, "slow charge expected rate", "a charging rate held low", rateHeldLowCues],
  [saysRateAtZero, "zero energy", "a charging rate of zero", rateHeldLowCues],
  // Twelfth round: in-scope messages in new shapes (each module says why).
  [saysShownHereIsThere, "wrong location", "the app shows one place, the station is at another", shownHereIsThereCues],
];
const layerRulesOpen = openRules(layerRules);

/** The twelfth round's two troubles asked as one, read in analyseText with their scene; listed for the gates. */
const twoTroubleRules: readonly WordRule[] = [
  [saysMessageOnUnreachable, "station message apply", messageOnUnreachableSource, messageOnUnreachableCues],
  [saysOfflineAsCause, "unreachable offline", offlineAsCauseSource, offlineAsCauseCues],
];

/** Each family's rules that can fire on a piece's words, each by its own cues (word-gates.ts). */
const effectRulesOpen = openRules(effectRules);
const pairRulesOpen = openRules(pairRules);
const neighbourRulesOpen = openRules(neighbourRules);
const frameRulesOpen = openRules(frameRules);
const askedOverSceneRulesOpen = openRules(askedOverSceneRules);

/** The station's output read by its fields (status-fields.ts, eleventh round), each rule behind its words. */
const statusFieldsFired = firedConcepts(statusFieldRules);
const terseRulesFired = firedConcepts(terseRules);

/** The families gated by their rules' own cues, for the test that checks each gate. */
export const gatedRuleFamilies: Readonly<Record<string, readonly WordRule[]>> = {
  effectRules,
  neighbourRules,
  frameRules,
  askedOverSceneRules,
  statusFieldRules,
  layerRules,
  twoTroubleRules,
  terseRules,
  pairRules,
};

const whoMayChargeSource = "who may charge at a station";

/**
 * Articles sharing a subject, told apart by the question's object (each module says why). Read in messages
 * only: the triggers already say their article's object in the guide's words, and training on these would
 * move every article's weights.
 */
const objectRules: readonly (readonly [(words: readonly string[]) => boolean, string, string])[] = [
  [saysOwnerIsPaid, "revenue payout", "money owed to the station owner"],
  [saysWhoMayCharge, "usable by access", whoMayChargeSource],
  [saysScreenRefused, "access restricted", "the station refused the driver"],
  [saysStationForOnePerson, "linked driver account", "one person's own station"],
  [saysBilledFor, "pricing", "a driver billed for something"],
];

/** How a queue that is not the Waitlist's is read: software queued is an upgrade, a message queued is applied. */
const queueAs = {
  software: { term: "upgrade", explained: "upgrade (software is queued)" },
  message: { term: "apply", explained: "apply (a message is queued)" },
  work: { term: undefined, explained: "a work queue, not the Waitlist" },
  command: { term: undefined, explained: "a station command is queued, not a driver" },
} as const;

const cueSources = {
  purchase: "asks to buy or order",
  newinstall: "plans a new installation",
  accountaccess: "signing in to an account",
  chattool: "the chat tool itself",
  datarequest: "asks for a report of data",
  appaccount: "manages their own app account",
  docrequest: "asks for a document (release notes, datasheet, product life)",
  integration: "asks to build on the network (API, webhook, integration)",
  evbasics: "asks general EV knowledge or a unit conversion",
  incentive: "asks about credits, rebates or incentives",
  userprefs: "a dashboard user's own preferences",
  ownpay: "asks about their own pay (HR)",
  salesquote: "asks for a quote, a contract or a purchase (sales)",
  warrantyrma: "asks about a warranty claim or a return (RMA)",
  utilitytariff: "asks about the utility's tariff",
  carfault: "asks about the car itself",
  parkingrules: "asks about parking enforcement",
  appreview: "asks about a review of the chargers",
  workplaceit: "asks about the company's own workplace (doors, lines, IT, time off)",
  businessplan: "plans the business around the stations (budget, taxes, insurance, marketing, contractors)",
  otherhardware: "asks about another maker's or a home charger",
  logistics: "asks about shipping, ordering parts or paying the installer",
  dashboardaccount: "asks about their own dashboard account (login, session, users)",
  sitepower: "asks about the building's own electricity, with no station in it",
  travelexpense: "asks about travel or expenses (hotel, flight, mileage, reimbursement)",
  botitself: "asks about the bot itself",
  dashboardpage: "asks what a page of the dashboard no article reads is",
} as const;

const messageOnlyCues: ReadonlySet<string> = new Set([
  "salesquote",
  "warrantyrma",
  "utilitytariff",
  "carfault",
  "parkingrules",
  "appreview",
  "workplaceit",
  "businessplan",
  "otherhardware",
  "logistics",
  "dashboardaccount",
  "sitepower",
  "travelexpense",
  "botitself",
  "dashboardpage",
]);

// Stems are asked for again and again (the same words recur across every trigger), so remember them.
const stems = new Map<string, string>();
function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = stemWord(word);
    if (stems.size < 200_000) stems.set(word, stemmed);
  }
  return stemmed;
}
/** Other makers' chargers, the onboarding topic's concept (synonyms.ts). */
const otherMakerTerm = stemWord("thirdparty");

/**
 * A table phrase that the words at `i` spell with one slip, sharing at least one whole word with it
 * ("jst charge" → "just charge"). Single words are left to the spelling corrector, which skips words
 * under five letters; inside a known phrase the other word gives enough context to fix a short one.
 */
function fuzzyPhraseAt(
  words: string[],
  i: number,
  /** `mayBeSlip(words)`, worked out once per message: each word is in up to five windows. */
  slippable: readonly boolean[],
): { phrase: string; n: number } | undefined {
  const table = synonymTable();
  for (let n = 3; n >= 2; n--) {
    if (i + n > words.length) continue;
    // One edit changes exactly one word of the window, and that word may be neither English nor a function
    // word (below): a window made only of such words has nothing to fix. Most windows are, so this cheap
    // test spares the candidate search and its edit distances (a fifth of a query's time before it).
    let slip = false;
    for (let k = i; k < i + n && !slip; k++) slip = slippable[k]!;
    if (!slip) continue;
    // The window as typed is joined only once it has candidates: most windows have none.
    let typedLength = n - 1;
    for (let k = i; k < i + n; k++) typedLength += words[k]!.length;
    // A word that cannot hold the slip (below) must be the phrase's own word in the same place, so when the
    // window has one, only the phrases with that word are candidates: the others would all fail below.
    let fixed = -1;
    for (let k = 0; k < n && fixed < 0; k++) if (!slippable[i + k]) fixed = k;
    // Only phrases of as many words and within one letter of the typed length can be one edit away: the
    // cheap tests first, since a common word ("no", "port") is in dozens of phrases and this runs per word.
    let candidates: Set<string> | undefined;
    for (let k = Math.max(fixed, 0); k < (fixed < 0 ? n : fixed + 1); k++) {
      const byLength = table.phrasesByWord.get(words[i + k]!)?.[n];
      if (!byLength) continue;
      for (let length = typedLength - 1; length <= typedLength + 1; length++) {
        for (const phrase of byLength.get(length) ?? []) {
          candidates ??= new Set();
          candidates.add(phrase);
        }
      }
    }
    if (candidates === undefined) continue;
    const window = words.slice(i, i + n);
    const typed = window.join(" ");
    for (const phrase of [...candidates].sort()) {
      // The set lookups first, the edit distance last: all three must hold, in any order.
      const parts = table.phraseParts.get(phrase)!;
      // The slip must be in a word that is not itself English ("got shipped" is not a typo for "got skipped"),
      // nor a function word ("turn on power" is not "no power"; the English list has no short words).
      if (window.some((w, k) => w !== parts[k] && !slippable[i + k])) continue;
      if (editDistance(typed, phrase, 1) !== 1) continue;
      return { phrase, n };
    }
  }
  return undefined;
}

/** For each word, whether a one-letter slip could hide in it: neither a function word nor English. */
function mayBeSlip(words: readonly string[]): boolean[] {
  const english = englishWords();
  // A short English word ("dead", "fine", "stay") is no slip either: "dead unit" is not "head unit".
  return words.map((w) => !stopwords.has(w) && !english.has(w) && !isShortEnglishCached(w, english));
}

/** Whether a term's source is an observed-concept phrase, whose own words neither help nor hurt coverage. */
export function isObservedPhrase(source: string): boolean {
  return synonymTable().expanding.has(source);
}

/** Every word the synonym table knows, so the spelling corrector leaves them alone. */
export function synonymWords(): string[] {
  const words = new Set<string>();
  for (const [phrase, canonical] of synonymTable().byPhrase) {
    for (const w of `${phrase} ${canonical}`.split(" ")) words.add(w);
  }
  return [...words].sort();
}

/**
 * normalise → correct spelling → read negation scope → map synonyms (longest phrase first) → drop stopwords → stem.
 * Triggers and queries take the same path; only queries are spelling-corrected.
 */
export function analyseText(
  text: string,
  corrector?: SpellCorrector,
  /** `normaliseText(text)` when the caller has it already: the matcher reads each message that way once. */
  normalised: string = normaliseText(text),
): AnalysedText {
  const table = synonymTable();
  const corrections: Rewrite[] = [];
  const words = normalised.split(" ").filter((w) => w.length > 0);
  if (corrector) {
    // Each word is corrected in the light of its content-word neighbours: the one before as corrected,
    // the one after as typed (the words after `i` are not corrected yet, so one pass from the end finds
    // each word's next content word without rescanning the rest of the message per word).
    const nextContent: (string | undefined)[] = new Array(words.length);
    for (let k = words.length - 1, next: string | undefined; k >= 0; k--) {
      nextContent[k] = next;
      if (!stopwords.has(words[k]!)) next = words[k];
    }
    let before: string | undefined;
    words.forEach((word, i) => {
      if (stopwords.has(word)) return;
      if (!table.byPhrase.has(word)) {
        const after = nextContent[i];
        const fixed = corrector.correct(word, { before, after });
        if (fixed !== undefined) {
          corrections.push({ from: word, to: fixed });
          words[i] = fixed;
        }
      }
      before = words[i];
    });
  }

  // What a negator denies is read before synonyms: "no card" is charging without authentication, not a card.
  let scoped = readNegationScope(words);
  const applied: Rewrite[] = [];
  // A neighbour's object that only sets the scene ("do we need a new head?" after a pulled cord, the card a
  // refused driver tapped) is dropped, so the rest decides (neighbour-rules.ts). Messages only.
  if (corrector && scoped.some((r) => objectsNotAskedCues.has(r.word))) {
    const dropped = objectsNotAsked(scoped.map((r) => r.word));
    for (const [k, why] of dropped) applied.push({ from: scoped[k]!.from, to: why });
    if (dropped.size > 0) scoped = scoped.filter((_, k) => !dropped.has(k));
  }
  // The question's frame (below) still reads a topic's word dropped here: "the phone works" beside a dead card
  // is the frame of the reader's article even though the phone is no longer a term.
  let framed: string[] | undefined;
  // An adjacent topic's word that only sets the scene of an article's question (topic-words-as-scene.ts).
  if (corrector && scoped.some((r) => topicSceneCues.has(r.word))) {
    framed = scoped.map((r) => r.word);
    const dropped = topicWordsAsScene(scoped.map((r) => r.word));
    for (const [k, why] of dropped) applied.push({ from: scoped[k]!.from, to: why });
    if (dropped.size > 0) scoped = scoped.filter((_, k) => !dropped.has(k));
  }
  // Wording asked for on a screen is what to display, not what is asked (wording-content.ts). Messages only.
  const quotes = quotedSpans(text);
  let read = scoped.map((r) => r.word);
  const wordingWished = asksForScreenWording(read, quotes.length > 0);
  if (corrector && wordingWished) {
    const quoteWords = quotes.map((q) =>
      normaliseText(q.inner)
        .split(" ")
        .filter((w) => w.length > 0),
    );
    const wording = new Set(wordingContentPositions(read, quoteWords));
    for (const k of wording) applied.push({ from: scoped[k]!.from, to: wordingReason });
    if (wording.size > 0) {
      scoped = scoped.filter((_, k) => !wording.has(k));
      read = scoped.map((r) => r.word);
    }
  }
  // A station message's line that fails its checks: the typed wording and the refusal are not the question
  // (text-line-refused.ts). Messages only.
  const textRefused = corrector !== undefined && read.some((w) => textLineCues.has(w)) && saysTextLineRefused(read);
  if (textRefused) {
    const quoteWords = quotes.map((q) =>
      normaliseText(q.inner)
        .split(" ")
        .filter((w) => w.length > 0),
    );
    const dropped = new Set(refusedTextPositions(read, quoteWords));
    for (const k of dropped) applied.push({ from: scoped[k]!.from, to: "the refused text, not the question" });
    if (dropped.size > 0) {
      scoped = scoped.filter((_, k) => !dropped.has(k));
      read = scoped.map((r) => r.word);
    }
  }
  // Eleventh round: text a screen shows, quoted, with a line of it asked to be edited: the quote is the
  // message's wording now, not what is asked (edit-shown-text.ts). Messages only.
  const shownEdited =
    corrector !== undefined &&
    quotes.length > 0 &&
    !wordingWished &&
    read.some((w) => editShownTextCues.has(w)) &&
    asksToEditShownText(read);
  if (shownEdited) {
    const quoteWords = quotes.map((q) =>
      normaliseText(q.inner)
        .split(" ")
        .filter((w) => w.length > 0),
    );
    const dropped = new Set(shownTextPositions(read, quoteWords));
    for (const k of dropped) applied.push({ from: scoped[k]!.from, to: shownTextReason });
    if (dropped.size > 0) {
      scoped = scoped.filter((_, k) => !dropped.has(k));
      read = scoped.map((r) => r.word);
    }
  }
  const slippable = corrector ? mayBeSlip(read) : [];
  const terms: string[] = [];
  const sources: string[] = [];
  const keep = (word: string, source: string) => {
    if (stopwords.has(word)) return;
    terms.push(stem(word));
    sources.push(source);
  };
  for (let i = 0; i < read.length; ) {
    // A queue of software, of messages or of tickets is not the Waitlist's queue of drivers.
    const queued = readQueueWord(read, i);
    if (queued !== undefined && queued !== "waitlist") {
      const n = read[i] === "lined" ? 2 : 1;
      const from = read.slice(i, i + n).join(" ");
      const as = queueAs[queued];
      if (as.term) keep(as.term, from);
      applied.push({ from, to: as.explained });
      i += n;
      continue;
    }
    let matched = false;
    const longer = table.secondsByFirst.get(read[i]!)?.has(read[i + 1] ?? "") === true;
    for (const n of table.lengthsByFirst.get(read[i]!) ?? []) {
      if (matched || i + n > read.length || (n > 1 && !longer)) continue;
      const phrase = n === 1 ? read[i]! : read.slice(i, i + n).join(" ");
      const canonical = table.byPhrase.get(phrase);
      if (canonical === undefined) continue;
      if (table.expanding.has(phrase)) for (const w of read.slice(i, i + n)) keep(w, phrase);
      for (const w of canonical.split(" ")) keep(w, phrase);
      applied.push({ from: phrase, to: canonical });
      i += n;
      matched = true;
    }
    const fuzzy = matched || !corrector ? undefined : fuzzyPhraseAt(read, i, slippable);
    if (fuzzy) {
      const typed = read.slice(i, i + fuzzy.n).join(" ");
      const canonical = table.fuzzyTarget.get(fuzzy.phrase)!;
      for (const w of canonical.split(" ")) keep(w, typed);
      corrections.push({ from: typed, to: fuzzy.phrase });
      if (canonical !== fuzzy.phrase) applied.push({ from: fuzzy.phrase, to: canonical });
      i += fuzzy.n;
      matched = true;
    }
    if (!matched) {
      const word = read[i]!;
      keep(word, scoped[i]!.from);
      // A dotted version ("4.6.0.76") is a software version whatever read surround it, except the
      // protocol's own ("OCPP 2.0.1").
      if (/^\d+(\.\d+){2,}$/.test(word) && read[i - 1] !== "ocpp")
        for (const w of ["software", "version"]) keep(w, word);
      if (lineMeansQueue(read, i)) keep("queue", word);
      i += 1;
    }
  }

  if (textRefused) {
    for (const w of ["station", "message", "text", "line"]) keep(w, "a screen text line refused");
    applied.push({ from: "a screen text line refused", to: "station message text line" });
  }
  if (shownEdited) {
    for (const w of ["station", "message", "text", "line"]) keep(w, "a line of the shown text to edit");
    applied.push({ from: "a line of the shown text to edit", to: "station message text line" });
  }
  if (wordingWished) {
    for (const w of ["station", "message"]) keep(w, "wording asked for on the screen");
    applied.push({ from: "wording asked for on the screen", to: "station message" });
  }

  // Articles described by their effect: each adds the concept its article is trained on.
  for (const [says, concept, from] of effectRulesOpen(read)) {
    if (!says(read)) continue;
    for (const w of concept.split(" ")) keep(w, from);
    applied.push({ from, to: concept });
  }
  // An article's part described by what it does, read in messages only (described-part-rules.ts says why).
  if (corrector && read.some((w) => describedPartCues.has(w))) {
    for (const [says, concept, from] of describedPartRules) {
      if (!says(read)) continue;
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }
  if (corrector) {
    for (const [says, concept, from] of objectRules) {
      if (!says(read)) continue;
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }
  // Articles that share objects, told apart by what is said about them (neighbour-rules.ts).
  if (corrector && read.some((w) => neighbourCues.has(w))) {
    for (const [says, concept, from] of neighbourRulesOpen(read)) {
      if (!says(read)) continue;
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }
  // The question's frame against another article's objects in its scene (neighbour-rules.ts, eighth round).
  const frame = framed ?? read;
  if (corrector && frame.some((w) => frameCues.has(w))) {
    for (const [says, concept, from] of frameRulesOpen(frame)) {
      if (!says(frame)) continue;
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }
  // An article asked by the outcome the person wants to know or decide (asked-outcome.ts), messages only.
  if (corrector) {
    for (const [concept, from] of askedOutcomes(read)) {
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }
  // An article asked as a plan or a decision in the task's words (asked-plan.ts), messages only.
  if (corrector) {
    for (const [concept, from] of askedPlans(read)) {
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }
  // A signal strength quoted alone ("reception readout is -105"): Station Unreachable's RSRP (signal-reading.ts).
  if (corrector && read.some((w) => signalReadingCues.has(w)) && saysSignalReading(read)) {
    for (const w of ["cellular", "signal"]) keep(w, "a signal strength reading");
    applied.push({ from: "a signal strength reading", to: "cellular signal" });
  }
  // An article asked by a field, option or column of its own screens (screen-names.ts), messages only.
  if (corrector) {
    for (const concept of screenNameConcepts(read)) {
      for (const w of concept.split(" ")) keep(w, "a name on the article's own screen");
      applied.push({ from: "a name on the article's own screen", to: concept });
    }
  }
  // "charger not make charge", "nothing go inside": no energy in a non-native writer's words (no-charge-given.ts).
  if (corrector && read.some((w) => noChargeGivenCues.has(w)) && saysNoChargeGiven(read)) {
    for (const w of ["zero", "energy"]) keep(w, "no charge given");
    applied.push({ from: "no charge given", to: "zero energy" });
  }
  // The symptom observed or the action asked outranks the scene (asked-over-scene.ts, ninth round). Messages only.
  if (corrector && read.some((w) => askedOverSceneCues.has(w))) {
    for (const [says, concept, from] of askedOverSceneRulesOpen(read)) {
      if (!says(read)) continue;
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }
  // The tenth round's rules, each gated by its cue words, read in one pass (voice-cue-mask.ts). Messages only.
  const voices = corrector ? voiceCueMask(read) : 0;
  // Old text still on a station's screen: a station message to replace (stale-screen-text.ts). Messages only.
  if ((voices & voiceRule.staleScreen) !== 0 && saysStaleScreenText(read)) {
    for (const w of ["station", "message"]) keep(w, "old text still on the screen");
    applied.push({ from: "old text still on the screen", to: "station message" });
  }
  // CHARGEPOINT / STATION on the screen: a station that lost its record (default-name-shown.ts). Messages only.
  if ((voices & voiceRule.defaultName) !== 0 && saysDefaultNameShown(read)) {
    for (const w of ["station", "name", "chargepoint", "station"]) keep(w, "the default name on the screen");
    applied.push({ from: "the default name on the screen", to: "station name chargepoint station" });
  }
  // A residential setting is where the question is asked, not what it asks (residential-setting.ts). A
  // trigger keyword ("condo") still trains its article; a message with only the setting asks nothing.
  const settingOnly = corrector !== undefined && !namesAChargingObject(read);
  if (settingIsNotTheQuestion(applied.map((a) => a.to)) || settingOnly) {
    for (let k = terms.length - 1; k >= 0; k--) {
      if (!isSettingWord(sources[k]!)) continue;
      applied.push({ from: sources[k]!, to: "the setting, not the question" });
      terms.splice(k, 1);
      sources.splice(k, 1);
    }
  }

  // The fee or payout asked for a multifamily site is Flex Billing's; the site's kind is where (fee-at-mfh-site.ts).
  if ((voices & voiceRule.feeAtMfhSite) !== 0 && asksFeeAtMfhSite(read)) {
    for (let k = terms.length - 1; k >= 0; k--) {
      if (!isMfhSiteWord(sources[k]!)) continue;
      applied.push({ from: sources[k]!, to: "the site's kind, not the question" });
      terms.splice(k, 1);
      sources.splice(k, 1);
    }
    for (const w of ["revenue", "payout"]) keep(w, "the fee or payout of a multifamily site");
    applied.push({ from: "the fee or payout of a multifamily site", to: "revenue payout" });
  }

  // Another maker's unit swapped for one of ours is the swap's scene, not onboarding it (replaced-other-maker.ts).
  if (corrector && terms.includes(otherMakerTerm) && replacedOtherMaker(read)) {
    for (let k = terms.length - 1; k >= 0; k--) {
      if (terms[k] !== otherMakerTerm) continue;
      applied.push({ from: sources[k]!, to: "the unit swapped out, not the question" });
      terms.splice(k, 1);
      sources.splice(k, 1);
    }
    // "took out … put in" tells the swap without the article's word for it.
    keep("replaced", "a unit swapped for one of ours");
    applied.push({ from: "a unit swapped for one of ours", to: "replaced" });
  }

  // A station that works for whoever arrives: Just Charge's always authorized (anyone-who-arrives.ts).
  if ((voices & voiceRule.anyoneWhoArrives) !== 0 && saysAnyoneWhoArrives(read)) {
    keep("authfree", "works for whoever arrives");
    applied.push({ from: "works for whoever arrives", to: "authfree" });
  }
  // The card step wished away is Just Charge's authentication-free charging (card-step-skipped.ts).
  if ((voices & voiceRule.cardStep) !== 0 && saysCardStepSkipped(read)) {
    for (let k = terms.length - 1; k >= 0; k--) {
      if (!isSkippedCardWord(sources[k]!)) continue;
      terms.splice(k, 1);
      sources.splice(k, 1);
    }
    keep("authfree", "the card step wished away");
    applied.push({ from: "the card step wished away", to: "authfree" });
  }
  // A person missing from the group a station's policy maps: Access Control's membership (not-in-group.ts).
  if ((voices & voiceRule.notInGroup) !== 0 && saysPersonNotInGroup(read)) {
    for (let k = terms.length - 1; k >= 0; k--) {
      if (!isPolicyMapping(sources[k]!)) continue;
      terms.splice(k, 1);
      sources.splice(k, 1);
    }
    for (const w of ["usable", "access", "policy", "added"]) keep(w, "a person missing from the group");
    applied.push({ from: "a person missing from the group", to: "usable access policy added" });
  }
  // A station's output against what it should give: Slow or Zero Energy's dispense rate (output-as-expected.ts).
  if ((voices & voiceRule.outputExpected) !== 0 && asksOutputAsExpected(read)) {
    for (const w of ["energy", "dispense", "rate"]) keep(w, "the output against what it should give");
    applied.push({ from: "the output against what it should give", to: "energy dispense rate" });
  }
  // How a group of stations is paid: Flex Billing's custom station groups and payment method (station-group-payout.ts).
  if ((voices & voiceRule.stationGroupPayout) !== 0 && asksStationGroupPayout(read)) {
    for (const w of ["remittance", "revenue", "payout"]) keep(w, "how a group of stations is paid");
    applied.push({ from: "how a group of stations is paid", to: "remittance revenue payout" });
  }
  // A SIM sitting badly: Station Unreachable's re-seat step (sim-seating.ts).
  if ((voices & voiceRule.simSeating) !== 0 && saysSimSeating(read)) {
    keep("reseat", "a SIM sitting badly");
    applied.push({ from: "a SIM sitting badly", to: "reseat" });
  }
  // Who is tied to the station in a resident's own space: Multifamily's linked driver (own-space-station.ts).
  if ((voices & voiceRule.ownSpace) !== 0 && saysOwnSpaceStation(read)) {
    for (const w of ["multifamily", "linked", "driver", "account"]) keep(w, "the station of a resident's own space");
    applied.push({ from: "the station of a resident's own space", to: "linked driver account" });
  }
  // Articles asked in a few words or a second language (terse-rules.ts, eleventh round). Messages only.
  if (corrector) {
    for (const [concept, from] of terseRulesFired(read)) {
      // The card whose requirement is switched off is no card the reader failed to read.
      const dropped = droppedWithTerseRule(from);
      for (let k = terms.length - 1; dropped && k >= 0; k--) {
        if (!dropped(sources[k]!)) continue;
        terms.splice(k, 1);
        sources.splice(k, 1);
      }
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }

  // The eleventh round's rules (settings asked about, status output read by field), each gated by its cue
  // words (status-fields.ts, setting-asked.ts). Messages only.
  if (corrector) {
    for (const [concept, from] of statusFieldsFired(read)) {
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }
  if (corrector && read.some((w) => settingAskedCues.has(w))) {
    const asked = settingAskedConcepts(read);
    // Who may charge, read from the effect feared ("do employees keep charging free?"), is that effect's
    // scene when another article's setting is asked about (setting-asked.ts).
    let dropped = false;
    if (asked.length > 0 && !asked.some(isAccessSetting)) {
      for (let k = terms.length - 1; k >= 0; k--) {
        if (sources[k] !== whoMayChargeSource) continue;
        terms.splice(k, 1);
        sources.splice(k, 1);
        dropped = true;
      }
      if (dropped) applied.push({ from: whoMayChargeSource, to: "the effect feared, not the question" });
    }
    for (const concept of asked) {
      for (const w of concept.split(" ")) keep(w, "a setting asked about");
      applied.push({ from: "a setting asked about", to: concept });
    }
  }
  // Eleventh round: long and layered messages (layerRules above). Messages only.
  if (corrector) {
    for (const [says, concept, from] of layerRulesOpen(read)) {
      if (!says(read)) continue;
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }

  // Twelfth round: a message missing on an unreachable station is the message's question; the station off its
  // link is its scene (message-on-unreachable.ts). Messages only.
  if (corrector && read.some((w) => messageOnUnreachableCues.has(w)) && saysMessageOnUnreachable(read)) {
    const from = messageOnUnreachableSource;
    for (let k = terms.length - 1; k >= 0; k--) {
      if (!sources[k]!.split(" ").some((w) => unreachableWords.has(w))) continue;
      terms.splice(k, 1);
      sources.splice(k, 1);
    }
    for (const w of ["station", "message", "apply"]) keep(w, from);
    applied.push({ from, to: "station message apply" });
  } else if (corrector && read.some((w) => offlineAsCauseCues.has(w)) && saysOfflineAsCause(read)) {
    // Another trouble asked whether the station off its link explains it (offline-as-cause.ts).
    const from = offlineAsCauseSource;
    for (const w of ["unreachable", "offline"]) keep(w, from);
    applied.push({ from, to: "unreachable offline" });
  }

  // Neighbouring articles told apart by the action asked (pair-rules.ts, eleventh round). Messages only.
  if (corrector) {
    for (const [says, concept, from] of pairRulesOpen(read)) {
      if (!says(read)) continue;
      const scene = concept === "station message text line" ? textOnScreenContent(read) : sceneOfPairRule.get(from);
      const dropped = new Set<string>();
      for (let k = terms.length - 1; scene && k >= 0; k--) {
        if (!scene.has(sources[k]!)) continue;
        dropped.add(sources[k]!);
        terms.splice(k, 1);
        sources.splice(k, 1);
      }
      for (const d of dropped) applied.push({ from: d, to: "the scene, not the question" });
      for (const w of concept.split(" ")) keep(w, from);
      applied.push({ from, to: concept });
    }
  }

  // What the message asks to do (buy, plan an install), weighed by the scorer like any other term.
  for (const cue of readIntentCues(read)) {
    // The eighth round's kinds decide alone (create-matcher.ts) and are read in messages only: carried by
    // the adjacent topics' own phrases they would move what the scorer learns of those topics' words.
    if (!corrector && messageOnlyCues.has(cue)) continue;
    keep(cue, cueSources[cue]);
    applied.push({ from: cueSources[cue], to: cue });
  }

  return {
    words,
    terms,
    sources,
    corrections,
    synonyms: applied,
  };
}
