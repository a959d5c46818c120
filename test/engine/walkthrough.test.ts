import { describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import type { Walkthrough } from "../../src/engine/session-state.ts";
import { currentStep, navigate, pathOf, startWalkthrough } from "../../src/engine/walkthrough.ts";
import { loadRegistry } from "../../src/playbooks/playbook-registry.ts";

const playbook = loadRegistry().get("relay-stuck-closed")!;
const ann = { id: "U1", name: "Ann" };
const at = "2025-03-04T09:00:00.000Z";

function walk(w: Walkthrough, ...moves: Parameters<typeof navigate>[2][]): Walkthrough {
  return moves.reduce((acc, move) => navigate(playbook, acc, move, ann, at).walkthrough, w);
}

const start = () => startWalkthrough(playbook, "w1", ann, at);
const mainCount = playbook.troubleshooting.length + playbook.solution.length;
const toChoice = (w: Walkthrough) =>
  walk(w, ...Array.from({ length: mainCount - 1 }, () => ({ kind: "done" as const })));

describe("walkthrough state machine", () => {
  it("starts on the first troubleshooting step", () => {
    const w = start();
    expect(currentStep(playbook, w)?.id).toBe(playbook.troubleshooting[0]?.id);
    expect(w.status).toBe("active");
    expect(w.version).toBe(playbook.version);
  });

  it("goes through troubleshooting into the solution, recording who did what", () => {
    const w = walk(start(), { kind: "done" }, { kind: "skip" });
    expect(w.steps["log-in"]).toEqual({ status: "done", by: ann, at });
    expect(w.steps["open-stations"]?.status).toBe("skipped");
    expect(currentStep(playbook, w)?.id).toBe("find-station");
    const later = walk(w, { kind: "done" }, { kind: "done" }, { kind: "done" });
    expect(currentStep(playbook, later)?.id).toBe("pull-status");
  });

  it("refuses Done on a choice step and names the options", () => {
    const w = toChoice(start());
    expect(currentStep(playbook, w)?.id).toBe("recheck-status");
    expect(() => navigate(playbook, w, { kind: "done" }, ann, at)).toThrow(
      /Cleared \(Available\).*Still OUT_OF_SERVICE/,
    );
    expect(() => navigate(playbook, w, { kind: "choose", branch: "nope" }, ann, at)).toThrow(BotError);
  });

  it("enters the chosen branch and ends after it when the choice was the last step", () => {
    const w = walk(toChoice(start()), { kind: "choose", branch: "fault-persists" });
    expect(w.branch).toBe("fault-persists");
    expect(currentStep(playbook, w)?.id).toBe("replace-head");
    expect(w.steps["recheck-status"]).toMatchObject({ status: "done", branch: "fault-persists" });
    const end = navigate(playbook, w, { kind: "done" }, ann, at);
    expect(end.outcome).toBe("ended");
    // The guide says "consider station head replacement" here, not "contact Support".
    expect(end.step.escalate).toBeUndefined();
    expect(end.step.replacement).toBe("station head replacement");
    expect(end.walkthrough.status).toBe("awaiting-outcome");
    expect(end.walkthrough.cursor).toBeUndefined();
    expect(
      pathOf(playbook, w)
        .map((p) => p.step.id)
        .slice(-2),
    ).toEqual(["recheck-status", "replace-head"]);
  });

  it("Back out of a branch undoes the choice", () => {
    const inBranch = walk(toChoice(start()), { kind: "choose", branch: "fault-cleared" });
    const back = walk(inBranch, { kind: "back" });
    expect(currentStep(playbook, back)?.id).toBe("recheck-status");
    expect(back.branch).toBeUndefined();
  });

  it("Back on the first step is refused", () => {
    expect(() => navigate(playbook, start(), { kind: "back" }, ann, at)).toThrow(/first step/);
  });

  it("keeps an input as evidence for the ids it fills", () => {
    const w = walk(
      start(),
      ...Array.from({ length: playbook.troubleshooting.length }, () => ({ kind: "done" as const })),
    );
    const record = { step: "pull-status", label: "Paste", text: "1,J1772", by: ann, at, verdict: "problem" as const };
    const next = navigate(playbook, w, { kind: "input", record, evidence: ["latest-status"] }, ann, at);
    expect(next.outcome).toBe("stayed");
    expect(next.walkthrough.inputs["pull-status"]?.text).toBe("1,J1772");
    expect(next.walkthrough.evidence["latest-status"]).toEqual({
      value: "1,J1772",
      source: "pull-status",
      by: ann,
      at,
    });
  });

  it("a changed playbook leaves a cursor that no longer fits without a current step", () => {
    const w = start();
    const edited = { ...playbook, troubleshooting: playbook.troubleshooting.slice(1) };
    expect(currentStep(edited, w)).toBeUndefined();
    expect(() => navigate(edited, w, { kind: "done" }, ann, at)).toThrow(/no current step/);
  });

  it("pathOf follows the branch picked at each of two choices", () => {
    const firmware = loadRegistry().get("firmware-upgrade")!;
    const main = [...firmware.troubleshooting, ...firmware.solution];
    const choices = main.filter((s) => s.choice);
    expect(choices.length).toBeGreaterThanOrEqual(2);
    const picks = choices.map((s) => s.choice!.options.at(-1)!.branch);
    const w = startWalkthrough(firmware, "w2", ann, at);
    const steps = Object.fromEntries(
      choices.map((s, i) => [s.id, { status: "done" as const, by: ann, at, branch: picks[i] }]),
    );
    const path = pathOf(firmware, { ...w, steps, branch: picks.at(-1)! });
    const branchesShown = [...new Set(path.flatMap((p) => (p.branch ? [p.branch] : [])))];
    expect(branchesShown).toEqual(picks);
  });
});
