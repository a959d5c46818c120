import { analyseText } from "../matcher/analyse-text.ts";
import type { AnalyticsEvent } from "../store/store.ts";
import { groupQuestions, type InboxQuestion, type QuestionGroup } from "./group-questions.ts";
import { maskPersonalData } from "./mask-personal-data.ts";
import { type Proposal, type ProposalContext, proposeChange } from "./propose-change.ts";

export interface Suggestion {
  group: QuestionGroup;
  proposal: Proposal;
}

/** Below this confidence a match or did-you-mean is an inbox question: the triggers barely cover its words. */
export const defaultLowConfidence = 0.6;
const unmatchedTypes = new Set(["abstain", "unknown-code", "out-of-scope"]);

/**
 * The unmatched inbox: questions nothing matched, those outside the guide, and those matched with low
 * confidence, grouped by what they share, each group with a proposal the author reviews. Reads only
 * what it is given; it never edits a playbook.
 */
export function suggest(
  events: readonly AnalyticsEvent[],
  ctx: ProposalContext,
  lowConfidence = defaultLowConfidence,
): Suggestion[] {
  const questions = inboxQuestions(events, lowConfidence);
  const termsOf = (text: string) => analyseText(text).terms;
  const all = groupQuestions(questions, termsOf).map((group) => ({ group, proposal: proposeChange(group, ctx) }));
  // Chatter and mashes go last: the author reads the groups that need work first.
  const chatter = (s: Suggestion) => (s.proposal.kind === "not-a-question" ? 1 : 0);
  return all.sort((a, b) => chatter(a) - chatter(b));
}

/** Distinct inbox questions (case and spacing aside), with how often each was asked; personal data masked. */
export function inboxQuestions(events: readonly AnalyticsEvent[], lowConfidence: number): InboxQuestion[] {
  const byKey = new Map<string, InboxQuestion>();
  for (const e of events) {
    const weak =
      (e.type === "match" || e.type === "ambiguous") && e.confidence !== undefined && e.confidence < lowConfidence;
    if (!unmatchedTypes.has(e.type) && !weak) continue;
    const text = maskPersonalData(e.text?.trim() ?? "");
    if (!text) continue;
    const key = text.toLowerCase().replace(/\s+/g, " ");
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, {
        text,
        kind: e.type,
        count: 1,
        lastAt: e.at,
        ...(e.playbook ? { bestGuess: e.playbook } : {}),
        ...(e.confidence !== undefined ? { confidence: e.confidence } : {}),
      });
      continue;
    }
    seen.count++;
    if (e.at >= seen.lastAt) seen.lastAt = e.at;
  }
  return [...byKey.values()];
}
