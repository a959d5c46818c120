import { FloatList, IntList } from "./growable-array.ts";
import type { SparseMatrix, SparseVector } from "./vectorise.ts";

/**
 * One TF-IDF centroid per class, stored as postings (feature → classes) in flat arrays, so building is
 * one pass over the examples and scoring touches only the classes that share a feature with the message.
 * Used when a catalogue is too large to train the softmax model at start-up (see `createLexicalScorer`).
 */
export class CentroidScorer {
  private offsets = new Int32Array(1);
  private classes = new Int32Array(0);
  private weights = new Float64Array(0);

  constructor(
    readonly classCount: number,
    /** Similarity is scaled by this before the softmax, so probabilities are not all near 1/classes. */
    private readonly sharpness = 40,
  ) {}

  train(xs: SparseMatrix, ys: readonly number[], rowWeights: readonly number[], featureCount: number): void {
    const byClass: number[][] = Array.from({ length: this.classCount }, () => []);
    ys.forEach((y, i) => {
      byClass[y]!.push(i);
    });
    // Pass 1: each class's centroid, kept as (feature, weight) runs in class order.
    const sum = new Float64Array(featureCount);
    const runFeature = new IntList();
    const runWeight = new FloatList();
    const runClass = new IntList();
    const touched = new IntList();
    const perFeature = new Int32Array(featureCount + 1);
    byClass.forEach((members, cls) => {
      touched.length = 0;
      for (const i of members) {
        for (let k = xs.offsets[i]!; k < xs.offsets[i + 1]!; k++) {
          const f = xs.ids[k]!;
          if (sum[f] === 0) touched.push(f);
          sum[f]! += xs.values[k]! * rowWeights[i]!;
        }
      }
      let norm = 0;
      for (let t = 0; t < touched.length; t++) norm += sum[touched.data[t]!]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let t = 0; t < touched.length; t++) {
        const f = touched.data[t]!;
        runFeature.push(f);
        runWeight.push(sum[f]! / norm);
        runClass.push(cls);
        perFeature[f + 1]! += 1;
        sum[f] = 0;
      }
    });
    // Pass 2: regroup by feature (a counting sort), keeping class order within each feature.
    for (let f = 0; f < featureCount; f++) perFeature[f + 1]! += perFeature[f]!;
    this.offsets = perFeature.slice();
    this.classes = new Int32Array(runFeature.length);
    this.weights = new Float64Array(runFeature.length);
    const next = perFeature;
    for (let k = 0; k < runFeature.length; k++) {
      const at = next[runFeature.data[k]!]!++;
      this.classes[at] = runClass.data[k]!;
      this.weights[at] = runWeight.data[k]!;
    }
  }

  logits(x: SparseVector): Float64Array {
    const out = new Float64Array(this.classCount);
    for (let k = 0; k < x.ids.length; k++) {
      const f = x.ids[k]!;
      const v = x.values[k]! * this.sharpness;
      for (let j = this.offsets[f]!; j < this.offsets[f + 1]!; j++) out[this.classes[j]!]! += v * this.weights[j]!;
    }
    return out;
  }

  weight(feature: number, cls: number): number {
    for (let j = this.offsets[feature] ?? 0; j < (this.offsets[feature + 1] ?? 0); j++) {
      if (this.classes[j] === cls) return this.weights[j]! * this.sharpness;
    }
    return 0;
  }
}
