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
 * match, unless two candidates together clear it and are close, which is a real "A or B?" question.
 */
export function decideMatch(ranked: readonly Candidate[], policy: DecisionPolicy, outOfScopeWins: boolean): Decision {
  const [best, second] = ranked;
  if (!best || outOfScopeWins)
    return { kind: "no-match", playbook: null, confidence: best?.confidence ?? 0, alternatives: [] };
  const close = ranked
    .slice(1, 3)
    .filter((c) => best.confidence - c.confidence < policy.margin && c.confidence >= minAlternative);
  const together = best.confidence + (second && close.includes(second) ? second.confidence : 0);
  if (best.confidence < policy.threshold && !(close.length > 0 && together >= policy.threshold)) {
    return { kind: "no-match", playbook: null, confidence: best.confidence, alternatives: [] };
  }
  if (close.length > 0)
    return { kind: "ambiguous", playbook: best.playbook, confidence: best.confidence, alternatives: close };
  const runnersUp = ranked.slice(1, 3).filter((c) => c.confidence >= minAlternative);
  return { kind: "match", playbook: best.playbook, confidence: best.confidence, alternatives: runnersUp };
}
