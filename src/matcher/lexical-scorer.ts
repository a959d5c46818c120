import { type AnalysedText, analyseText, isObservedPhrase } from "./analyse-text.ts";
import { isComplaintFrameWord } from "./complaint-frame.ts";
import type { ModelCache } from "./match-result.ts";
import { normaliseText } from "./normalise-text.ts";
import { quotedSpans } from "./quoted-text.ts";
import { type LabelledText, scorerParts } from "./scorer-parts.ts";
import type { ScorerCache } from "./scorer-snapshot.ts";
import { SoftmaxRegression, softmax } from "./softmax-regression.ts";
import { createSpellCorrector, type WordContext } from "./spell-corrector.ts";
import type { SparseVector } from "./vectorise.ts";

export type { LabelledText } from "./scorer-parts.ts";

export interface ScoredText {
  analysed: AnalysedText;
  vector: SparseVector;
  probabilities: Float64Array;
  /** Share (IDF-weighted) of the message's terms the domain vocabulary knows: low means "not about us". */
  coverage: number;
  /**
   * The same share with the guide's own words that no training text uses left out ("withheld", "take
   * effect"): a fairer measure of whether the message is about the domain at all, but not of how sure
   * the scorer is, so it decides between abstaining and asking, never the confidence.
   */
  guideCoverage: number;
}

export interface LexicalScorer {
  readonly model: "softmax" | "centroid";
  /** `memo` lets the sentences of one message share spelling corrections; pass a fresh Map per message. */
  score(text: string, memo?: Map<string, string | undefined>, normalised?: string): ScoredText;
  /** The message's words that pushed hardest towards `cls`, strongest first. */
  topTerms(scored: ScoredText, cls: number, limit?: number): string[];
  /** How many different words of the message (as written) speak for `cls` at all. */
  supportingWords(scored: ScoredText, cls: number): number;
  /**
   * Whether a word speaking for `cls` is one no class below `below` was trained on: with the playbooks
   * numbered first, whether an out-of-scope topic has a word of its own in the message, rather than only
   * words it shares with the articles ("driver", "app").
   */
  hasOwnWord(scored: ScoredText, cls: number, below: number): boolean;
}

/**
 * Probabilities are shared among the strongest classes only. Otherwise a catalogue of 2,000 playbooks
 * would spread a little probability over every unrelated one and no answer would ever look confident;
 * with the guide's 20 playbooks (plus the out-of-scope topics) every class takes part.
 */
const competitors = 40;

export function topSoftmax(logits: Float64Array, k: number): Float64Array {
  if (logits.length <= k) return softmax(logits);
  // The `k` class numbers with the highest logits, highest first (ties by number), kept sorted as the classes
  // go by: this runs for every piece of every message, and the guide's 20 playbooks with the topics are
  // already more classes than `k`. A class passes only a strictly lower logit, and classes come in number
  // order, so ties keep their number order: the same order as sorting them all, with no call per comparison.
  const order = new Int32Array(k);
  let kept = 0;
  for (let c = 0; c < logits.length; c++) {
    const logit = logits[c]!;
    let at = kept;
    while (at > 0 && logits[order[at - 1]!]! < logit) at--;
    if (at >= k) continue;
    for (let j = Math.min(kept, k - 1); j > at; j--) order[j] = order[j - 1]!;
    order[at] = c;
    if (kept < k) kept++;
  }
  // `softmax` of those logits in that order, written straight to their classes: the same operations in the
  // same order (the sum runs from the highest logit down), without two more arrays per piece.
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < k; i++) max = Math.max(max, logits[order[i]!]!);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < k; i++) {
    out[order[i]!] = Math.exp(logits[order[i]!]! - max);
    sum += out[order[i]!]!;
  }
  for (let i = 0; i < k; i++) out[order[i]!]! /= sum;
  return out;
}

