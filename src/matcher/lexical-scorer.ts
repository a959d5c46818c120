import { type AnalysedText, analyseText, synonymWords } from "./analyse-text.ts";
import { CentroidScorer } from "./centroid-scorer.ts";
import { normaliseText } from "./normalise-text.ts";
import { defaultSoftmaxOptions, SoftmaxRegression, softmax } from "./softmax-regression.ts";
import { createSpellCorrector } from "./spell-corrector.ts";
import { stopwords } from "./stopwords.ts";
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
}

export interface LexicalScorer {
  readonly model: "softmax" | "centroid";
  score(text: string): ScoredText;
  /** The message's words that pushed hardest towards `cls`, strongest first. */
  topTerms(scored: ScoredText, cls: number, limit?: number): string[];
}

/**
 * Softmax training costs examples × features × classes per epoch; above this many multiply-adds per
 * epoch the scorer falls back to class centroids, which build in one pass (thousands of playbooks).
 */
const softmaxBudget = 4e7;

export function createLexicalScorer(examples: readonly LabelledText[], classCount: number): LexicalScorer {
  const vocabulary = new Map<string, number>();
  for (const e of examples) {
    for (const w of normaliseText(e.text).split(" ")) {
      if (w.length > 0 && !stopwords.has(w)) vocabulary.set(w, (vocabulary.get(w) ?? 0) + 1);
    }
  }
  for (const w of synonymWords()) if (!vocabulary.has(w)) vocabulary.set(w, 0);
  const corrector = createSpellCorrector(vocabulary);

  const docs = examples.map((e) => analyseText(e.text).terms);
  const ys = examples.map((e) => e.cls);
  const weights = examples.map((e) => e.weight);
  const vectoriser = new Vectoriser();
  vectoriser.fit(docs, ys, classCount);
  const xs = docs.map((d) => vectoriser.vectorise(d));

  const nnz = xs.reduce((n, x) => n + x.ids.length, 0);
  const useSoftmax = nnz * classCount <= softmaxBudget;
  const model = useSoftmax ? new SoftmaxRegression(vectoriser.size, classCount) : new CentroidScorer(classCount);
  if (model instanceof SoftmaxRegression) model.train(xs, ys, weights, defaultSoftmaxOptions);
  else model.train(xs, ys, weights);

  const maxIdf = Math.log(1 + classCount);
  return {
    model: useSoftmax ? "softmax" : "centroid",
    score(text) {
      const analysed = analyseText(text, corrector);
      const vector = vectoriser.vectorise(analysed.terms);
      let known = 0;
      let total = 0;
      for (const term of analysed.terms) {
        if (/^[\d.]+$/.test(term)) continue; // "4.6.0.76", "14": neither for nor against the domain
        const idf = vectoriser.wordIdf(term);
        known += idf ?? 0;
        total += idf ?? maxIdf;
      }
      const coverage = total > 0 ? known / total : 0;
      return { analysed, vector, probabilities: softmax(model.logits(vector)), coverage };
    },
    topTerms(scored, cls, limit = 5) {
      const byTerm = new Map<number, number>();
      const { vector } = scored;
      vector.ids.forEach((f, k) => {
        const t = vector.terms[k]!;
        byTerm.set(t, (byTerm.get(t) ?? 0) + vector.values[k]! * model.weight(f, cls));
      });
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
