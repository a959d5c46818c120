import { describe, expect, it } from "vitest";
import { main } from "../../../adapters/cli/main.ts";
import { recordingIO, runCli } from "../../cli/cli-io.ts";

const validate = (...args: string[]) => runCli(["validate", "station-message", ...args]);

describe("cpbot validate station-message", () => {
  it("exits 0 and prints the preview for a valid message", async () => {
    const r = await validate("--name", "Holiday", "--line1", "Closed today", "--line2", "Back at 8am");
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^OK · Station message/);
    expect(r.out).toContain("Line 1 (12/15)  Closed today");
  });

  it("--json prints exactly {valid, errors} and exits 0 when valid", async () => {
    const r = await validate("--name", "N", "--line1", "A".repeat(15), "--line2", "b".repeat(64), "--json");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ valid: true, errors: [] });
  });

  it("--json lists each error with field, code and message, and exits 1", async () => {
    const r = await validate("--name", "N", "--line1", "Closed for today", "--line2", "a/b", "--json");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.out)).toEqual({
      valid: false,
      errors: [
        {
          field: "line1",
          code: "too_long",
          message:
            'Line 1 is 16 characters, 1 over the limit of 15: shorten it to 15 or fewer ("y" from position 16 does not fit)',
        },
        {
          field: "line2",
          code: "forbidden_character",
          message:
            'Line 2 has the forbidden character / at position 2: station messages cannot contain / ~ " < > |; remove it or use - instead',
        },
      ],
    });
  });

  it("treats missing flags as empty required fields (exit 1), not a usage error", async () => {
    const r = await validate("--line1", "Closed", "--json");
    expect(r.status).toBe(1);
    expect(JSON.parse(r.out).errors.map((e: { field: string }) => e.field)).toEqual(["name", "line2"]);
  });

  it("takes values that start with a dash", async () => {
    const r = await validate("--name", "N", "--line1", "-5 degrees", "--line2", "--careful--", "--json");
    expect(JSON.parse(r.out)).toEqual({ valid: true, errors: [] });
  });

  it("prints the errors in text mode and exits 1", async () => {
    const r = await validate("--name", "N", "--line1", "a|b", "--line2", "ok");
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/^INVALID INPUT · Station message/);
    expect(r.out).toContain("line1 (forbidden_character): Line 1 has the forbidden character | at position 2");
  });

  it("exits 2 for an unknown target, an unknown option or a flag without its value", async () => {
    for (const args of [
      ["validate", "receipt"],
      ["validate"],
      ["validate", "station-message", "--colour", "red"],
      ["validate", "station-message", "--name"],
    ]) {
      const io = recordingIO();
      expect(await main(args, io)).toBe(2);
      expect(io.stderr.join("\n")).toMatch(/cpbot validate: .+\n\nUsage: cpbot validate station-message/);
    }
  });
});
