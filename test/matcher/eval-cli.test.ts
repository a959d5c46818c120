import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../adapters/cli/main.ts";
import { recordingIO } from "../cli/cli-io.ts";

function evalFileWith(lines: string[]): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "cpbot-eval-"));
  writeFileSync(path.join(dir, "cases.jsonl"), `${lines.join("\n")}\n`);
  return { dir, file: "cases.jsonl" };
}

describe("cpbot eval", () => {
  it("reports malformed lines by number and exits 2", async () => {
    const { dir, file } = evalFileWith([
      '{"text": "relay stuck closed", "expect": "relay-stuck-closed"}',
      "{not json",
      '{"text": "hello"}',
      '{"text": 5, "expect": null}',
    ]);
    const io = recordingIO({ cwd: dir });
    expect(await main(["eval", file], io)).toBe(2);
    const err = io.stderr.join("\n");
    expect(err).toMatch(/line 2: not valid JSON/);
    expect(err).toMatch(/line 3: .*expect/);
    expect(err).toMatch(/line 4: .*text/);
    expect(err).not.toMatch(/line 1:/);
  });

  it("rejects unknown playbook ids with their line numbers", async () => {
    const { dir, file } = evalFileWith([
      '{"text": "relay stuck closed", "expect": "relay-stuck-closed"}',
      '{"text": "whatever", "expect": ["waitlist", "no-such-playbook"]}',
    ]);
    const io = recordingIO({ cwd: dir });
    expect(await main(["eval", file], io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/line 2: unknown playbook id "no-such-playbook"/);
  });

  it("prints the figures as JSON for a good file", async () => {
    const { dir, file } = evalFileWith([
      '{"text": "relay stuck clsoed", "expect": "relay-stuck-closed"}',
      '{"text": "what is for lunch", "expect": null}',
    ]);
    const io = recordingIO({ cwd: dir });
    expect(await main(["eval", file, "--json"], io)).toBe(0);
    const report = JSON.parse(io.stdout.join("\n"));
    expect(report).toMatchObject({ n: 2, top1: 1, oosPrecision: 1, oosRecall: 1, misses: [] });
    expect(report.perPlaybook["relay-stuck-closed"]).toEqual({ n: 1, recall: 1 });
  });
});

describe("cpbot eval reliability", () => {
  it("prints accuracy per confidence band and the share of confident wrong answers", async () => {
    const { dir, file } = evalFileWith([
      '{"text": "relay stuck closed on port 2", "expect": "relay-stuck-closed"}',
      '{"text": "relay stuck closed on port 1", "expect": "waitlist"}',
      '{"text": "how do I upload a video ad", "expect": null}',
    ]);
    const io = recordingIO({ cwd: dir });
    expect(await main(["eval", file], io)).toBe(0);
    const out = io.stdout.join("\n");
    expect(out).toMatch(/Confident wrong \(a wrong playbook as a match at 80\.0%\+\): 33\.3% \(1 of 3 lines\)/);
    expect(out).toMatch(/90\.0%-100%\s+2\s+1\s+50\.0%/);
  });

  it("--json keeps the documented fields and adds reliability and confidentWrong", async () => {
    const { dir, file } = evalFileWith([
      '{"text": "relay stuck closed on port 2", "expect": "relay-stuck-closed"}',
      '{"text": "relay stuck closed on port 1", "expect": "waitlist"}',
    ]);
    const io = recordingIO({ cwd: dir });
    expect(await main(["eval", file, "--json"], io)).toBe(0);
    const report = JSON.parse(io.stdout.join("\n"));
    for (const key of ["n", "top1", "top3", "oosPrecision", "oosRecall", "perPlaybook", "misses"]) {
      expect(report).toHaveProperty(key);
    }
    expect(report).toMatchObject({ confidentWrong: 0.5, confidentWrongCount: 1 });
    const top = report.reliability.find((b: { from: number }) => b.from === 0.9);
    expect(top).toEqual({ from: 0.9, to: 1, answered: 2, right: 1, accuracy: 0.5 });
  });
});

describe("cpbot match --json", () => {
  it("prints playbook, confidence, alternatives and explanation", async () => {
    const io = recordingIO();
    expect(await main(["match", "303rsc", "--json"], io)).toBe(0);
    const out = JSON.parse(io.stdout.join("\n"));
    expect(out).toMatchObject({ playbook: "relay-stuck-closed", confidence: 1, alternatives: [] });
    expect(out.explanation.terms.length).toBeGreaterThan(0);
  });
});
