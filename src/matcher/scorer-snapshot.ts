import { createHash } from "node:crypto";
import { defaultSoftmaxOptions } from "./softmax-regression.ts";
import { defaultVectoriserOptions, type VectoriserState } from "./vectorise.ts";

/** Bumped when the snapshot's layout or what it means changes; older files are then simply not found. */
export const snapshotFormat = 1;

/**
 * Everything a trained softmax scorer is made of apart from its weights: the fitted vectoriser and the
 * spelling corrector's vocabulary and word pairs. Restoring it skips analysing and vectorising every
 * training text and counting their words, most of a server's start-up; the weights themselves stay in
 * the model cache under `weightsKey`, the key training gave them.
 */
export interface ScorerSnapshot {
  format: number;
  classCount: number;
  weightsKey: string;
  vectoriser: VectoriserState;
  /** The corrector's vocabulary: each word of the training texts (and synonym table) with its count. */
  vocabulary: [string, number][];
  /** Adjacent content words of the training texts ("stuck closed"). */
  pairs: string[];
}

/** Where snapshots are kept between runs, by the key of the training texts they were built from. */
export interface ScorerCache {
  load(key: string): ScorerSnapshot | undefined;
  save(key: string, snapshot: ScorerSnapshot): void;
  /** A snapshot that loaded but could not be used (its weights gone, its parts inconsistent). */
  unusable(key: string, reason: string): void;
}

export interface SnapshotInput {
  examples: readonly { cls: number; text: string; weight: number }[];
  classCount: number;
  choice: string;
}

/**
 * The snapshot's key: a SHA-256 of the training texts, their classes and weights and the options that
 * shape the scorer. It does not cover the code that analyses the texts; a file cache adds that itself.
 */
export function snapshotKey({ examples, classCount, choice }: SnapshotInput): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ snapshotFormat, classCount, choice, defaultVectoriserOptions, defaultSoftmaxOptions }));
  for (const e of examples) hash.update(`\0${e.cls}\0${e.weight}\0${e.text}`);
  return hash.digest("hex").slice(0, 32);
}

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === "string");
const isNumbers = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((v) => typeof v === "number" && Number.isFinite(v));

/** The reason `value` is not a snapshot of this format, or undefined when it is one. */
export function snapshotProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return "not a JSON object";
  const s = value as Partial<ScorerSnapshot>;
  if (s.format !== snapshotFormat) return `format ${String(s.format)}, expected ${snapshotFormat}`;
  if (typeof s.classCount !== "number" || typeof s.weightsKey !== "string") return "classCount or weightsKey missing";
  const v = s.vectoriser;
  if (!v || !isStrings(v.terms) || !isStrings(v.names) || !isNumbers(v.groups) || !isNumbers(v.weights))
    return "the vectoriser's arrays are missing or of the wrong type";
  if (!isStrings(s.pairs)) return "pairs is not a list of strings";
  const vocabulary = s.vocabulary;
  if (
    !Array.isArray(vocabulary) ||
    !vocabulary.every((e) => Array.isArray(e) && typeof e[0] === "string" && typeof e[1] === "number")
  )
    return "vocabulary is not a list of [word, count]";
  return undefined;
}
