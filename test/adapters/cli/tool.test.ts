import { describe, expect, it } from "vitest";
import { runCli } from "../../cli/cli-io.ts";

const tool = (args: string[], stdin = "") => runCli(["tool", ...args], { stdin });

describe("cpbot tool", () => {
  it("runs a tool by subcommand and prints verdict, figures, notes and next steps", async () => {
    const r = await tool(["rsrp", "-95", "dBm", "lte"]);
    expect(r.status).toBe(1);
    expect(r.out.split("\n").slice(0, 2)).toEqual([
      "PROBLEM · Cellular signal (RSRP) (playbook: station-unreachable)",
      "Weak signal, boosters recommended: -95 dBm is weaker than the ideal range (-90 to -70 dBm) by 5 dB.",
    ]);
    expect(r.out).toContain("  RSRP         -95 dBm");
    expect(r.out).toMatch(/\nNext:\n {2}1\. Check where the station is installed/);
  });

  it("runs a tool by id, exits 0 for ok, and prints JSON with --json", async () => {
    const r = await tool(["station-message", "Closed today | Back at 8am", "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({
      tool: "station-message",
      verdict: "ok",
      data: { line1: "Closed today", line2: "Back at 8am" },
    });
  });

  it('reads multi-line pastes from standard input with "-"', async () => {
    const paste =
      "1,J1772,FwRev=32,SSM1Rev=40,SSM2Rev=40,,ENABLE,OUT_OF_SERVICE,NO_VEHICLE,IDLE,0,NONE,8,NONE,0xA1,NA\n";
    const r = await tool(["status", "-", "--playbook", "pilot-unreachable", "--json"], paste);
    expect(JSON.parse(r.out)).toMatchObject({ playbook: "pilot-unreachable", verdict: "problem" });
  });

  it("exits 1 for invalid input and prints the errors", async () => {
    const r = await tool(["rate", "40", "amps"]);
    expect(r.status).toBe(1);
    expect(r.out).toContain("model (missing): No station model found: start with CT4020, CT4010 or CPF");
  });

  it("--list shows every subcommand with its tool, playbook and usage", async () => {
    const r = await tool(["--list"]);
    expect(r.status).toBe(0);
    expect(r.out.split("\n")).toHaveLength(12);
    expect(r.out).toMatch(/^msg +station-message +station-messages +\/cp msg <line 1> \| <line 2>$/m);
  });

  it("exits 2 for an unknown tool or no tool", async () => {
    for (const args of [["fly", "away"], []]) {
      const r = await tool(args);
      expect(r.status).toBe(2);
      expect(r.err).toMatch(
        /cpbot tool: (unknown tool "fly"|no tool given): expected a tool id or one of msg, status,/,
      );
    }
  });
});
