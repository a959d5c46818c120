import { IntList } from "./growable-array.ts";

/** A sparse feature vector; `terms[k]` is the index of the term feature `ids[k]` came from. */
export interface SparseVector {
  ids: Int32Array;
  values: Float64Array;
  terms: Int32Array;
}

/** Many vectors in three flat arrays (CSR): row `r` is `ids/values[offsets[r] .. offsets[r + 1])`. */
export interface SparseMatrix {
  offsets: Int32Array;
  ids: Int32Array;
  values: Float64Array;
}

export interface VectoriserOptions {
  /** Weight of word-pair features relative to single words. */
  bigramWeight: number;
  /** Weight of character n-gram features, which catch typos and compounds the corrector missed. */
  charWeight: number;
}

export const defaultVectoriserOptions: VectoriserOptions = { bigramWeight: 0.7, charWeight: 0.35 };

/**
 * What a fitted Vectoriser learned, in plain arrays for a cache file: the training terms in id order and
 * every feature's name, group weight and IDF weight in id order. The lookup maps are rebuilt from these.
 */
export interface VectoriserState {
  terms: string[];
  names: string[];
  groups: number[];
  weights: number[];
}

/**
 * TF-IDF over words, adjacent word pairs and character 3-4-grams. IDF is counted over classes (playbooks)
 * rather than phrases, so a word every playbook uses ("station") weighs little and a word one playbook
 * uses ("breakaway") weighs a lot. Terms get integer ids and their features are computed once, which
 * keeps building linear and fast with thousands of playbooks. Unseen features are dropped at query time.
 */
export class Vectoriser {
  private readonly termIds = new Map<string, number>();
  private readonly termFeatures: Int32Array[] = [];
  private readonly featureIds = new Map<string, number>();
  /** Word-pair feature ids, by first term id then second: small integer keys keep the Maps cheap. */
  private readonly pairIds: Map<number, number>[] = [];
  private readonly names: string[] = [];
  private readonly groups: number[] = [];
  private weightOf = new Float64Array(0); // idf × group weight, per feature
  private scratch = new Float64Array(0);
  private scratchTerm = new Int32Array(0);

  constructor(private readonly options: VectoriserOptions = defaultVectoriserOptions) {}

  get size(): number {
    return this.names.length;
  }

  /** The fitted state, for a cache: restoring it gives a Vectoriser that vectorises exactly like this one. */
  exportState(): VectoriserState {
    return {
      terms: [...this.termIds.keys()],
      names: [...this.names],
      groups: [...this.groups],
      weights: Array.from(this.weightOf),
    };
  }

  /**
   * A fitted Vectoriser from `exportState()`, without the training texts. Undefined when the state does
   * not hang together (a cache file from other code, or damaged): the caller then fits afresh.
   */
  static fromState(
    state: VectoriserState,
    options: VectoriserOptions = defaultVectoriserOptions,
  ): Vectoriser | undefined {
    const { terms, names, groups, weights } = state;
    if (names.length !== groups.length || names.length !== weights.length) return undefined;
    const v = new Vectoriser(options);
    names.forEach((name, id) => {
      v.names.push(name);
      v.groups.push(groups[id]!);
      // Word pairs are kept by term ids ("b:12 40"), every other feature by its name.
      if (!name.startsWith("b:")) {
        v.featureIds.set(name, id);
        return;
      }
      const [a, b] = name.slice(2).split(" ").map(Number);
      v.pairIds[a!] ??= new Map();
      v.pairIds[a!]!.set(b!, id);
    });
    for (const term of terms) {
      const features = v.featureNamesOf(term).map((f) => v.featureIds.get(f.name) ?? -1);
      if (features.some((id) => id < 0)) return undefined;
      v.termIds.set(term, v.termFeatures.length);
      v.termFeatures.push(Int32Array.from(features));
    }
    v.weightOf = Float64Array.from(weights);
    v.scratch = new Float64Array(names.length);
    v.scratchTerm = new Int32Array(names.length);
    return v;
  }

  /** IDF of a whole word, or undefined if no training text used it. */
  wordIdf(term: string): number | undefined {
    const id = this.featureIds.get(`w:${term}`);
    return id === undefined ? undefined : this.weightOf[id];
  }

  featureName(id: number): string {
    return this.names[id] ?? "";
  }

