import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultPlaybooksDir } from "../../src/core/paths.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";
import { reviewProblems } from "../../src/playbooks/review-problems.ts";
import { runCli } from "../cli/cli-io.ts";
import { makePlaybook } from "../matcher/make-playbook.ts";

const entry = (extra: { owner?: string; review_by?: string }) => ({
  file: "playbooks/x.yaml",
  playbook: { ...makePlaybook("x", ["x happens"]), ...extra },
});

describe("review dates", () => {
  it("is silent before the date, warns on and after it, and fails only in strict mode after it", () => {
    const owned = { owner: "Dana", review_by: "2027-01-15" };
    expect(reviewProblems([entry(owned)], "2027-01-14", true)).toEqual({ warnings: [], errors: [] });
    const dueToday = reviewProblems([entry(owned)], "2027-01-15", true);
    expect(dueToday.errors).toEqual([]);
    expect(dueToday.warnings[0]?.message).toBe("review is due today (owner: Dana)");
    const late = reviewProblems([entry(owned)], "2027-02-01", false);
    expect(late.errors).toEqual([]);
    expect(late.warnings[0]?.message).toBe("review was due on 2027-01-15 (owner: Dana)");
    expect(reviewProblems([entry(owned)], "2027-02-01", true).errors[0]?.path).toBe("review_by");
  });

  it("warns when a playbook names no owner or no review date", () => {
    const { warnings } = reviewProblems([entry({})], "2027-01-01", true);
    expect(warnings.map((w) => w.path)).toEqual(["owner", "review_by"]);
  });

  it("rejects a review date that is not a real date, with the field named", () => {
    const dir = mkdtempSync(join(tmpdir(), "cpbot-review-"));
    const source = readFileSync(join(defaultPlaybooksDir, "waitlist.yaml"), "utf8");
    writeFileSync(join(dir, "waitlist.yaml"), source.replace(/^review_by: .*$/m, "review_by: 2027-02-30"));
    const { problems } = loadPlaybooks(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      path: "review_by",
      message: expect.stringMatching(/not a real calendar date/),
    });
  });

  it("every real playbook has an owner and a review date", () => {
    for (const p of loadPlaybooks(defaultPlaybooksDir).playbooks) {
      expect(p.owner, p.id).toBeTruthy();
      expect(p.review_by, p.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("cpbot lint warns without failing, and --strict fails on a past date", async () => {
    const due = await runCli(["lint", "--today", "2099-01-01"]);
    expect(due.status).toBe(0);
    expect(due.out).toMatch(/Warnings \(these do not fail the run\)/);
    expect(due.out).toMatch(/review was due on \d{4}-\d{2}-\d{2}/);
    const strict = await runCli(["lint", "--today", "2099-01-01", "--strict", "--json"]);
    expect(strict.status).toBe(1);
    const report = JSON.parse(strict.out) as { problems: { path: string }[] };
    expect(report.problems.length).toBeGreaterThanOrEqual(20);
    expect(report.problems.every((p) => p.path === "review_by")).toBe(true);
    expect((await runCli(["lint", "--today", "soon"])).status).toBe(2);
  });
});
