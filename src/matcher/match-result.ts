import type { ScorerCache } from "./scorer-snapshot.ts";

/** What the matcher decided about one message. */
export type MatchKind = "fault-code" | "match" | "ambiguous" | "no-match" | "unknown-fault-code";

/**
 * Why a question is out of scope, for the engine's reply and for analytics: small talk ("thanks!"), a
 * dashboard feature the guide shows but has no playbook for (Video Ads), a neighbouring topic the guide
 * does not cover at all (the subscription's own invoice, wire gauge for a new install), or unrelated.
 */
export type OutOfScopeKind = "small-talk" | "dashboard-feature" | "adjacent-topic" | "unrelated";

export interface Candidate {
  playbook: string;
  confidence: number;
}

export interface MatchExplanation {
  /** The rule that decided, e.g. "fault code 303-RSC" or "lexical scorer". */
  rule?: string;
  /** The words of the message that counted most for the answer. */
  terms: string[];
  /** Spelling fixes applied before scoring ("clsoed" → "closed"). */
  corrections?: { from: string; to: string }[];
  /** Abbreviations and synonyms read as the guide's words ("fw" → "firmware"). */
  synonyms?: { from: string; to: string }[];
  note?: string;
}

export interface MatchResult {
  kind: MatchKind;
  /** The chosen playbook; for "ambiguous" the best candidate; null for "no-match" and unknown codes. */
  playbook: string | null;
  /** 0..1: how sure the matcher is of `playbook` (or, when it abstains, of its best guess). */
  confidence: number;
  /** Other candidates, best first: the close ones for "ambiguous", weaker runners-up for "match". */
  alternatives: Candidate[];
  explanation: MatchExplanation;
  /**
   * The best-scoring playbooks whatever was decided, best first, for "what else could it be" (a no-match
   * card's suggestions, "Not this one?" on a sure match). Not a claim that any of them fits.
   */
  closest?: Candidate[];
  /** For "no-match": what kind of out-of-scope question this looks like. */
  outOfScopeKind?: OutOfScopeKind;
  unknownCode?: string;
  knownCodes?: { code: string; playbook: string }[];
}

export interface Matcher {
  match(text: string): MatchResult;
  /** The playbook ids this matcher can answer with, sorted. */
  readonly playbooks: readonly string[];
  /**
   * Builds now what the first question would otherwise build (the trained scorer is made on first use,
   * so a command answered by a fault code alone never pays for training). A server calls it at start.
   */
  warmUp?(): void;
}

export interface MatcherOptions {
  /** Below this confidence the matcher abstains. */
  threshold?: number;
  /** When the runner-up is within this much of the best, the answer is "ambiguous". */
  margin?: number;
  /** Only this many characters of a message are read; the explanation says when a message was cut. */
  maxChars?: number;
  /**
   * "softmax" (trained logistic regression) or "centroid" (TF-IDF class centroids). Default "auto":
   * softmax while its training cost fits a start-up budget (about 45 playbooks), centroids beyond.
   */
  scorer?: "auto" | "softmax" | "centroid";
  /** Where trained weights are kept between runs; without it the model is trained on every start. */
  modelCache?: ModelCache;
  /**
   * Where the rest of a trained scorer (the fitted vectoriser, the spelling corrector's word lists) is
   * kept between runs; used together with `modelCache`, whose weights it points to.
   */
  scorerCache?: ScorerCache;
}

/**
 * Trained model weights stored under a key that hashes everything training reads (the vectorised
 * examples, labels, weights and options), so a hit is exactly the model training would produce.
 */
export interface ModelCache {
  load(key: string): Float64Array | undefined;
  save(key: string, weights: Float64Array): void;
}