  /**
   * Learns the feature ids and their IDF from the training texts (`classOf[i]` is the class of `docs[i]`)
   * and returns their vectors as one flat matrix: no per-text objects, so tens of thousands of texts
   * build quickly.
   */
  fitTransform(docs: readonly string[][], classOf: readonly number[], classCount: number): SparseMatrix {
    const raw = new IntList(); // every feature occurrence, row after row
    const rowEnds = new Int32Array(docs.length);
    docs.forEach((terms, d) => {
      let previous = -1;
      for (const term of terms) {
        const tid = this.termId(term, true);
        for (const id of this.termFeatures[tid]!) raw.push(id);
        if (previous >= 0) raw.push(this.pairId(previous, tid, true));
        previous = tid;
      }
      rowEnds[d] = raw.length;
    });
    // Document frequency counts classes, not texts: a feature is counted once per class that uses it.
    const df = new Int32Array(this.names.length);
    const lastClass = new Int32Array(this.names.length).fill(-1);
    let from = 0;
    rowEnds.forEach((end, d) => {
      const cls = classOf[d]!;
      for (let k = from; k < end; k++) {
        const id = raw.data[k]!;
        if (lastClass[id] !== cls) {
          lastClass[id] = cls;
          df[id]! += 1;
        }
      }
      from = end;
    });
    this.weightOf = new Float64Array(this.names.length);
    for (let id = 0; id < df.length; id++) {
      this.weightOf[id] = Math.log(1 + classCount / Math.max(1, df[id]!)) * this.groups[id]!;
    }
    this.scratch = new Float64Array(this.names.length);
    this.scratchTerm = new Int32Array(this.names.length);

    // Second pass: term frequencies per row, TF-IDF, unit length.
    const offsets = new Int32Array(docs.length + 1);
    const ids = new Int32Array(raw.length);
    const values = new Float64Array(raw.length);
    const occurrences = raw.data;
    let out = 0;
    let start = 0;
    rowEnds.forEach((end, row) => {
      const first = out;
      for (let k = start; k < end; k++) {
        const id = occurrences[k]!;
        if (this.scratch[id] === 0) ids[out++] = id;
        this.scratch[id]! += 1;
      }
      let norm = 0;
      for (let k = first; k < out; k++) {
        const id = ids[k]!;
        const v = (1 + Math.log(this.scratch[id]!)) * this.weightOf[id]!;
        values[k] = v;
        norm += v * v;
        this.scratch[id] = 0;
      }
      norm = Math.sqrt(norm) || 1;
      for (let k = first; k < out; k++) values[k]! /= norm;
      offsets[row + 1] = out;
      start = end;
    });
    return { offsets, ids: ids.slice(0, out), values: values.slice(0, out) };
  }

  vectorise(terms: readonly string[]): SparseVector {
    const touched: number[] = [];
    const add = (id: number, t: number) => {
      if (id < 0) return;
      if (this.scratch[id] === 0) {
        touched.push(id);
        this.scratchTerm[id] = t;
      }
      this.scratch[id]! += 1;
    };
    let previous = -1;
    terms.forEach((term, t) => {
      const tid = this.termId(term, false);
      for (const id of tid >= 0 ? this.termFeatures[tid]! : this.unseenTermFeatures(term)) add(id, t);
      if (previous >= 0 && tid >= 0) add(this.pairId(previous, tid, false), t - 1);
      previous = tid;
    });
    // The constructor copies an array directly; `Int32Array.from` walks it through an iterator (per piece, per message).
    const ids = new Int32Array(touched);
    const values = new Float64Array(ids.length);
    const termsOf = new Int32Array(ids.length);
    let norm = 0;
    ids.forEach((id, k) => {
      const v = (1 + Math.log(this.scratch[id]!)) * this.weightOf[id]!;
      values[k] = v;
      termsOf[k] = this.scratchTerm[id]!;
      norm += v * v;
      this.scratch[id] = 0;
    });
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < values.length; k++) values[k]! /= norm;
    return { ids, values, terms: termsOf };
  }

  private featureNamesOf(term: string): { name: string; group: number }[] {
    const out = [{ name: `w:${term}`, group: 1 }];
    if (term.length >= 3 && !/^[\d.]+$/.test(term)) {
      const padded = `<${term}>`;
      for (let n = 3; n <= 4; n++) {
        for (let i = 0; i + n <= padded.length; i++)
          out.push({ name: `c:${padded.slice(i, i + n)}`, group: this.options.charWeight });
      }
    }
    return out;
  }

  private featureId(name: string, group: number, grow: boolean): number {
    let id = this.featureIds.get(name);
    if (id === undefined) {
      if (!grow) return -1;
      id = this.names.length;
      this.featureIds.set(name, id);
      this.names.push(name);
      this.groups.push(group);
    }
    return id;
  }

  private termId(term: string, grow: boolean): number {
    let tid = this.termIds.get(term);
    if (tid === undefined) {
      if (!grow) return -1;
      tid = this.termFeatures.length;
      this.termIds.set(term, tid);
      this.termFeatures.push(Int32Array.from(this.featureNamesOf(term), (f) => this.featureId(f.name, f.group, true)));
    }
    return tid;
  }

  /** A query word no training text used may still share character n-grams with one (a typo). */
  private unseenTermFeatures(term: string): number[] {
    return this.featureNamesOf(term)
      .map((f) => this.featureId(f.name, f.group, false))
      .filter((id) => id >= 0);
  }

  private pairId(a: number, b: number, grow: boolean): number {
    let byNext = this.pairIds[a];
    let id = byNext?.get(b);
    if (id === undefined) {
      if (!grow) return -1;
      if (!byNext) {
        byNext = new Map();
        this.pairIds[a] = byNext;
      }
      id = this.names.length;
      byNext.set(b, id);
      this.names.push(`b:${a} ${b}`);
      this.groups.push(this.options.bigramWeight);
    }
    return id;
  }
}
