import type { Candidate, MatchKind } from "./match-result.ts";

export interface Decision {
  kind: Extract<MatchKind, "match" | "ambiguous" | "no-match">;
  playbook: string | null;
  confidence: number;
  alternatives: Candidate[];
}

export interface DecisionPolicy {
  /** Below this confidence the matcher abstains. */
  threshold: number;
  /** A runner-up within this much of the best makes the answer "ambiguous". */
  margin: number;
}

export const defaultPolicy: DecisionPolicy = { threshold: 0.25, margin: 0.2 };

/** Runners-up weaker than this are not worth showing. */
const minAlternative = 0.05;

/**
 * Turns ranked candidates into an answer. Abstaining beats guessing: below the threshold there is no
 * match, unless close candidates (two or three) together clear it, which is a real "A or B?" question.
 */
export function decideMatch(ranked: readonly Candidate[], policy: DecisionPolicy, outOfScopeWins: boolean): Decision {
  const [best] = ranked;
  if (!best || outOfScopeWins)
    return { kind: "no-match", playbook: null, confidence: best?.confidence ?? 0, alternatives: [] };
  const close = ranked
    .slice(1, 3)
    .filter((c) => best.confidence - c.confidence < policy.margin && c.confidence >= minAlternative);
  // Three articles sharing a symptom ("OUT_OF_SERVICE after a reboot": three faults) split the evidence
  // three ways; together they are as clear as two.
  const together = best.confidence + close.reduce((sum, c) => sum + c.confidence, 0);
  if (best.confidence < policy.threshold && !(close.length > 0 && together >= policy.threshold)) {
    return { kind: "no-match", playbook: null, confidence: best.confidence, alternatives: [] };
  }
  if (close.length > 0)
    return { kind: "ambiguous", playbook: best.playbook, confidence: best.confidence, alternatives: close };
  const runnersUp = ranked.slice(1, 3).filter((c) => c.confidence >= minAlternative);
  return { kind: "match", playbook: best.playbook, confidence: best.confidence, alternatives: runnersUp };
}

/** What the scorer saw for the best playbook, apart from the confidence it turned into. */
export interface Evidence {
  /** The playbook's probability among all classes, before the coverage discount. */
  probability: number;
  /**
   * The same probability among the playbooks alone, when no out-of-scope topic has a word of its own in
   * the message (its share of the probability is then only the scorer's doubt, not a rival reading).
   */
  inScopeProbability: number;
  /** Share of the message's words the domain vocabulary knows. */
  coverage: number;
  /** The same share leaving out the words of the guide's text that no trigger uses. */
  guideCoverage: number;
  /** The policy's threshold: what the confidence would have to reach. */
  threshold: number;
  /** Different words of the message speaking for the playbook. */
  supportingWords: number;
}

/**
 * A short symptom line with words the domain does not know ("next person in line never hears it's their
 * turn") is discounted below the threshold by those words alone, though what the domain does know points
 * clearly at one playbook. That is weak evidence, not none: offer the playbook as a did-you-mean rather
 * than abstain. Only when the playbook is the scorer's clear favourite on two or more words and at least
 * this much of the message is the domain's, so "the stock price of CHPT" (one word, mostly unknown) still
 * abstains. An out-of-scope topic that outscores the playbook always abstains.
 */
const weakEvidence = { probability: 0.5, coverage: 0.4, supportingWords: 2 };

export function offerWhenWeak(decision: Decision, best: Candidate | undefined, evidence: Evidence): Decision {
  if (decision.kind !== "no-match" || !best) return decision;
  const { coverage, supportingWords } = evidence;
  // Among the playbooks: a topic without a word of its own in the message is no rival to favour over.
  const clearFavourite =
    evidence.inScopeProbability >= weakEvidence.probability &&
    coverage >= weakEvidence.coverage &&
    supportingWords >= weakEvidence.supportingWords;
  // "time of day pricing not taking effect": the words that pulled it under the threshold are the guide's
  // own ("take effect"), just not any trigger's. Counted as the domain's, it would clear the threshold.
  const clearOnGuideWords = evidence.inScopeProbability * evidence.guideCoverage >= evidence.threshold;
  if (!clearFavourite && !clearOnGuideWords) return decision;
  return { kind: "ambiguous", playbook: best.playbook, confidence: best.confidence, alternatives: [] };
}
