import type { AnalyticsEvent } from "../store/store.ts";
import { lowConfidenceQuestions, type QuestionEntry, unmatchedQuestions } from "./question-lists.ts";
import { walkthroughFunnel } from "./walkthrough-funnel.ts";

export type { QuestionEntry } from "./question-lists.ts";

/** Matches below this confidence are listed for playbook authors unless the caller says otherwise. */
export const defaultLowConfidence = 0.6;

/** Row key for escalations and walkthroughs that have no playbook (an unmatched question escalated). */
export const noPlaybook = "(none)";

export interface ReportOptions {
  /** Inclusive ISO time or date; events before it are ignored. */
  since?: string;
  /** Exclusive ISO time or date. */
  until?: string;
  lowConfidence?: number;
}

export interface PlaybookStats {
  playbook: string;
  /** Questions the matcher answered with this playbook (match events). */
  questions: number;
  walkthroughsStarted: number;
  walkthroughsCompleted: number;
  /** completed / started, null when none started. */
  completionRate: number | null;
  /** The step most unfinished walkthroughs last reached, with how many stopped there. */
  dropOff: { step: string; count: number } | null;
  resolved: number;
  notResolved: number;
  /** "Did this help?": first answers and walkthrough ends that helped (fixed) or did not (notFixed). */
  feedback: Feedback;
  escalations: number;
  /** escalations / walkthroughs started; when none started, escalations / questions; null when both are 0. */
  escalationRate: number | null;
}

export interface Feedback {
  fixed: number;
  notFixed: number;
  /** Per step the feedback was given at (first-answer feedback during a walkthrough, walkthrough ends: "end"). */
  byStep: Record<string, { fixed: number; notFixed: number }>;
  /** Per fault code the playbook was asked with. */
  byFaultCode: Record<string, { fixed: number; notFixed: number }>;
}

export interface Report {
  since?: string;
  until?: string;
  lowConfidence: number;
  /** Events the report is built from, and the time span they cover. */
  events: number;
  firstAt?: string;
  lastAt?: string;
  totals: {
    questions: number;
    matched: number;
    ambiguous: number;
    unmatched: number;
    lowConfidence: number;
    walkthroughsStarted: number;
    walkthroughsCompleted: number;
    completionRate: number | null;
    resolved: number;
    notResolved: number;
    feedback: Feedback;
    escalations: number;
    escalationRate: number | null;
  };
  /** Most asked first. */
  playbooks: PlaybookStats[];
  /** Abstentions and unknown fault codes: the list playbook authors need to add triggers. */
  unmatched: QuestionEntry[];
  /** Matches and did-you-means below `lowConfidence`. */
  lowConfidenceQuestions: QuestionEntry[];
}

/**
 * Pure summary of analytics events for playbook authors. An "escalation" event counts as a new
 * escalation only when its action is "open" (or absent); the engine also records lifecycle changes
 * (claimed, resolved, …) under the same type, and those must not inflate the rate.
 */
