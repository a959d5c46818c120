import { type AnalysedText, analyseText, isObservedPhrase, synonymWords } from "./analyse-text.ts";
import { CentroidScorer } from "./centroid-scorer.ts";
import type { ModelCache } from "./match-result.ts";
import { normaliseText } from "./normalise-text.ts";
import { quotedSpans } from "./quoted-text.ts";
import { SoftmaxRegression, softmax } from "./softmax-regression.ts";
import { createSpellCorrector, type WordContext } from "./spell-corrector.ts";
import { stopwords } from "./stopwords.ts";
import { trainOrLoad } from "./train-or-load.ts";
import { type SparseVector, Vectoriser } from "./vectorise.ts";

export interface LabelledText {
  cls: number;
  text: string;
  weight: number;
}

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
  score(text: string, memo?: Map<string, string | undefined>): ScoredText;
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
 * Softmax training costs (feature occurrences × classes) multiply-adds per epoch. Above this budget,
 * about 45 playbooks (start-up would pass half a second), the scorer falls back to class centroids,
 * which build in one pass even for thousands of playbooks. The guide's 20 playbooks use about a third.
 */
const softmaxBudget = 4e6;

/**
 * Probabilities are shared among the strongest classes only. Otherwise a catalogue of 2,000 playbooks
 * would spread a little probability over every unrelated one and no answer would ever look confident;
 * with the guide's 20 playbooks (plus the out-of-scope topics) every class takes part.
 */
const competitors = 40;

function topSoftmax(logits: Float64Array, k: number): Float64Array {
  if (logits.length <= k) return softmax(logits);
  const order = Array.from(logits.keys()).sort((a, b) => logits[b]! - logits[a]! || a - b);
  const top = order.slice(0, k);
  const p = softmax(Float64Array.from(top, (c) => logits[c]!));
  const out = new Float64Array(logits.length);
  top.forEach((c, i) => {
    out[c] = p[i]!;
  });
  return out;
}

export function createLexicalScorer(
  examples: readonly LabelledText[],
  classCount: number,
  choice: "auto" | "softmax" | "centroid" = "auto",
  cache?: ModelCache,
  /** Words of the domain's own texts that the training texts lack: neither for nor against its coverage. */
  neutralWords: ReadonlySet<string> = new Set(),
): LexicalScorer {
  const analysed = examples.map((e) => analyseText(e.text));
  // The spelling corrector's vocabulary: every word the training texts use, with how often.
  const vocabulary = new Map<string, number>();
  for (const a of analysed) {
    for (const w of a.words) if (!stopwords.has(w)) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
  }
  for (const w of synonymWords()) if (!vocabulary.has(w)) vocabulary.set(w, 0);
  // Adjacent content words of the training texts, so a typo is corrected to the word that fits its neighbours.
  const pairs = new Set<string>();
  for (const a of analysed) {
    const content = a.words.filter((w) => !stopwords.has(w));
    for (let i = 1; i < content.length; i++) pairs.add(`${content[i - 1]} ${content[i]}`);
  }
  const corrector = createSpellCorrector(vocabulary, undefined, pairs);

  const docs = analysed.map((a) => a.terms);
  const ys = examples.map((e) => e.cls);
  /** The lowest class whose training texts use each term, and each pair of adjacent terms ("home flex"). */
  const firstClass = new Map<string, number>();
  const note = (key: string, cls: number) => {
    if (cls < (firstClass.get(key) ?? Number.POSITIVE_INFINITY)) firstClass.set(key, cls);
  };
  docs.forEach((terms, i) => {
    terms.forEach((t, k) => {
      note(t, ys[i]!);
      if (k > 0) note(`${terms[k - 1]} ${t}`, ys[i]!);
    });
  });
  const weights = examples.map((e) => e.weight);
  const vectoriser = new Vectoriser();
  const xs = vectoriser.fitTransform(docs, ys, classCount);

  const nnz = xs.ids.length;
  const useSoftmax = choice === "auto" ? nnz * classCount <= softmaxBudget : choice === "softmax";
  const model = useSoftmax ? new SoftmaxRegression(vectoriser.size, classCount) : new CentroidScorer(classCount);
  if (model instanceof SoftmaxRegression) trainOrLoad(model, { xs, ys, weights, classCount }, cache);
  else model.train(xs, ys, weights, vectoriser.size);

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
    score(text, memo) {
      const correct = memo
        ? {
            correct(word: string, context?: WordContext) {
              const key = `${context?.before ?? ""} ${word} ${context?.after ?? ""}`;
              if (!memo.has(key)) memo.set(key, corrector.correct(word, context));
              return memo.get(key);
            },
          }
        : corrector;
      const analysed = analyseText(text, correct);
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
      const own = (key: string) => (firstClass.get(key) ?? Number.POSITIVE_INFINITY) >= below;
      const speaking = speakingTerms(scored, cls);
      if (speaking.some((t) => own(terms[t]!))) return true;
      // Two shared words can still make a phrase of its own: "home" and "flex" are the articles', "home flex" is not.
      const trained = (key: string) => firstClass.has(key);
      return speaking.some(
        (t) =>
          (t > 0 && trained(`${terms[t - 1]} ${terms[t]}`) && own(`${terms[t - 1]} ${terms[t]}`)) ||
          (t + 1 < terms.length && trained(`${terms[t]} ${terms[t + 1]}`) && own(`${terms[t]} ${terms[t + 1]}`)),
      );
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
