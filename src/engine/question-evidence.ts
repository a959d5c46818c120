import type { Fact } from "./extract-facts.ts";
import { evidenceEntries, factInWords, factsByItem, factsIn, mergeEvidence } from "./plain-evidence.ts";
import { looksLikeStationName } from "./station-names.ts";
import { record, type Turn } from "./turn.ts";

/**
 * Facts that say nothing Support lacks when they come with a question: the fault code is the question
 * itself, and a bare date ("since 2024-06-28") is not the alarm log's count.
 */
const notEvidence = new Set<Fact["kind"]>(["fault-code", "date"]);

/**
 * Keeps what a question says beside the problem ("fault 303-RSC on CPF-6": station CPF-6) as evidence of
 * the thread's question, so an escalation from it does not ask for it again. `extra` is a station name
 * typed after a fault code command (`/cp fault 303-RSC CPF-6`), read as one only when shaped like one.
 * Returns the facts in words ("station CPF-6") for the answer to say back; empty when there were none.
 */
export function keepQuestionFacts(turn: Turn, text: string, extra?: string): string[] {
  const q = turn.state.question;
  if (!q) return [];
  const facts = factsIn(turn, text).filter((f) => !notEvidence.has(f.kind));
  const codes = turn.deps.registry.faultCodes().map((f) => f.code);
  const bare = extra?.trim();
  if (bare && looksLikeStationName(bare, codes) && !facts.some((f) => f.value === bare))
    facts.push({ kind: "station", value: bare });
  if (facts.length === 0) return [];
  const playbook = q.playbook ? turn.deps.registry.get(q.playbook) : undefined;
  const kept = mergeEvidence(factsByItem(facts, playbook), q.evidence ?? {});
  turn.state = {
    ...turn.state,
    question: { ...q, evidence: { ...(q.evidence ?? {}), ...evidenceEntries(turn, kept) } },
  };
  record(turn, "step", {
    ...(playbook ? { playbook: playbook.id } : {}),
    action: "evidence",
    data: { evidence: Object.keys(kept), via: "question" },
  });
  return facts.map(factInWords);
}
