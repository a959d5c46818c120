import type { SparseMatrix, SparseVector } from "./vectorise.ts";

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty: keeps weights small so probabilities stay honest rather than all near 1. */
  l2: number;
}

export const defaultSoftmaxOptions: SoftmaxOptions = { epochs: 20, learningRate: 1, l2: 1e-5 };

/**
 * Multinomial logistic regression trained by plain SGD in a fixed order: no randomness, so every
 * machine learns the same weights. Weights are stored as `scale * raw` so the L2 decay of every weight
 * costs one multiplication per step instead of a pass over the whole matrix.
 */
export class SoftmaxRegression {
  private readonly raw: Float64Array;
  private scale = 1;
  private readonly bias: Float64Array;

  constructor(
    readonly featureCount: number,
    readonly classCount: number,
  ) {
    this.raw = new Float64Array(featureCount * classCount);
    this.bias = new Float64Array(classCount);
  }

  /** Raw class scores (logits) for one vector. */
  logits(x: SparseVector): Float64Array {
    return this.rowLogits(x.ids, x.values, 0, x.ids.length);
  }

  private rowLogits(ids: Int32Array, values: Float64Array, from: number, to: number): Float64Array {
    const C = this.classCount;
    const out = this.bias.slice(); // a copy without `from`'s iterator: this runs per message and per training step
    for (let k = from; k < to; k++) {
      const base = ids[k]! * C;
      const v = values[k]! * this.scale;
      for (let c = 0; c < C; c++) out[c]! += v * this.raw[base + c]!;
    }
    return out;
  }

  /** The weight of one feature for one class, for explaining a decision. */
  weight(feature: number, cls: number): number {
    return this.raw[feature * this.classCount + cls]! * this.scale;
  }

  train(xs: SparseMatrix, ys: readonly number[], weights: readonly number[], options: SoftmaxOptions): void {
    const C = this.classCount;
    const order = interleaveByClass(ys);
    let step = 0;
    const total = options.epochs * order.length;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (const i of order) {
        // Linear decay of the step size makes the last epochs settle instead of oscillating.
        const lr = options.learningRate * (1 - step / total) * weights[i]!;
        step += 1;
        const from = xs.offsets[i]!;
        const to = xs.offsets[i + 1]!;
        const p = softmax(this.rowLogits(xs.ids, xs.values, from, to));
        p[ys[i]!]! -= 1;
        this.scale *= 1 - options.learningRate * options.l2;
        if (this.scale < 1e-6) this.rescale();
        for (let k = from; k < to; k++) {
          const base = xs.ids[k]! * C;
          const g = (lr * xs.values[k]!) / this.scale;
          for (let c = 0; c < C; c++) this.raw[base + c]! -= g * p[c]!;
        }
        for (let c = 0; c < C; c++) this.bias[c]! -= lr * p[c]! * 0.1;
      }
    }
  }

  /**
   * The trained state for a model cache: the raw weights, the biases, then the scale, kept apart rather
   * than multiplied out so a model read back scores bit for bit like the one trained.
   */
  exportWeights(): Float64Array {
    const out = new Float64Array(this.raw.length + this.classCount + 1);
    out.set(this.raw);
    out.set(this.bias, this.raw.length);
    out[out.length - 1] = this.scale;
    return out;
  }

  /** Takes the state `exportWeights()` gave for a model of the same shape; false (nothing changed) otherwise. */
  importWeights(weights: Float64Array): boolean {
    if (weights.length !== this.raw.length + this.classCount + 1) return false;
    this.raw.set(weights.subarray(0, this.raw.length));
    this.bias.set(weights.subarray(this.raw.length, this.raw.length + this.classCount));
    this.scale = weights[weights.length - 1]!;
    return true;
  }

  private rescale(): void {
    for (let i = 0; i < this.raw.length; i++) this.raw[i]! *= this.scale;
    this.scale = 1;
  }
}

export function softmax(logits: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < logits.length; c++) max = Math.max(max, logits[c]!);
  let sum = 0;
  const out = new Float64Array(logits.length);
  for (let c = 0; c < logits.length; c++) {
    out[c] = Math.exp(logits[c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < out.length; c++) out[c]! /= sum;
  return out;
}

/** Round-robin over classes (a fixed order), so no class's examples all come last and dominate. */
function interleaveByClass(ys: readonly number[]): number[] {
  const byClass = new Map<number, number[]>();
  ys.forEach((y, i) => {
    const list = byClass.get(y) ?? [];
    list.push(i);
    byClass.set(y, list);
  });
  const queues = [...byClass.keys()].sort((a, b) => a - b).map((c) => byClass.get(c)!);
  const order: number[] = [];
  for (let r = 0; order.length < ys.length; r++) {
    for (const q of queues) if (r < q.length) order.push(q[r]!);
  }
  return order;
}
