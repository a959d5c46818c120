import { describe, expect, it } from "vitest";
import { runCli } from "./cli-io.ts";

const fixtures = "test/fixtures/conversations";

describe("cpbot test conversations DIR", () => {
  it("prints PASS per conversation and N passed, N failed, exit 0 when all pass", async () => {
    const { status, out } = await runCli(["test", "conversations", "test/conversations/walkthrough-basics.yaml"]);
    expect(out).toMatch(/^PASS {2}walkthrough-basics\.yaml#1 {2}a fault code question/m);
    expect(out).toMatch(/^1 passed, 0 failed$/m);
    expect(status).toBe(0);
  });

  it("names the failing turn, what was expected and what came back, with the transcript; exit 1", async () => {
    const { status, out } = await runCli(["test", "conversations", `${fixtures}/failing`]);
    expect(out).toContain("PASS  passing.yaml#1  the 303-RSC overview");
    expect(out).toContain("FAIL  wrong-title.yaml#1");
    expect(out).toContain(
      "turn 1 (say “the station shows 303-RSC”): expected a title with “Earth Ground Fault”, got overview “Relay Stuck Closed (303-RSC)”",
    );
    expect(out).toContain("transcript:");
    expect(out).toMatch(/^1 passed, 1 failed$/m);
    expect(status).toBe(1);
  });

  it("reports every problem of a broken file with its place, and exits 2 without running anything", async () => {
    const { status, out, err } = await runCli(["test", "conversations", `${fixtures}/broken`]);
    expect(err).toContain("bad.yaml [0].turns[0]: each turn needs exactly one of say, cp or press");
    expect(err).toMatch(/bad\.yaml \[1\]\.turns\[0\]\.expect: .*titel/);
    expect(out).toBe("");
    expect(status).toBe(2);
  });

  it("says what it expects for a wrong word or a missing folder (exit 2)", async () => {
    const wrong = await runCli(["test", "conversation", "x"]);
    expect(wrong.err).toContain('expected "conversations DIR"');
    expect(wrong.status).toBe(2);
    const missing = await runCli(["test", "conversations", "no/such/dir"]);
    expect(missing.err).toContain("No such file or directory: ");
    expect(missing.status).toBe(2);
  });
});
