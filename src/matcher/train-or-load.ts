import { createHash } from "node:crypto";
import type { ModelCache } from "./match-result.ts";
import { defaultSoftmaxOptions, type SoftmaxRegression } from "./softmax-regression.ts";
import type { SparseMatrix } from "./vectorise.ts";

/** Bumped when training changes in a way its inputs do not show (a new update rule, a new layout). */
const trainingVersion = 1;

export interface TrainingInput {
  xs: SparseMatrix;
  ys: readonly number[];
  weights: readonly number[];
  classCount: number;
}

/**
 * The cache key: a SHA-256 of everything training reads. The vectorised examples stand in for the
 * playbooks and for the code that analyses them (stemming, synonyms, n-grams), so a change to either
 * gives a new key and the model is trained afresh.
 */
export function trainingKey(model: SoftmaxRegression, input: TrainingInput): string {
  const hash = createHash("sha256");
  const { xs } = input;
  hash.update(JSON.stringify({ trainingVersion, defaultSoftmaxOptions, f: model.featureCount, c: input.classCount }));
  for (const array of [xs.offsets, xs.ids, xs.values, Float64Array.from(input.ys), Float64Array.from(input.weights)]) {
    hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  }
  return hash.digest("hex").slice(0, 32);
}

/**
 * Trains `model`, or takes its weights from the cache when the same training ran before. Returns the
 * key the weights are cached under (undefined without a cache).
 */
export function trainOrLoad(model: SoftmaxRegression, input: TrainingInput, cache?: ModelCache): string | undefined {
  if (!cache) {
    model.train(input.xs, input.ys, input.weights, defaultSoftmaxOptions);
    return undefined;
  }
  const key = trainingKey(model, input);
  const cached = cache.load(key);
  if (cached && model.importWeights(cached)) return key;
  model.train(input.xs, input.ys, input.weights, defaultSoftmaxOptions);
  cache.save(key, model.exportWeights());
  return key;
}
