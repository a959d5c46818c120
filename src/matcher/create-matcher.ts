import type { Playbook } from "../playbooks/playbook-schema.ts";
import { analyseText } from "./analyse-text.ts";
import { compareIds } from "./compare-ids.ts";
import { decideMatch, defaultPolicy, offerWhenWeak } from "./decide-match.ts";
import { withoutQuotedWording } from "./edit-shown-text.ts";
import { type FaultScene, faultNamedAsScene } from "./fault-as-scene.ts";
import { faultCodeAnswer, unknownCodeAnswer } from "./fault-code-answer.ts";
import { buildFaultCodeIndex, scanFaultCodes } from "./fault-codes.ts";
import { focusClause } from "./focus-clause.ts";
import { guideWords } from "./guide-words.ts";
import { createLexicalScorer, type LexicalScorer, type ScoredText } from "./lexical-scorer.ts";
import type { Candidate, Matcher, MatcherOptions, MatchResult } from "./match-result.ts";
import { namesAnArticle } from "./names-an-article.ts";
import { droppedAsNotAsked } from "./neighbour-rules.ts";
import { normaliseText } from "./normalise-text.ts";
import { outOfScopeTopics } from "./out-of-scope-topics.ts";
import { quotedSpans } from "./quoted-text.ts";
import { openPart } from "./settled-parts.ts";
import { buildSharedSymptoms, type SharedSymptoms, unsureOfShared } from "./shared-symptoms.ts";
import { isSmallTalk } from "./small-talk.ts";
import { splitSentences } from "./split-sentences.ts";
import { buildStatusLineIndex, statusLineAnswer } from "./status-line-answer.ts";
import { stemWord } from "./stem-word.ts";
import { trainingExamples } from "./training-examples.ts";
import { togetherSources } from "./two-troubles.ts";

const defaultMaxChars = 4000;
/** A message with an unknown code is still answered by topic when the topic is this clear. */
const clearTopic = 0.6;
/** A sentence of a longer message is scored alone only if it has at least this many content words. */
const minSentenceTerms = 3;
/**
 * An answer resting on one word ("card", "flex", "notification") is a guess about the rest of the
 * sentence, however strong that word is: its confidence is capped below "sure" (80%). A cap, not a
 * discount, so terse but clear messages ("hw flt") are still answered.
 */
const oneWordCap = 0.75;
/** A topic with a word of its own is a rival to the leading playbook only with at least this share of its probability. */
const rivalShare = 0.5;
/** The rest of a message that names a fault only as its scene must be at least this clear to answer instead. */
const clearRest = 0.3;
/** The focus clause of a two-part message answers instead of the whole only when it is this clear alone. */
const clearFocus = 0.4;
/** Intent cues (intent-cues.ts) that decide alone: what they ask for, no playbook has. */
const decisiveCues: ReadonlySet<string> = new Set(
  [
    ...["docrequest", "datarequest", "integration", "evbasics", "incentive", "userprefs", "ownpay"],
    ...["salesquote", "warrantyrma", "utilitytariff", "carfault", "parkingrules", "appreview", "workplaceit"],
    ...["businessplan", "otherhardware", "logistics", "dashboardaccount"],
    ...["sitepower", "travelexpense", "botitself"],
    ...["dashboardpage"],
  ].map(stemWord),
);

/**
 * The seventh round's cues (asks-general-knowledge.ts) decide alone and have no class of their own: a class
 * costs every query a little (the scorer's dot products), and its examples move what the scorer learns of
 * the articles. They name their kind instead.
 */
