import type { FaultCodeEntry, FaultCodeScan } from "./fault-codes.ts";
import type { MatchResult } from "./match-result.ts";

/** The fault codes the guide knows, for the "unknown fault code" answer. */
export function knownCodes(index: readonly FaultCodeEntry[]): { code: string; playbook: string }[] {
  return index.map((e) => ({ code: e.code, playbook: e.playbook }));
}

/** An exact fault code goes straight to its playbook; two different codes are a question for the person. */
export function faultCodeAnswer(scan: FaultCodeScan): MatchResult | undefined {
  const playbooks = [...new Set(scan.hits.map((h) => h.playbook))];
  if (playbooks.length === 0) return undefined;
  const forms = scan.hits.map((h) => `${h.code} (written "${h.form.trim()}")`);
  const rule = `fault code ${forms.join(", ")}`;
  if (playbooks.length === 1) {
    return {
      kind: "fault-code",
      playbook: playbooks[0]!,
      confidence: 1,
      alternatives: [],
      explanation: { rule, terms: scan.hits.map((h) => h.form.trim()) },
    };
  }
  const share = 1 / playbooks.length;
  return {
    kind: "ambiguous",
    playbook: playbooks[0]!,
    confidence: share,
    alternatives: playbooks.slice(1).map((playbook) => ({ playbook, confidence: share })),
    explanation: {
      rule,
      terms: scan.hits.map((h) => h.form.trim()),
      note: "the message names more than one fault code",
    },
  };
}

export function unknownCodeAnswer(code: string, index: readonly FaultCodeEntry[]): MatchResult {
  const list = index.map((e) => e.code).join(", ");
  return {
    kind: "unknown-fault-code",
    playbook: null,
    confidence: 0,
    alternatives: [],
    explanation: {
      rule: "unknown fault code",
      terms: [code],
      note: `"${code}" is not a fault code in the guide. Known codes: ${list}.`,
    },
    unknownCode: code,
    knownCodes: knownCodes(index),
  };
}