export function buildReport(all: AnalyticsEvent[], options: ReportOptions = {}): Report {
  const threshold = options.lowConfidence ?? defaultLowConfidence;
  // Stored times are canonical UTC ISO strings, so bounds must be too for string comparison to hold.
  const since = canonical(options.since);
  const until = canonical(options.until);
  // Audit records (src/audit) share the event log but are not analytics: they would count every turn twice.
  const events = all
    .filter((e) => e.type !== "audit")
    .filter((e) => (since === undefined || e.at >= since) && (until === undefined || e.at < until))
    .sort((a, b) => a.at.localeCompare(b.at));

  const rows = new Map<string, PlaybookStats>();
  const row = (playbook: string | undefined): PlaybookStats => {
    const name = playbook || noPlaybook;
    let stats = rows.get(name);
    if (!stats) {
      stats = emptyStats(name);
      rows.set(name, stats);
    }
    return stats;
  };
  for (const event of events) {
    if (event.type === "match") row(event.playbook).questions++;
    else if (event.type === "resolved") row(event.playbook).resolved++;
    else if (event.type === "not-resolved") row(event.playbook).notResolved++;
    if (event.type === "feedback" || event.type === "resolved" || event.type === "not-resolved") {
      countFeedback(row(event.playbook).feedback, event);
    } else if (isNewEscalation(event)) row(event.playbook).escalations++;
  }
  for (const [playbook, funnel] of walkthroughFunnel(events)) {
    const stats = row(playbook);
    stats.walkthroughsStarted = funnel.started;
    stats.walkthroughsCompleted = funnel.completed;
    stats.dropOff = funnel.dropOff;
  }
  for (const stats of rows.values()) {
    stats.completionRate = ratio(stats.walkthroughsCompleted, stats.walkthroughsStarted);
    stats.escalationRate = escalationRate(stats);
  }
  const playbooks = [...rows.values()].sort(
    (a, b) =>
      b.questions - a.questions ||
      b.walkthroughsStarted - a.walkthroughsStarted ||
      a.playbook.localeCompare(b.playbook),
  );

  const unmatched = unmatchedQuestions(events);
  const lowConfidence = lowConfidenceQuestions(events, threshold);
  const sum = (pick: (s: PlaybookStats) => number) => playbooks.reduce((n, s) => n + pick(s), 0);
  const totals = {
    questions: events.filter((e) => e.type === "question").length,
    matched: sum((s) => s.questions),
    ambiguous: events.filter((e) => e.type === "ambiguous").length,
    unmatched: unmatched.reduce((n, q) => n + q.count, 0),
    lowConfidence: lowConfidence.reduce((n, q) => n + q.count, 0),
    walkthroughsStarted: sum((s) => s.walkthroughsStarted),
    walkthroughsCompleted: sum((s) => s.walkthroughsCompleted),
    completionRate: ratio(
      sum((s) => s.walkthroughsCompleted),
      sum((s) => s.walkthroughsStarted),
    ),
    resolved: sum((s) => s.resolved),
    notResolved: sum((s) => s.notResolved),
    feedback: playbooks.reduce((all, s) => mergeFeedback(all, s.feedback), emptyFeedback()),
    escalations: sum((s) => s.escalations),
    escalationRate: null as number | null,
  };
  totals.escalationRate = escalationRate({
    escalations: totals.escalations,
    walkthroughsStarted: totals.walkthroughsStarted,
    questions: Math.max(totals.questions, totals.matched),
  });

  return {
    ...(since !== undefined ? { since } : {}),
    ...(until !== undefined ? { until } : {}),
    lowConfidence: threshold,
    events: events.length,
    ...(events.length > 0 ? { firstAt: events[0]?.at, lastAt: events.at(-1)?.at } : {}),
    totals,
    playbooks,
    unmatched,
    lowConfidenceQuestions: lowConfidence,
  };
}

function canonical(time: string | undefined): string | undefined {
  if (time === undefined) return undefined;
  const ms = Date.parse(time);
  return Number.isNaN(ms) ? time : new Date(ms).toISOString();
}

function isNewEscalation(event: AnalyticsEvent): boolean {
  return event.type === "escalation" && (event.action === undefined || event.action === "open");
}

function escalationRate(s: Pick<PlaybookStats, "escalations" | "walkthroughsStarted" | "questions">): number | null {
  return s.walkthroughsStarted > 0 ? ratio(s.escalations, s.walkthroughsStarted) : ratio(s.escalations, s.questions);
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function emptyStats(playbook: string): PlaybookStats {
  return {
    playbook,
    questions: 0,
    walkthroughsStarted: 0,
    walkthroughsCompleted: 0,
    completionRate: null,
    dropOff: null,
    resolved: 0,
    notResolved: 0,
    feedback: emptyFeedback(),
    escalations: 0,
    escalationRate: null,
  };
}

function emptyFeedback(): Feedback {
  return { fixed: 0, notFixed: 0, byStep: {}, byFaultCode: {} };
}

/**
 * A walkthrough's end ("Did that fix it?") and a first answer's "Did this help?" are the same signal:
 * both count, the first at the step "end", the second at the step the thread stood on (if any).
 */
function countFeedback(into: Feedback, event: AnalyticsEvent): void {
  const helped = event.type === "resolved" || (event.type === "feedback" && event.action === "fixed");
  const key = helped ? "fixed" : "notFixed";
  into[key]++;
  const step = event.type === "feedback" ? event.step : "end";
  if (step) tally(into.byStep, step)[key]++;
  const code = (event.data as { faultCode?: unknown } | undefined)?.faultCode;
  if (typeof code === "string") tally(into.byFaultCode, code)[key]++;
}

/** The counter under `key`, created at zero the first time. */
function tally(counts: Feedback["byStep"], key: string): { fixed: number; notFixed: number } {
  const slot = counts[key] ?? { fixed: 0, notFixed: 0 };
  counts[key] = slot;
  return slot;
}

function mergeFeedback(a: Feedback, b: Feedback): Feedback {
  const add = (x: Record<string, { fixed: number; notFixed: number }>, y: typeof x) => {
    const out = structuredClone(x);
    for (const [k, v] of Object.entries(y)) {
      const slot = tally(out, k);
      slot.fixed += v.fixed;
      slot.notFixed += v.notFixed;
    }
    return out;
  };
  return {
    fixed: a.fixed + b.fixed,
    notFixed: a.notFixed + b.notFixed,
    byStep: add(a.byStep, b.byStep),
    byFaultCode: add(a.byFaultCode, b.byFaultCode),
  };
}