const kindOfCue: ReadonlyMap<string, string> = new Map(
  [
    ["evbasics", "general EV knowledge and unit conversions"],
    ["incentive", "credits, rebates, grants and incentives (carbon, LCFS, tax credits)"],
    ["userprefs", "a dashboard user's own preferences (time zone, language, display)"],
    ["ownpay", "pay, benefits and time off (HR)"],
    ["salesquote", "sales, quotes, contracts and procurement"],
    ["warrantyrma", "warranty claims and returns (RMA)"],
    ["utilitytariff", "the utility's tariffs and electricity bill"],
    ["carfault", "the car itself (its own faults and parts)"],
    ["parkingrules", "parking enforcement (towing, tickets, gas cars in EV spots)"],
    ["appreview", "app-store and online reviews"],
    ["workplaceit", "the company's own workplace (doors, lines, IT, time off)"],
    ["businessplan", "the business around the stations (budgets, taxes, insurance, marketing, contractors)"],
    ["otherhardware", "another maker's charger, another network, a charger at home or a device's own charger"],
    ["logistics", "shipping, ordering parts and paying the installer"],
    ["dashboardaccount", "one's own dashboard account (login, session, users and seats)"],
    ["sitepower", "the building's own electricity (appliances, lighting, the main panel), with no station in it"],
    ["travelexpense", "travel and expenses (hotels, flights, mileage, per diem, reimbursement)"],
    ["botitself", "the bot itself (its answers, updates, settings and name)"],
    ["dashboardpage", "a page of the dashboard that no article reads"],
  ].map(([cue, title]) => [stemWord(cue!), title!] as const),
);

/**
 * Builds the matcher from the playbooks: fault-code rules, then synonyms and spelling correction, then a
 * lexical scorer trained on the triggers (on first use, or read from `options.modelCache`), then a
 * calibrated abstain/ambiguous decision.
 * Deterministic: the same playbooks and message give the same answer on every machine.
 */
