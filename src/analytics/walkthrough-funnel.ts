import type { AnalyticsEvent } from "../store/store.ts";

/** Walkthrough numbers for one playbook. */
export interface Funnel {
  started: number;
  completed: number;
  /** Started but no walkthrough-complete (abandoned, replaced by a new walkthrough, or still going). */
  unfinished: number;
  /** The step most unfinished walkthroughs last acted on; null when none is unfinished. */
  dropOff: { step: string; count: number } | null;
}

/** Shown as the drop-off step of walkthroughs that ended before anyone acted on a step. */
export const beforeFirstStep = "(before the first step)";

interface Run {
  playbook: string;
  lastStep?: string;
  completed: boolean;
}

/**
 * Follows each thread's walkthroughs through its events (sorted by time). A thread holds one walkthrough
 * at a time: a new walkthrough-start ends the previous one where it stood. Step and completion events
 * with no start in the window belong to walkthroughs started before it and are left out, so started ≥
 * completed always holds for a `--since` window.
 */
export function walkthroughFunnel(events: AnalyticsEvent[]): Map<string, Funnel> {
  const current = new Map<string, Run>();
  const runs: Run[] = [];
  for (const event of events) {
    const thread = event.conversation ?? "";
    if (event.type === "walkthrough-start") {
      const run: Run = { playbook: event.playbook ?? "", completed: false };
      current.set(thread, run);
      runs.push(run);
      continue;
    }
    const run = current.get(thread);
    if (!run || (event.playbook !== undefined && event.playbook !== run.playbook)) continue;
    if (event.type === "step" && event.step) run.lastStep = event.step;
    if (event.type === "walkthrough-complete") run.completed = true;
  }

  const funnels = new Map<string, Funnel & { stops: Map<string, number> }>();
  for (const run of runs) {
    let funnel = funnels.get(run.playbook);
    if (!funnel) {
      funnel = { started: 0, completed: 0, unfinished: 0, dropOff: null, stops: new Map() };
      funnels.set(run.playbook, funnel);
    }
    funnel.started++;
    if (run.completed) {
      funnel.completed++;
      continue;
    }
    funnel.unfinished++;
    const step = run.lastStep ?? beforeFirstStep;
    funnel.stops.set(step, (funnel.stops.get(step) ?? 0) + 1);
  }

  const result = new Map<string, Funnel>();
  for (const [playbook, { stops, ...funnel }] of funnels) {
    // Ties go to the step first reached, which is the earlier step in the playbook for most threads.
    let dropOff: Funnel["dropOff"] = null;
    for (const [step, count] of stops) if (!dropOff || count > dropOff.count) dropOff = { step, count };
    result.set(playbook, { ...funnel, dropOff });
  }
  return result;
}
