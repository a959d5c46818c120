import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  formatLintReport,
  type LintProblem,
  lintPlaybooks,
  normaliseFaultCode,
  normaliseTrigger,
} from "../../src/playbooks/lint-playbooks.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";
import type { Playbook } from "../../src/playbooks/playbook-schema.ts";

const valid = path.resolve(import.meta.dirname, "../fixtures/playbooks/valid");

/** A fresh copy of the valid fixtures, so each test changes only what it names. */
function fixturePlaybooks(): Playbook[] {
  return structuredClone(loadPlaybooks(valid).playbooks);
}
const lint = (playbooks: Playbook[]) => lintPlaybooks(playbooks.map((p) => ({ file: `${p.id}.yaml`, playbook: p })));

describe("normalisers", () => {
  it("compares fault codes without case, spaces, hyphens or underscores", () => {
    expect(["303-RSC", "303rsc", "303 rsc", "303_Rsc"].map(normaliseFaultCode)).toEqual(Array(4).fill("303RSC"));
  });

  it("compares trigger phrases without case, punctuation or extra spaces", () => {
    expect(normaliseTrigger("  Relay, stuck-CLOSED!! ")).toBe("relay stuck closed");
    expect(normaliseTrigger("RFID")).not.toBe(normaliseTrigger("RF ID"));
  });
});

describe("lintPlaybooks", () => {
  it("rejects a choice inside a branch, naming the branch step and where to move it", () => {
    const [alpha] = fixturePlaybooks();
    alpha!.branches[0]!.steps[0]!.choice = {
      prompt: "Again?",
      options: [
        { label: "Yes", branch: "fault-cleared" },
        { label: "No", branch: "fault-persists" },
      ],
    };
    const problems = lint([alpha!]);
    expect(problems).toEqual([expect.objectContaining({ file: "alpha.yaml", path: "branches[0].steps[0].choice" })]);
    expect(problems[0]!.fix).toMatch(/troubleshooting or solution step/);
  });

  it("finds nothing in the valid fixtures", () => {
    expect(lint(fixturePlaybooks())).toEqual([]);
  });

  it("catches a fault code alias claimed by another playbook, in any spelling", () => {
    const [alpha, beta] = fixturePlaybooks();
    beta!.errorLogs!.faultCodes![0]!.aliases = ["a-b"];
    expect(lint([alpha!, beta!])).toEqual([
      expect.objectContaining({ file: "beta.yaml", path: "errorLogs.faultCodes[0].aliases[0]" }),
    ]);
  });

  it("does not report a phrase or keyword repeated inside one playbook", () => {
    const [alpha, beta] = fixturePlaybooks();
    alpha!.triggers.phrases.push("Alpha fault, on the port");
    alpha!.triggers.keywords.push("ALPHA");
    expect(lint([alpha!, beta!])).toEqual([]);
  });

  it("catches empty lists, markup-only notes, reversed waits, ragged tables and repeated ids", () => {
    const [alpha] = fixturePlaybooks();
    alpha!.solution[0]!.substeps = [];
    alpha!.solution[0]!.notes = ["—"];
    alpha!.solution[0]!.wait = { minMinutes: 5, maxMinutes: 3 };
    alpha!.reference = [{ id: "t", title: "T", columns: ["a", "b"], rows: [["1", "2"], ["3"]] }];
    alpha!.escalation.evidence.push({ id: "station-id", label: "Again", required: true });
    alpha!.branches.push({ ...alpha!.branches[0]!, steps: [{ id: "other", text: "Other." }] });
    expect(lint([alpha!]).map((p) => p.path)).toEqual([
      "branches[2].id",
      "solution[0].substeps",
      "solution[0].notes[0]",
      "solution[0].wait",
      "reference[0].rows[1]",
      "escalation.evidence[1].id",
    ]);
  });
});

describe("formatLintReport", () => {
  const problems: LintProblem[] = [
    { file: "a.yaml", path: "id", message: "first problem", fix: "do this", line: 1 },
    { file: "b.yaml", path: "", message: "file problem.", fix: "do that." },
    { file: "a.yaml", path: "line 3, column 2", message: "YAML syntax error", fix: "fix it", line: 3 },
  ];

  it("groups by file and ends with a count", () => {
    expect(formatLintReport(problems)).toBe(
      [
        "a.yaml",
        "  a.yaml:id (line 1) — first problem. Fix: do this.",
        "  a.yaml:line 3, column 2 — YAML syntax error. Fix: fix it.",
        "",
        "b.yaml",
        "  b.yaml — file problem. Fix: do that.",
        "",
        "3 problems in 2 files.",
      ].join("\n"),
    );
  });

  it("says when there is nothing to report", () => {
    expect(formatLintReport([])).toBe("No problems.");
  });
});