export function createLexicalScorer(
  examples: readonly LabelledText[],
  classCount: number,
  choice: "auto" | "softmax" | "centroid" = "auto",
  cache?: ModelCache,
  snapshots?: ScorerCache,
  /** Words of the domain's own texts that the training texts lack: neither for nor against its coverage. */
  neutralWords: ReadonlySet<string> = new Set(),
): LexicalScorer {
  const { vectoriser, model, vocabulary, pairs, firstClass } = scorerParts(
    examples,
    classCount,
    choice,
    cache,
    snapshots,
  );
  const corrector = createSpellCorrector(vocabulary, undefined, pairs);
  const useSoftmax = model instanceof SoftmaxRegression;

  const maxIdf = Math.log(1 + classCount);
  /** Each term's share of the class's score: its features' values times their weights. */
  const contributions = (scored: ScoredText, cls: number): Map<number, number> => {
    const byTerm = new Map<number, number>();
    const { vector } = scored;
    vector.ids.forEach((f, k) => {
      const t = vector.terms[k]!;
      byTerm.set(t, (byTerm.get(t) ?? 0) + vector.values[k]! * model.weight(f, cls));
    });
    return byTerm;
  };
  /** The message's terms that speak for `cls`: a term adding under a tenth of the evidence is along for the ride. */
  const speakingTerms = (scored: ScoredText, cls: number): number[] => {
    const byTerm = contributions(scored, cls);
    const total = [...byTerm.values()].reduce((sum, v) => sum + Math.max(0, v), 0);
    return [...byTerm].filter(([, v]) => v > 0.1 * total).map(([t]) => t);
  };
  return {
    model: useSoftmax ? "softmax" : "centroid",
    score(text, memo, normalised) {
      const correct = memo
        ? {
            correct(word: string, context?: WordContext) {
              if (corrector.leavesAlone?.(word)) return undefined;
              const key = `${context?.before ?? ""} ${word} ${context?.after ?? ""}`;
              if (!memo.has(key)) memo.set(key, corrector.correct(word, context));
              return memo.get(key);
            },
          }
        : corrector;
      const analysed = analyseText(text, correct, normalised);
      const vector = vectoriser.vectorise(analysed.terms);
      // Quoted words are what a screen says or should say ("'Visitors only'"): the person's own wording,
      // neither for nor against the domain when the vocabulary does not know them.
      const quotedWords = new Set(quotedSpans(text).flatMap((q) => normaliseText(q.inner).split(" ")));
      let known = 0;
      let total = 0;
      let neutral = 0;
      analysed.terms.forEach((term, t) => {
        if (/^[\d.]+$/.test(term)) return; // "4.6.0.76", "14": neither for nor against the domain
        const idf = vectoriser.wordIdf(term);
        if (idf === undefined && quotedWords.has(analysed.sources[t]!)) return;
        // "refused", "slower": a described effect's own word is carried by its concept, not held against it.
        if (idf === undefined && isObservedPhrase(analysed.sources[t]!)) return;
        // "several customers complaining at lot D": a complaint's frame is nobody's (complaint-frame.ts).
        if (idf === undefined && isComplaintFrameWord(analysed.sources[t]!)) return;
        if (idf === undefined && neutralWords.has(term)) neutral += maxIdf;
        known += idf ?? 0;
        total += idf ?? maxIdf;
      });
      const coverage = total > 0 ? known / total : 0;
      const guideCoverage = total - neutral > 0 ? known / (total - neutral) : coverage;
      const probabilities = topSoftmax(model.logits(vector), competitors);
      return { analysed, vector, probabilities, coverage, guideCoverage };
    },
    supportingWords(scored, cls) {
      return new Set(speakingTerms(scored, cls).map((t) => scored.analysed.sources[t]!)).size;
    },
    hasOwnWord(scored, cls, below) {
      const { terms } = scored.analysed;
      // Trained on by a topic and by no playbook; a word no class was trained on (speaking through its
      // letters alone, "zorbled") is nobody's own.
      const own = (key: string) => (firstClass.get(key) ?? -1) >= below;
      const speaking = speakingTerms(scored, cls);
      if (speaking.some((t) => own(terms[t]!))) return true;
      // Two shared words can still make a phrase of its own: "home" and "flex" are the articles', "home flex" is not.
      const ownPair = (a: string | undefined, b: string | undefined) =>
        a !== undefined && b !== undefined && own(`${a} ${b}`);
      return speaking.some((t) => ownPair(terms[t - 1], terms[t]) || ownPair(terms[t], terms[t + 1]));
    },
    topTerms(scored, cls, limit = 5) {
      const byTerm = contributions(scored, cls);
      const words: string[] = [];
      for (const [t] of [...byTerm].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
        const source = scored.analysed.sources[t]!;
        if (!words.includes(source)) words.push(source);
        if (words.length >= limit) break;
      }
      return words;
    },
  };
}
