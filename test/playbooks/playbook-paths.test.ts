import { describe, expect, it } from "vitest";
import type { Walkthrough } from "../../src/engine/session-state.ts";
import { currentStep, type NavAction, navigate, pathOf, startWalkthrough } from "../../src/engine/walkthrough.ts";
import { loadRegistry } from "../../src/playbooks/playbook-registry.ts";
import type { Playbook, Step } from "../../src/playbooks/playbook-schema.ts";

const who = { id: "U-GRAPH", name: "Graph" };
const at = "2025-03-04T09:00:00.000Z";
const playbooks = loadRegistry().all();

interface Path {
  steps: string[];
  end: Walkthrough;
}

/**
 * Every path through a playbook's graph, depth-first: Done on a plain step (Skip moves the same way, so
 * it is tried only where it could differ: on a stop and on a choice), Skip and each option on a choice.
 * Bounded: a path longer than all steps twice over is a loop and fails the test.
 */
function allPaths(playbook: Playbook): Path[] {
  const limit =
    2 * (playbook.troubleshooting.length + playbook.solution.length + playbook.branches.flatMap((b) => b.steps).length);
  const paths: Path[] = [];
  const walk = (w: Walkthrough, steps: string[], stopped: Step | undefined) => {
    const step = currentStep(playbook, w);
    if (!step) {
      paths.push({ steps, end: w });
      return;
    }
    // The property under test: once a stop step was passed, no step may follow it.
    if (stopped)
      throw new Error(`${playbook.id}: "${step.id}" follows the stop "${stopped.id}" on ${steps.join(" > ")}`);
    if (steps.length > limit) throw new Error(`${playbook.id}: a path loops: ${steps.join(" > ")}`);
    const moves: NavAction[] = step.choice
      ? [{ kind: "skip" }, ...step.choice.options.map((o) => ({ kind: "choose" as const, branch: o.branch }))]
      : step.stop
        ? [{ kind: "done" }, { kind: "skip" }]
        : [{ kind: "done" }];
    for (const move of moves) {
      const next = navigate(playbook, w, move, who, at).walkthrough;
      walk(next, [...steps, step.id], step.stop ? step : undefined);
    }
  };
  walk(startWalkthrough(playbook, "w-graph", who, at), [], undefined);
  return paths;
}

const stopWords = /\bstop here\b|\bend the walkthrough\b/i;

describe.each(playbooks.map((p) => [p.id, p] as const))("paths through %s", (_id, playbook) => {
  const paths = allPaths(playbook);

  it("every path ends, and none continues past a stop", () => {
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path.end.status).toBe("awaiting-outcome");
  });

  it("every step that says to stop is a stop", () => {
    const all = [...playbook.troubleshooting, ...playbook.solution, ...playbook.branches.flatMap((b) => b.steps)];
    const saysStop = all.filter((s) => stopWords.test(s.text)).map((s) => s.id);
    expect(saysStop.filter((id) => !all.find((s) => s.id === id)?.stop)).toEqual([]);
  });

  it("a path that ends on a stop counts its progress up to that stop", () => {
    const stops = new Set(
      [...playbook.troubleshooting, ...playbook.solution, ...playbook.branches.flatMap((b) => b.steps)]
        .filter((s) => s.stop)
        .map((s) => s.id),
    );
    for (const path of paths) {
      const last = path.steps.at(-1);
      if (last && stops.has(last)) expect(pathOf(playbook, path.end).at(-1)?.step.id).toBe(last);
    }
  });

  it("every step is on some path", () => {
    const seen = new Set(paths.flatMap((p) => p.steps));
    const all = [...playbook.troubleshooting, ...playbook.solution, ...playbook.branches.flatMap((b) => b.steps)];
    expect(all.map((s) => s.id).filter((id) => !seen.has(id))).toEqual([]);
  });
});
