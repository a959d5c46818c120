import type { SparseVector } from "./vectorise.ts";

/**
 * One TF-IDF centroid per class, stored as postings (feature → classes), so building is one pass over
 * the examples and scoring touches only the classes that share a feature with the message. Used when a
 * catalogue is too large to train the softmax model at start-up (see `createLexicalScorer`).
 */
export class CentroidScorer {
  private readonly postings = new Map<number, { cls: number[]; w: number[] }>();

  constructor(
    readonly classCount: number,
    /** Similarity is scaled by this before the softmax, so probabilities are not all near 1/classes. */
    private readonly sharpness = 12,
  ) {}

  train(xs: readonly SparseVector[], ys: readonly number[], weights: readonly number[]): void {
    const sums = new Map<number, Map<number, number>>(); // class → feature → weight
    xs.forEach((x, i) => {
      const cls = ys[i]!;
      const m = sums.get(cls) ?? new Map<number, number>();
      sums.set(cls, m);
      for (let k = 0; k < x.ids.length; k++) {
        const f = x.ids[k]!;
        m.set(f, (m.get(f) ?? 0) + x.values[k]! * weights[i]!);
      }
    });
    for (const cls of [...sums.keys()].sort((a, b) => a - b)) {
      const m = sums.get(cls)!;
      let norm = 0;
      for (const v of m.values()) norm += v * v;
      norm = Math.sqrt(norm) || 1;
      for (const [f, v] of m) {
        const p = this.postings.get(f) ?? { cls: [], w: [] };
        this.postings.set(f, p);
        p.cls.push(cls);
        p.w.push(v / norm);
      }
    }
  }

  logits(x: SparseVector): Float64Array {
    const out = new Float64Array(this.classCount);
    for (let k = 0; k < x.ids.length; k++) {
      const p = this.postings.get(x.ids[k]!);
      if (!p) continue;
      const v = x.values[k]! * this.sharpness;
      for (let j = 0; j < p.cls.length; j++) out[p.cls[j]!]! += v * p.w[j]!;
    }
    return out;
  }

  weight(feature: number, cls: number): number {
    const p = this.postings.get(feature);
    const j = p ? p.cls.indexOf(cls) : -1;
    return j >= 0 ? p!.w[j]! * this.sharpness : 0;
  }
}
