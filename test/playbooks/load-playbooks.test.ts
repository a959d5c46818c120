import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { LintProblem } from "../../src/playbooks/lint-playbooks.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/playbooks");
const fixture = (name: string) => path.join(fixtures, name);

/** The one problem a defective fixture must produce, found by file and path. */
function only(problems: LintProblem[], file: string, at: string): LintProblem {
  const hits = problems.filter((p) => path.basename(p.file) === file && p.path === at);
  expect(hits, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return hits[0]!;
}

describe("loadPlaybooks", () => {
  it("loads a valid directory in file-name order with no problems", () => {
    const { playbooks, problems } = loadPlaybooks(fixture("valid"));
    expect(problems).toEqual([]);
    expect(playbooks.map((p) => p.id)).toEqual(["alpha", "beta"]);
    // Defaults from the schema are applied to what the author left out.
    expect(playbooks[1]?.branches).toEqual([]);
    expect(playbooks[1]?.escalation.evidence).toEqual([]);
  });

  it("reports a YAML syntax error with its line and column, and skips that file", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "cpbot-bad-yaml-"));
    copyFileSync(path.join(fixture("valid"), "beta.yaml"), path.join(dir, "beta.yaml"));
    const alpha = readFileSync(path.join(fixture("valid"), "alpha.yaml"), "utf8");
    // Line 20 is under `- id: reboot` (line 18); a key indented one space short breaks the mapping.
    const broken = alpha.replace("    notes:\n", "   notes: [unclosed\n    notes:\n");
    writeFileSync(path.join(dir, "alpha.yaml"), broken);
    const { playbooks, problems } = loadPlaybooks(dir);
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(path.basename(problem!.file)).toBe("alpha.yaml");
    expect(problem!.path).toMatch(/^line 20, column \d+$/);
    expect(problem!.line).toBe(20);
    expect(problem!.message).toMatch(/^YAML syntax error/);
    expect(playbooks.map((p) => p.id)).toEqual(["beta"]);
  });

  it("reports a missing required field at its path, with the line of the enclosing map", () => {
    const { playbooks, problems } = loadPlaybooks(fixture("missing-field"));
    const p = only(problems, "alpha.yaml", "title");
    expect(p.message).toBe("title is required");
    expect(p.fix).toContain("title:");
    expect(p.line).toBe(1);
    expect(playbooks.map((x) => x.id)).toEqual(["beta"]);
  });

  it("catches a duplicate id", () => {
    const { problems } = loadPlaybooks(fixture("duplicate-id"));
    expect(problems).toHaveLength(1);
    const p = only(problems, "alpha.yml", "id");
    expect(p.message).toContain('"alpha"');
    expect(p.message).toContain("alpha.yaml");
  });

  it("catches a fault code claimed by two playbooks, naming the first owner", () => {
    const { problems } = loadPlaybooks(fixture("duplicate-fault-code"));
    expect(problems).toHaveLength(1);
    const p = only(problems, "beta.yaml", "errorLogs.faultCodes[0].code");
    expect(p.message).toContain('"101-AB"');
    expect(p.message).toContain('"alpha"');
    expect(p.line).toBe(9);
  });

  it("catches a choice option whose branch does not exist, and the branch it was meant for", () => {
    const { problems } = loadPlaybooks(fixture("dangling-branch"));
    const p = only(problems, "alpha.yaml", "solution[1].choice.options[1].branch");
    expect(p.message).toContain('"fault-persist"');
    expect(p.fix).toContain("fault-cleared, fault-persists");
    expect(p.line).toBe(28);
    only(problems, "alpha.yaml", "branches[1]");
  });

  it("catches a branch no choice leads to", () => {
    const { problems } = loadPlaybooks(fixture("unreferenced-branch"));
    expect(problems).toHaveLength(1);
    expect(only(problems, "alpha.yaml", "branches[2]").message).toContain('"orphan"');
  });

  it("catches a blank step (schema) and a step of only markup (lint)", () => {
    const blank = only(loadPlaybooks(fixture("empty-step")).problems, "alpha.yaml", "branches[0].steps[0].text");
    expect(blank.message).toContain("empty");
    const markup = only(loadPlaybooks(fixture("markup-only-step")).problems, "alpha.yaml", "branches[0].steps[0].text");
    expect(markup.message).toContain("no words");
  });

  it("catches a file name that differs from the id", () => {
    const { problems } = loadPlaybooks(fixture("file-name-mismatch"));
    expect(problems).toHaveLength(1);
    expect(only(problems, "alpha.yaml", "id").fix).toContain("alpha-fault.yaml");
  });

  it("catches the same trigger phrase in two playbooks, ignoring case and punctuation", () => {
    const { problems } = loadPlaybooks(fixture("duplicate-trigger"));
    expect(problems).toHaveLength(1);
    expect(only(problems, "beta.yaml", "triggers.phrases[1]").message).toContain("triggers.phrases[1]");
  });

  it("catches the same keyword in two playbooks", () => {
    const { problems } = loadPlaybooks(fixture("duplicate-keyword"));
    expect(problems).toHaveLength(1);
    expect(only(problems, "beta.yaml", "triggers.keywords[1]").message).toContain('"alpha"');
  });

  it("catches a step id used twice in one playbook", () => {
    const { problems } = loadPlaybooks(fixture("duplicate-step-id"));
    expect(problems).toHaveLength(1);
    expect(only(problems, "alpha.yaml", "branches[0].steps[0].id").message).toContain("solution[0]");
  });

  it("reports a missing directory and a directory with no playbooks", () => {
    expect(loadPlaybooks(fixture("no-such-dir")).problems[0]?.message).toContain("does not exist");
    expect(loadPlaybooks(fixture("empty")).problems[0]?.message).toContain("no .yaml files");
  });
});
