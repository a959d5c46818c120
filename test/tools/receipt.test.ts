import { describe, expect, it } from "vitest";
import { receiptTool } from "../../src/tools/receipt.ts";

// The receipt in the guide's Pricing Policy article.
const guideReceipt = `Energy Rate: 56.4062 kWh @ $0.25/kWh
9:10:14 AM - 6:15:08 PM
Amount: $14.10

Station Time Rate: 9h 4m 54s @ $0.00/hr
9:10:14 AM - 6:15:08 PM
Amount: $0.00

Total: $14.10`;

describe("receipt: the guide's figures", () => {
  it("56.4062 kWh at $0.25/kWh is $14.10, station time at $0.00/hr is $0.00, total $14.10", () => {
    const r = receiptTool.fromText(guideReceipt);
    expect(r.verdict).toBe("ok");
    expect(r.summary).toBe("The receipt matches its rates: energy $14.10, station time $0.00, total $14.10.");
    expect(r.figures).toEqual([
      { label: "Energy", value: "56.4062 kWh × $0.25/kWh = $14.10; receipt $14.10" },
      { label: "Station time", value: "09:04:54 × $0.00/hr = $0.00; receipt $0.00" },
      { label: "Total", value: "lines add up to $14.10; receipt $14.10" },
    ]);
  });

  it('reads the shorthand "56.4062 kWh 0.25 14.10" and "56.4062 kWh @ $0.25/kWh 14.10"', () => {
    for (const text of ["56.4062 kWh 0.25 14.10", "56.4062 kWh @ $0.25/kWh 14.10", "56.4062 0.25 $14.10"]) {
      const r = receiptTool.fromText(text);
      expect(r.verdict).toBe("ok");
      expect(r.figures[0]!.value).toBe("56.4062 kWh × $0.25/kWh = $14.10; receipt $14.10");
    }
  });

  it("computes without comparing when no amount is given", () => {
    expect(receiptTool.fromText("56.4062 0.25").summary).toBe(
      "Computed: energy $14.10; add the receipt's amounts to compare.",
    );
  });
});

describe("receipt: mismatches and their size", () => {
  it("flags an energy amount that does not match, with the difference in dollars and percent", () => {
    const r = receiptTool.fromText(
      guideReceipt.replace("Amount: $14.10", "Amount: $15.00").replace("Total: $14.10", "Total: $15.00"),
    );
    expect(r.verdict).toBe("problem");
    expect(r.summary).toBe(
      "Energy mismatch: charged $15.00, but 56.4062 kWh × $0.25/kWh = $14.10; $0.90 (6.4%) more than the rate gives.",
    );
    expect(r.next.at(-1)).toBe("If the pricing does not match, contact Support.");
  });

  it("accepts a cent of rounding either way, but not more", () => {
    expect(receiptTool.fromText("56.4062 kWh 0.25 14.11").verdict).toBe("ok");
    expect(receiptTool.fromText("56.4062 kWh 0.25 14.09").verdict).toBe("problem");
  });

  it("flags a total that is not the sum of its lines, naming fees that could explain it", () => {
    const r = receiptTool.fromText(guideReceipt.replace("Total: $14.10", "Total: $19.10"));
    expect(r.summary).toMatch(/^Total mismatch: charged \$19\.10, but the sum of the lines = \$14\.10; \$5\.00/);
    expect(r.summary).toMatch(/overstay fee, a min\/max fee or tax/);
  });

  it("checks a station time line on its own", () => {
    const r = receiptTool.fromText("Station Time Rate: 2h 30m 0s @ $2.00/hr Amount: $4.00");
    expect(r.summary).toMatch(
      /^Station time mismatch: charged \$4\.00, but 02:30:00 × \$2\.00\/hr = \$5\.00; \$1\.00 \(20\.0%\) less/,
    );
  });
});

describe("receipt: bad input", () => {
  it("negative and absurd figures name the field and the bound", () => {
    expect(receiptTool.fromText("-56 0.25 14").errors[0]!.message).toBe("Energy must be at least 0 kWh; got -56");
    expect(receiptTool.fromText("56 500 14").errors[0]!.message).toBe(
      "Energy rate ($/kWh) must be at most $100 (far beyond one charging session); got 500",
    );
  });

  it("too few or too many numbers say what is expected", () => {
    expect(receiptTool.fromText("14.10").errors[0]!.message).toMatch(
      /^Found 1 number: expected energy, rate and the amount charged, e\.g\. "56\.4062 kWh 0\.25 14\.10"/,
    );
    expect(receiptTool.fromText("1 2 3 4").errors[0]!.message).toMatch(/^Found 4 numbers/);
    expect(receiptTool.fromText("no numbers here").errors[0]!.message).toMatch(/^Found no numbers/);
  });

  it("a half-given line names the missing half", () => {
    expect(receiptTool.run({ energyKwh: 56.4062 }).errors[0]).toMatchObject({
      field: "energyRate",
      message: "The energy line needs both the kWh and the rate, as the receipt shows them: 56.4062 kWh @ $0.25/kWh",
    });
    expect(receiptTool.run({}).errors[0]!.message).toMatch(/^Nothing to check: give the Energy Rate line/);
    expect(receiptTool.run({ energyKwh: Number.NaN, energyRate: 0.25 }).errors[0]!.message).toBe(
      "Energy must be a number (e.g. 56.4062); got NaN",
    );
  });
});
