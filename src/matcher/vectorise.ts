/** A sparse feature vector; `terms[k]` is the index of the term feature `ids[k]` came from. */
export interface SparseVector {
  ids: number[];
  values: number[];
  terms: number[];
}

export interface VectoriserOptions {
  /** Weight of word-pair features relative to single words. */
  bigramWeight: number;
  /** Weight of character n-gram features, which catch typos and compounds the corrector missed. */
  charWeight: number;
}

export const defaultVectoriserOptions: VectoriserOptions = { bigramWeight: 0.7, charWeight: 0.35 };

/** Feature names of one term, cached: the same few thousand terms recur across every trigger. */
const termFeatureCache = new Map<string, string[]>();

function termFeatures(term: string): string[] {
  let names = termFeatureCache.get(term);
  if (names) return names;
  names = [`w:${term}`];
  if (term.length >= 3 && !/^[\d.]+$/.test(term)) {
    const padded = `<${term}>`;
    for (let n = 3; n <= 4; n++) {
      for (let i = 0; i + n <= padded.length; i++) names.push(`c:${padded.slice(i, i + n)}`);
    }
  }
  termFeatureCache.set(term, names);
  return names;
}

/**
 * TF-IDF over words, adjacent word pairs and character 3-4-grams. IDF is counted over playbooks rather
 * than phrases, so a word every playbook uses ("station", "charging") weighs little and a word only one
 * playbook uses ("breakaway") weighs a lot. Built once from the training texts; unseen features are dropped.
 */
export class Vectoriser {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private idf = new Float64Array(0);

  constructor(private readonly options: VectoriserOptions = defaultVectoriserOptions) {}

  get size(): number {
    return this.names.length;
  }

  /** IDF of a whole word, or undefined if no training text used it. */
  wordIdf(term: string): number | undefined {
    const id = this.ids.get(`w:${term}`);
    return id === undefined ? undefined : this.idf[id];
  }

  featureName(id: number): string {
    return this.names[id] ?? "";
  }

  /** Learns the feature ids and their IDF; `classOf[i]` is the class index of `docs[i]`. */
  fit(docs: readonly string[][], classOf: readonly number[], classCount: number): void {
    const lastClass: number[] = [];
    const df: number[] = [];
    docs.forEach((terms, d) => {
      const cls = classOf[d]!;
      for (const { name } of this.rawFeatures(terms)) {
        let id = this.ids.get(name);
        if (id === undefined) {
          id = this.names.length;
          this.ids.set(name, id);
          this.names.push(name);
          lastClass.push(-1);
          df.push(0);
        }
        if (lastClass[id] !== cls) {
          lastClass[id] = cls;
          df[id]! += 1;
        }
      }
    });
    // Documents of one class are contiguous in practice, but count distinct classes exactly regardless.
    this.idf = Float64Array.from(df, (n) => Math.log(1 + classCount / Math.max(1, n)));
  }

  vectorise(terms: readonly string[]): SparseVector {
    const byId = new Map<number, { tf: number; term: number; group: number }>();
    for (const { name, term, group } of this.rawFeatures(terms)) {
      const id = this.ids.get(name);
      if (id === undefined) continue;
      const slot = byId.get(id);
      if (slot) slot.tf += 1;
      else byId.set(id, { tf: 1, term, group });
    }
    const ids = [...byId.keys()].sort((a, b) => a - b);
    const values: number[] = [];
    const termsOf: number[] = [];
    let norm = 0;
    for (const id of ids) {
      const { tf, term, group } = byId.get(id)!;
      const v = (1 + Math.log(tf)) * this.idf[id]! * group;
      values.push(v);
      termsOf.push(term);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    return { ids, values: values.map((v) => v / norm), terms: termsOf };
  }

  private *rawFeatures(terms: readonly string[]): Generator<{ name: string; term: number; group: number }> {
    const { bigramWeight, charWeight } = this.options;
    for (let t = 0; t < terms.length; t++) {
      const names = termFeatures(terms[t]!);
      yield { name: names[0]!, term: t, group: 1 };
      for (let k = 1; k < names.length; k++) yield { name: names[k]!, term: t, group: charWeight };
      if (t + 1 < terms.length) yield { name: `b:${terms[t]} ${terms[t + 1]}`, term: t, group: bigramWeight };
    }
  }
}
