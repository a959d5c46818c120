import { analyseText, synonymWords } from "./analyse-text.ts";
import { CentroidScorer } from "./centroid-scorer.ts";
import type { ModelCache } from "./match-result.ts";
import { type ScorerCache, type ScorerSnapshot, snapshotFormat, snapshotKey } from "./scorer-snapshot.ts";
import { SoftmaxRegression } from "./softmax-regression.ts";
import { stopwords } from "./stopwords.ts";
import { trainOrLoad } from "./train-or-load.ts";
import { Vectoriser } from "./vectorise.ts";

export interface LabelledText {
  cls: number;
  text: string;
  weight: number;
}

/** What a lexical scorer is built from: the fitted vectoriser, the trained model and the corrector's word lists. */
export interface ScorerParts {
  vectoriser: Vectoriser;
  model: SoftmaxRegression | CentroidScorer;
  vocabulary: Map<string, number>;
  pairs: Set<string>;
}

/**
 * Softmax training costs (feature occurrences × classes) multiply-adds per epoch. Above this budget,
 * about 45 playbooks (start-up would pass half a second), the scorer falls back to class centroids,
 * which build in one pass even for thousands of playbooks. The guide's 20 playbooks use about a third.
 */
const softmaxBudget = 4e6;

/**
 * The parts from a snapshot when `snapshots` holds one for these texts and code, otherwise built from
 * the examples (and, for a softmax model with its weights cached, stored as a snapshot for next time).
 * Both ways give the same parts: the snapshot is the built parts written down.
 */
export function scorerParts(
  examples: readonly LabelledText[],
  classCount: number,
  choice: "auto" | "softmax" | "centroid",
  cache?: ModelCache,
  snapshots?: ScorerCache,
): ScorerParts {
  const key = snapshots && cache ? snapshotKey({ examples, classCount, choice }) : undefined;
  const snapshot = key ? snapshots?.load(key) : undefined;
  if (key && snapshot && cache) {
    const restored = restoreParts(snapshot, classCount, cache);
    if (typeof restored !== "string") return restored;
    snapshots?.unusable(key, restored);
  }
  const { parts, weightsKey } = buildParts(examples, classCount, choice, cache);
  if (key && weightsKey && parts.model instanceof SoftmaxRegression) {
    snapshots?.save(key, {
      format: snapshotFormat,
      classCount,
      weightsKey,
      vectoriser: parts.vectoriser.exportState(),
      vocabulary: [...parts.vocabulary],
      pairs: [...parts.pairs],
    });
  }
  return parts;
}

/** The parts a snapshot describes, or why they cannot be had (the caller then builds them). */
function restoreParts(snapshot: ScorerSnapshot, classCount: number, cache: ModelCache): ScorerParts | string {
  if (snapshot.classCount !== classCount) return `made for ${snapshot.classCount} classes, not ${classCount}`;
  const vectoriser = Vectoriser.fromState(snapshot.vectoriser);
  if (!vectoriser) return "its vectoriser does not hang together";
  const weights = cache.load(snapshot.weightsKey);
  if (!weights) return `its trained weights (${snapshot.weightsKey}) are not in the cache`;
  const model = new SoftmaxRegression(vectoriser.size, classCount);
  if (!model.importWeights(weights)) return "its trained weights do not fit its vectoriser";
  return { vectoriser, model, vocabulary: new Map(snapshot.vocabulary), pairs: new Set(snapshot.pairs) };
}

function buildParts(
  examples: readonly LabelledText[],
  classCount: number,
  choice: "auto" | "softmax" | "centroid",
  cache?: ModelCache,
): { parts: ScorerParts; weightsKey?: string } {
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

  const docs = analysed.map((a) => a.terms);
  const ys = examples.map((e) => e.cls);
  const weights = examples.map((e) => e.weight);
  const vectoriser = new Vectoriser();
  const xs = vectoriser.fitTransform(docs, ys, classCount);

  const nnz = xs.ids.length;
  const useSoftmax = choice === "auto" ? nnz * classCount <= softmaxBudget : choice === "softmax";
  if (!useSoftmax) {
    const model = new CentroidScorer(classCount);
    model.train(xs, ys, weights, vectoriser.size);
    return { parts: { vectoriser, model, vocabulary, pairs } };
  }
  const model = new SoftmaxRegression(vectoriser.size, classCount);
  const weightsKey = trainOrLoad(model, { xs, ys, weights, classCount }, cache);
  return { parts: { vectoriser, model, vocabulary, pairs }, ...(weightsKey ? { weightsKey } : {}) };
}
