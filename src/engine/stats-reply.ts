import { buildReport, noPlaybook } from "../analytics/build-report.ts";
import { statsCard } from "../render/stats-card.ts";
import type { Turn, TurnReply } from "./turn.ts";

/** `/cp stats [since DATE]`: the analytics report for playbook authors, as a card. */
export async function statsReply(turn: Turn, since?: string): Promise<TurnReply> {
  const { store, registry, config } = turn.deps;
  const stored = await store.listEvents(since ? { since } : {});
  // Unmatched questions are quoted word for word, from every channel: Support's to read; others see their own.
  const events = turn.role === "responder" ? stored : stored.filter((e) => e.user === turn.by.id);
  const report = buildReport(events, {
    ...(since ? { since } : {}),
    lowConfidence: config.lowConfidence,
  });
  const title = (id: string | undefined) =>
    !id || id === noPlaybook ? "(no playbook)" : (registry.get(id)?.title ?? id);
  return {
    cards: [
      statsCard({
        period: since ? `since ${since}` : report.firstAt ? `since ${report.firstAt.slice(0, 10)}` : "all time",
        questions: report.totals.questions,
        perPlaybook: report.playbooks.map((p) => ({
          title: title(p.playbook),
          questions: p.questions,
          walkthroughsStarted: p.walkthroughsStarted,
          walkthroughsCompleted: p.walkthroughsCompleted,
          escalations: p.escalations,
        })),
        unmatched: report.unmatched.map((q) => ({ query: q.text, count: q.count })),
        lowConfidence: report.lowConfidenceQuestions.map((q) => ({
          query: q.text,
          playbook: title(q.bestGuess),
          confidence: q.confidence ?? 0,
        })),
        dropOff: report.playbooks.flatMap((p) =>
          p.dropOff ? [{ playbook: title(p.playbook), step: p.dropOff.step, count: p.dropOff.count }] : [],
        ),
      }),
    ],
  };
}
