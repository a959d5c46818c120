import type { AnalyticsEvent, EscalationRecord } from "../store/store.ts";
import { buildReport, type QuestionEntry } from "./build-report.ts";

/** One step of a playbook's walkthrough funnel. */
export interface FunnelStep {
  step: string;
  /** Walkthroughs that acted on this step. */
  reached: number;
  /** Unfinished walkthroughs whose last step this was. */
  stopped: number;
  /** Escalations opened while the thread's walkthrough stood at this step. */
  escalated: number;
}

export interface PlaybookFunnel {
  playbook: string;
  started: number;
  completed: number;
  /** "Did that fix it?" answers: whether the walkthrough helped. */
  resolved: number;
  notResolved: number;
  steps: FunnelStep[];
}

export interface Durations {
  count: number;
  medianMinutes: number | null;
  meanMinutes: number | null;
}

/** Everything the console's Analytics page draws, computed from the store's events and escalations. */
export interface ChartData {
  perDay: { day: string; questions: number }[];
  outcomes: { matched: number; didYouMean: number; unmatched: number };
  topPlaybooks: { playbook: string; questions: number }[];
  unmatched: QuestionEntry[];
  funnels: PlaybookFunnel[];
  escalationRate: { overall: number | null; byPlaybook: { playbook: string; rate: number | null }[] };
  timeToClaim: Durations;
  timeToResolve: Durations;
  escalationsByStatus: Record<EscalationRecord["status"], number>;
}

interface Run {
  playbook: string;
  steps: string[];
  completed: boolean;
}

/** Walkthrough runs per thread, as walkthroughFunnel reads them, plus where each escalation was opened. */
function runsOf(events: AnalyticsEvent[]): { runs: Run[]; escalatedAt: Map<string, Map<string, number>> } {
  const current = new Map<string, Run>();
  const runs: Run[] = [];
  const escalatedAt = new Map<string, Map<string, number>>();
  for (const e of events) {
    const thread = e.conversation ?? "";
    if (e.type === "walkthrough-start") {
      const run: Run = { playbook: e.playbook ?? "", steps: [], completed: false };
      current.set(thread, run);
      runs.push(run);
      continue;
    }
    const run = current.get(thread);
    if (e.type === "escalation" && (e.action === undefined || e.action === "open") && run) {
      const step = run.steps.at(-1) ?? "(before the first step)";
      const byStep = escalatedAt.get(run.playbook) ?? new Map<string, number>();
      byStep.set(step, (byStep.get(step) ?? 0) + 1);
      escalatedAt.set(run.playbook, byStep);
    }
    if (!run || (e.playbook !== undefined && e.playbook !== run.playbook)) continue;
    if (e.type === "step" && e.step && !run.steps.includes(e.step)) run.steps.push(e.step);
    if (e.type === "walkthrough-complete") run.completed = true;
  }
  return { runs, escalatedAt };
}

function funnels(events: AnalyticsEvent[], stepOrder: ReadonlyMap<string, readonly string[]>): PlaybookFunnel[] {
  const { runs, escalatedAt } = runsOf(events);
  const byPlaybook = new Map<string, PlaybookFunnel & { index: Map<string, FunnelStep> }>();
  const funnelOf = (playbook: string) => {
    let f = byPlaybook.get(playbook);
    if (!f) {
      f = { playbook, started: 0, completed: 0, resolved: 0, notResolved: 0, steps: [], index: new Map() };
      for (const step of stepOrder.get(playbook) ?? []) {
        const s = { step, reached: 0, stopped: 0, escalated: 0 };
        f.steps.push(s);
        f.index.set(step, s);
      }
      byPlaybook.set(playbook, f);
    }
    return f;
  };
  const stepOf = (f: ReturnType<typeof funnelOf>, step: string) => {
    let s = f.index.get(step);
    if (!s) {
      s = { step, reached: 0, stopped: 0, escalated: 0 };
      f.steps.push(s);
      f.index.set(step, s);
    }
    return s;
  };
  for (const run of runs) {
    const f = funnelOf(run.playbook);
    f.started++;
    if (run.completed) f.completed++;
    for (const step of run.steps) stepOf(f, step).reached++;
    const last = run.steps.at(-1);
    if (!run.completed && last) stepOf(f, last).stopped++;
  }
  for (const [playbook, steps] of escalatedAt) {
    const f = funnelOf(playbook);
    for (const [step, n] of steps) stepOf(f, step).escalated += n;
  }
  for (const e of events) {
    if (e.type !== "resolved" && e.type !== "not-resolved") continue;
    const f = funnelOf(e.playbook ?? "");
    if (e.type === "resolved") f.resolved++;
    else f.notResolved++;
  }
  return [...byPlaybook.values()]
    .filter((f) => f.started > 0)
    .sort((a, b) => b.started - a.started || a.playbook.localeCompare(b.playbook))
    .map(({ index: _index, ...f }) => ({
      ...f,
      steps: f.steps.filter((s) => s.reached + s.stopped + s.escalated > 0),
    }));
}

function durations(minutes: number[]): Durations {
  if (minutes.length === 0) return { count: 0, medianMinutes: null, meanMinutes: null };
  const sorted = [...minutes].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    count: sorted.length,
    medianMinutes: median,
    meanMinutes: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

/** Minutes from creation to the first move into `status`, for the escalations that got there. */
function minutesTo(escalations: readonly EscalationRecord[], status: "claimed" | "resolved"): number[] {
  return escalations.flatMap((e) => {
    const entry = e.history.find((h) => h.to === status && h.from !== null);
    return entry ? [(Date.parse(entry.at) - Date.parse(e.createdAt)) / 60_000] : [];
  });
}

/**
 * Pure: the analytics charts' numbers. Days are UTC dates of "question" events; the outcomes, top
 * playbooks, unmatched list and escalation rates come from buildReport, so the console and
 * `cpbot report` never disagree. `stepOrder` lists each playbook's steps in reading order.
 */
export function chartData(
  events: AnalyticsEvent[],
  escalations: readonly EscalationRecord[],
  stepOrder: ReadonlyMap<string, readonly string[]> = new Map(),
): ChartData {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const report = buildReport(sorted);
  const days = new Map<string, number>();
  for (const e of sorted)
    if (e.type === "question") days.set(e.at.slice(0, 10), (days.get(e.at.slice(0, 10)) ?? 0) + 1);
  const byStatus: ChartData["escalationsByStatus"] = { open: 0, claimed: 0, "need-info": 0, resolved: 0 };
  for (const e of escalations) byStatus[e.status]++;
  const withPlaybook = report.playbooks.filter((p) => p.playbook !== "(none)");
  return {
    perDay: [...days].map(([day, questions]) => ({ day, questions })),
    outcomes: {
      matched: report.totals.matched,
      didYouMean: report.totals.ambiguous,
      unmatched: report.totals.unmatched,
    },
    topPlaybooks: withPlaybook
      .filter((p) => p.questions > 0)
      .slice(0, 10)
      .map((p) => ({ playbook: p.playbook, questions: p.questions })),
    unmatched: report.unmatched,
    funnels: funnels(sorted, stepOrder),
    escalationRate: {
      overall: report.totals.escalationRate,
      byPlaybook: report.playbooks
        .filter((p) => p.escalations > 0 || p.walkthroughsStarted > 0)
        .map((p) => ({ playbook: p.playbook, rate: p.escalationRate })),
    },
    timeToClaim: durations(minutesTo(escalations, "claimed")),
    timeToResolve: durations(minutesTo(escalations, "resolved")),
    escalationsByStatus: byStatus,
  };
}