export function createMatcher(playbooks: readonly Playbook[], options: MatcherOptions = {}): Matcher {
  const policy = {
    threshold: options.threshold ?? defaultPolicy.threshold,
    margin: options.margin ?? defaultPolicy.margin,
  };
  const maxChars = options.maxChars ?? defaultMaxChars;
  // Training order decides the floating-point sums, so fix it: same catalogue, same weights, any input order.
  const sorted = [...playbooks].sort((a, b) => compareIds(a.id, b.id));
  const ids = sorted.map((p) => p.id);
  const classOf = new Map(ids.map((id, i) => [id, i]));
  const examples = () => [
    ...trainingExamples(sorted).map((e) => ({ cls: classOf.get(e.playbook)!, text: e.text, weight: e.weight })),
    ...outOfScopeTopics.flatMap((t, i) => t.phrases.map((text) => ({ cls: ids.length + i, text, weight: 1 }))),
  ];
  // Training is the costly part of building, and a fault code or small talk never needs it: built on first use.
  let trained: LexicalScorer | undefined;
  const scorerNow = (): LexicalScorer =>
    (trained ??= createLexicalScorer(
      examples(),
      ids.length + outOfScopeTopics.length,
      options.scorer,
      options.modelCache,
      options.scorerCache,
      guideWords(playbooks),
    ));
  const faultIndex = buildFaultCodeIndex(playbooks);
  const faultPlaybooks = new Set(faultIndex.map((e) => e.playbook));
  const statusLines = buildStatusLineIndex(playbooks);
  // The playbooks' symptom lines as terms, read once when a short message first needs them (shared-symptoms.ts).
  let shared: SharedSymptoms | undefined;
  const sharedNow = (): SharedSymptoms =>
    (shared ??= buildSharedSymptoms(
      new Map(sorted.map((p) => [p.id, p.symptoms.flatMap((line) => analyseText(line).terms)])),
      (term) => /^\d+$/.test(term) || term === "port",
    ));

  /** How sure we are of each playbook for one piece of text: its probability times the share of the text the domain vocabulary explains. */
  const rank = (scored: ScoredText): Candidate[] => {
    const scorer = scorerNow();
    // `ids` is in `compareIds` order, so ties go by class number: no string collation per comparison.
    const byConfidence = (a: Candidate, b: Candidate) =>
      b.confidence - a.confidence || classOf.get(a.playbook)! - classOf.get(b.playbook)!;
    const ranked = ids
      .map((playbook, c) => ({ playbook, confidence: scored.probabilities[c]! * scored.coverage }))
      .sort(byConfidence);
    // Only the leaders can be the answer, so only they are checked for one-word evidence.
    let capped = false;
    for (const candidate of ranked.slice(0, 3)) {
      if (candidate.confidence > oneWordCap && scorer.supportingWords(scored, classOf.get(candidate.playbook)!) < 2) {
        candidate.confidence = oneWordCap;
        capped = true;
      }
    }
    // Sorted already unless a leader was capped (most answers rest on more than one word).
    return capped ? ranked.sort(byConfidence) : ranked;
  };

  /**
   * A fault named only as the scene ("the breakaway-damaged unit got a new head, how do I link it"): the rest
   * of the message, read alone, answers when it clearly asks another article, or an adjacent topic
   * (fault-as-scene.ts). Otherwise the fault stays the answer.
   */
  function answerBesideFault(scene: FaultScene): MatchResult | undefined {
    const rest = matchText(scene.rest, true);
    const note = `"${scene.mentions.join('", "')}" names the fault as the scene, not the question`;
    const otherArticle =
      !scene.maybeCurrent &&
      rest.kind === "match" &&
      rest.playbook !== null &&
      !faultPlaybooks.has(rest.playbook) &&
      rest.confidence >= clearRest;
    const adjacent = rest.kind === "no-match" && rest.outOfScopeKind === "adjacent-topic";
    if (!otherArticle && !adjacent) return undefined;
    return {
      ...rest,
      explanation: { ...rest.explanation, note: [rest.explanation.note, note].filter(Boolean).join("; ") },
    };
  }

  /** The message's focus clause, read alone, when it clearly names another article than the whole did. */
  function answerInFocus(read: string, whole: string | null): MatchResult | undefined {
    const clause = focusClause(read);
    if (clause === undefined) return undefined;
    const focus = matchText(clause, true);
    if (focus.kind !== "match" || focus.playbook === whole || focus.confidence < clearFocus) return undefined;
    // A fault after "and now" ("the cable got yanked, and now the station is faulted") is the event's own
    // fault: the whole message names which one (Breakaway), the clause alone only that there is one.
    if (whole !== null && faultPlaybooks.has(whole) && faultPlaybooks.has(focus.playbook!)) return undefined;
    const note = `read the part that asks ("${clause}"); the rest is its scene`;
    return {
      ...focus,
      explanation: { ...focus.explanation, note: [focus.explanation.note, note].filter(Boolean).join("; ") },
    };
  }

  /**
   * The open items of a message that lists settled ones too (a handover, a case's history), read alone, when
   * they clearly name another article than the whole did (settled-parts.ts). Unlike a two-part focus, a
   * fault here is no event's own fault: a settled item is over, so the open item's fault is its own.
   */
  function answerInOpenPart(read: string, whole: Pick<MatchResult, "kind" | "playbook">): MatchResult | undefined {
    const open = openPart(read);
    if (open === undefined) return undefined;
    const focus = matchText(open, true);
    if (focus.kind !== "match" || focus.confidence < clearFocus) return undefined;
    // The same article as a sure whole adds nothing; as an ambiguous one, the settled items made the doubt.
    if (focus.playbook === whole.playbook && whole.kind === "match") return undefined;
    const note = `read the open part ("${open}"); the rest is settled`;
    return {
      ...focus,
      explanation: { ...focus.explanation, note: [focus.explanation.note, note].filter(Boolean).join("; ") },
    };
  }

  /** `nested`: a part of a message read alone, which is not split again. */
  function matchText(input: string, nested = false): MatchResult {
    const text = typeof input === "string" ? input : "";
    const cut = text.length > maxChars;
    const read = cut ? text.slice(0, maxChars) : text;
    const notes = cut ? [`read the first ${maxChars} of ${text.length} characters`] : [];

    if (ids.length === 0) return withNotes(noPlaybooks, notes);
    // Read once: the fault-code scan, the small-talk test and the whole message's analysis all start here.
    const normalised = normaliseText(read);
    let scan = scanFaultCodes(read, faultIndex, normalised);
    // A fault's name inside a station message's own wording, quoted, is text on a screen (edit-shown-text.ts).
    if (scan.hits.length > 0) {
      const outside = withoutQuotedWording(read, quotedSpans(read));
      const rescanned = outside === undefined ? undefined : scanFaultCodes(outside, faultIndex);
      if (rescanned && rescanned.hits.length === 0 && rescanned.unknown.length === 0) scan = rescanned;
    }
    const scene = nested ? undefined : faultNamedAsScene(normalised, faultIndex, scan);
    const besideFault = scene && answerBesideFault(scene);
    if (besideFault) return withNotes(besideFault, notes);
    const byCode = faultCodeAnswer(scan);
    if (byCode) return withNotes(byCode, notes);
    const byStatusLine = statusLineAnswer(read, statusLines);
    if (byStatusLine) return withNotes(byStatusLine, notes);
    if (scan.unknown.length === 0 && isSmallTalk(read, normalised)) return withNotes(smallTalk, notes);
    const scorer = scorerNow();
    if (scan.unknown.length > 0) {
      // Judge the topic on the rest of the message: "fault code 12" must not vouch for itself.
      const rest = scan.unknownForms.reduce((t, form) => t.replace(form, " "), read.normalize("NFKC").toLowerCase());
      const restScored = scorer.score(rest);
      const topic = decideMatch(rank(restScored), policy, false);
      // "on port 1" is where, not what: the rest needs two words that are not numbers to be a topic.
      const words = restScored.analysed.terms.filter((t) => !/^[\d.]+$/.test(t)).length;
      if (!(topic.kind === "match" && topic.confidence >= clearTopic && words >= 2)) {
        return withNotes(unknownCodeAnswer(scan.unknown[0]!, faultIndex), notes);
      }
    }

    // Score the whole message and each sentence; the clearest piece decides (one relevant sentence
    // in a rambling message should not be drowned by the rest).
    const sentences = splitSentences(read).slice(0, 20);
    const spellingMemo = new Map<string, string | undefined>();
    const pieces = [
      scorer.score(read, spellingMemo, normalised),
      ...(sentences.length > 1 ? sentences : []).map((t) => scorer.score(t, spellingMemo)),
    ];
    let best = pieces[0]!;
    let ranked = rank(best);
    // Words the whole message shows to be only the scene for another article's question (the badge a refused
    // driver tapped) must not come back as a sentence's evidence on their own (neighbour-rules.ts).
    const notAsked = droppedAsNotAsked(best.analysed.synonyms);
    // Two troubles asked whether they are one: each alone is the other half of the question (two-troubles.ts).
    const askedTogether = best.analysed.sources.some((s) => togetherSources.has(s));
    for (const piece of askedTogether ? [] : pieces.slice(1)) {
      // A sentence must say something on its own: "can we do only one group?" is not evidence enough.
      if (piece.analysed.terms.length < minSentenceTerms) continue;
      if (notAsked.size > 0 && piece.analysed.sources.some((s) => notAsked.has(s))) continue;
      const r = rank(piece);
      if (r[0]!.confidence > ranked[0]!.confidence) [best, ranked] = [piece, r];
    }
    const topTopic = argmaxFrom(best.probabilities, ids.length);
    // A topic outweighs the articles only on a word (or a pair of words) of its own: on words it merely
    // shares with them ("drivers can't find it in the app": "driver", "app") it is no reason to abstain.
    const topicP = best.probabilities[topTopic]!;
    const leaderP = best.probabilities[classOf.get(ranked[0]!.playbook)!]!;
    // Asking for a document or a file of data is an intent the guide never serves, whatever its subject:
    // "release notes for firmware 4.6.0.79" is about firmware, but no article has release notes.
    const asksWhatNoArticleGives = pieces[0]!.analysed.terms.some((t) => decisiveCues.has(t));
    // An article named by its own name is the question; a topic's word beside it is its setting (names-an-article.ts).
    const topicWins =
      asksWhatNoArticleGives ||
      (topicP > leaderP && scorer.hasOwnWord(best, topTopic, ids.length) && !namesAnArticle(normalised));
    const leader = classOf.get(ranked[0]!.playbook)!;
    const undecided = decideMatch(ranked, policy, topicWins);
    // Only an abstention is weighed again (offerWhenWeak leaves every other decision as it is), so the
    // evidence is gathered only then: most messages are answered.
    let decision =
      topicWins || undecided.kind !== "no-match"
        ? undecided
        : offerWhenWeak(undecided, ranked[0], {
            probability: best.probabilities[leader]!,
            // A topic is a rival reading only with a word of its own and a real share of the evidence: one
            // under half the leader's ("work" for internal IT in "staff enroll to use the work chargers") is
            // the scorer's doubt, like a topic with no word of its own.
            inScopeProbability:
              scorer.hasOwnWord(best, topTopic, ids.length) && topicP >= leaderP * rivalShare
                ? best.probabilities[leader]!
                : best.probabilities[leader]! / playbookShare(best.probabilities, ids.length),
            coverage: best.coverage,
            guideCoverage: best.guideCoverage,
            supportingWords: scorer.supportingWords(best, leader),
            threshold: policy.threshold,
          });

    // A few words naming only a symptom several articles share are a question between them (shared-symptoms.ts).
    const open =
      decision.kind === "match" && !nested ? sharedNow().openArticles(pieces[0]!.analysed.terms, ranked) : undefined;
    if (open && open[0]?.playbook === decision.playbook) decision = unsureOfShared(decision, open);
    // A part judged fine, or an event before "and now", is the scene of the other part (focus-clause.ts).
    const focused = nested || decision.kind === "no-match" ? undefined : answerInFocus(read, decision.playbook);
    if (focused) return withNotes(focused, notes);
    // Items said to be fine, fixed or over are what the writer already dealt with (settled-parts.ts).
    const opened = nested || topicWins ? undefined : answerInOpenPart(read, decision);
    if (opened) return withNotes(opened, notes);
    // A cue with no class of its own names its kind itself.
    const cueKind = pieces[0]!.analysed.terms.map((t) => kindOfCue.get(t)).find((k) => k !== undefined);
    const topic = cueKind
      ? { title: cueKind, kind: "adjacent-topic" as const }
      : outOfScopeTopics[topTopic - ids.length]!;
    if (best.analysed.terms.length === 0) notes.push("no words to match on");
    else if (decision.kind === "no-match" && topicWins) {
      notes.push(
        topic.kind === "adjacent-topic"
          ? `this looks like ${topic.title}, which the guide does not cover`
          : `this looks like ${topic.title}, which has no playbook`,
      );
    } else if (decision.kind === "no-match") notes.push("no playbook is a close enough match");
    if (scan.unknown.length > 0) notes.push(`"${scan.unknown[0]}" is not a fault code in the guide`);
    const cls = decision.playbook
      ? classOf.get(decision.playbook)!
      : decision.kind === "no-match" && topicWins
        ? topTopic
        : classOf.get(ranked[0]!.playbook)!;
    const { corrections, synonyms } = best.analysed;
    return withNotes(
      {
        ...decision,
        closest: ranked.slice(0, 4),
        explanation: {
          rule: `lexical scorer (${scorer.model})`,
          terms: scorer.topTerms(best, cls),
          ...(corrections.length > 0 ? { corrections } : {}),
          ...(synonyms.length > 0 ? { synonyms } : {}),
        },
        ...(decision.kind === "no-match" ? { outOfScopeKind: topicWins ? topic.kind : ("unrelated" as const) } : {}),
        ...(scan.unknown.length > 0 ? { unknownCode: scan.unknown[0]! } : {}),
      },
      notes,
    );
  }

  return {
    playbooks: ids,
    match: (text: string) => matchText(text),
    warmUp() {
      scorerNow();
    },
  };
}

const noPlaybooks: MatchResult = {
  kind: "no-match",
  playbook: null,
  confidence: 0,
  alternatives: [],
  explanation: { terms: [], note: "no playbooks are loaded" },
};

const smallTalk: MatchResult = {
  kind: "no-match",
  playbook: null,
  confidence: 0,
  alternatives: [],
  explanation: { rule: "small talk", terms: [], note: "small talk, not a support question" },
  outOfScopeKind: "small-talk",
};

/** The probability the scorer gives the playbooks together, as opposed to the out-of-scope topics. */
function playbookShare(probabilities: Float64Array, playbooks: number): number {
  let sum = 0;
  for (let c = 0; c < playbooks; c++) sum += probabilities[c]!;
  return Math.max(sum, Number.EPSILON);
}

function argmaxFrom(values: Float64Array, from: number): number {
  let best = from;
  for (let i = from + 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

function withNotes(result: MatchResult, notes: string[]): MatchResult {
  if (notes.length === 0) return result;
  const note = [result.explanation.note, ...notes].filter(Boolean).join("; ");
  return { ...result, explanation: { ...result.explanation, note } };
}
