import { describe, expect, it } from "vitest";
import { rsrpTool } from "../../src/tools/rsrp.ts";

describe("RSRP: the guide's range and figures", () => {
  it("-72 dBm LTE, as the guide's Network section shows it, is a good signal", () => {
    const paste = "Signal Strength -72 dBm(RSRP)\n2024-07-01 02:45:06\nGSM ICCID 89332401000023151125\nModem Type LTE";
    const r = rsrpTool.fromText(paste);
    expect(r.verdict).toBe("ok");
    expect(r.figures).toEqual([
      { label: "RSRP", value: "-72 dBm" },
      { label: "Ideal range", value: "-90 to -70 dBm" },
      { label: "Modem type", value: "LTE" },
    ]);
  });

  it.each([
    ["-90", "ok", "Within the ideal range, no boosters"],
    ["-70", "ok", "Within the ideal range, no boosters"],
    ["-91", "problem", "Weak signal"],
    ["-69", "ok", "Strong signal"],
  ])("%s dBm sits on the right side of the range edges", (text, verdict, start) => {
    const r = rsrpTool.fromText(text);
    expect(r.verdict).toBe(verdict);
    expect(r.summary.startsWith(start)).toBe(true);
  });

  it("a weak -95 dBm gets the article's next steps, boosters included", () => {
    const r = rsrpTool.fromText("-95 dBm lte");
    expect(r.summary).toBe(
      "Weak signal, boosters recommended: -95 dBm is weaker than the ideal range (-90 to -70 dBm) by 5 dB.",
    );
    expect(r.next).toHaveLength(6);
    expect(r.next.join(" ")).toMatch(/re-seat the SIM card/);
    expect(r.next.join(" ")).toMatch(/signal boosters/);
    expect(r.next.at(-1)).toMatch(/contact Support/);
  });

  it("a GSM modem is a problem even with a good signal; GSM ICCID does not count as the modem type", () => {
    expect(rsrpTool.fromText("-80 gsm").verdict).toBe("problem");
    expect(rsrpTool.fromText("-80 gsm").summary).toMatch(/Modem type GSM, expected LTE/);
    expect(rsrpTool.fromText("-80 dBm GSM ICCID 8933").figures).toHaveLength(2);
  });

  it("reads a Unicode minus copied from a document", () => {
    expect(rsrpTool.fromText("\u221272 dBm").figures[0]!.value).toBe("-72 dBm");
  });
});

describe("RSRP: bad readings", () => {
  it("a positive number asks whether it was meant negative", () => {
    expect(rsrpTool.fromText("95").errors[0]!.message).toBe(
      "RSRP 95 dBm is positive: readings are negative dBm (ideal -90 to -70); did you mean -95?",
    );
  });

  it("out-of-range readings name the measurable range", () => {
    expect(rsrpTool.fromText("-200").errors[0]!.message).toBe("RSRP must be at least -140 dBm; got -200");
    expect(rsrpTool.run({ rsrpDbm: -10 }).errors[0]!.message).toMatch(/^RSRP must be at most -44 dBm/);
  });

  it("NaN, no number and several numbers are each named", () => {
    expect(rsrpTool.run({ rsrpDbm: Number.NaN }).errors[0]!.message).toBe("RSRP must be a number (e.g. -72); got NaN");
    expect(rsrpTool.fromText("weak").errors[0]!.message).toBe(
      "No RSRP reading found: give the signal strength in dBm, e.g. -95 or -72 dBm(RSRP)",
    );
    expect(rsrpTool.fromText("-95 -80").errors[0]!.message).toBe(
      "Found several numbers (-95, -80): give one RSRP reading in dBm, e.g. -95 dBm",
    );
    expect(rsrpTool.run({ rsrpDbm: -80, modem: "5G" }).errors[0]!.message).toBe('modem must be LTE or GSM; got "5G"');
  });
});
