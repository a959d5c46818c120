import { describe, expect, it } from "vitest";
import { sessionRateTool } from "../../src/tools/session-rate.ts";

// The Historical Sessions table of the guide's Slow or Zero Energy Dispensed article, copied with tabs.
const header = [
  "MAC Address",
  "Start Date",
  "Start Time Zone",
  "End Date",
  "End Time Zone",
  "Transaction Date (Pacific Time)",
  "Total Duration (hh:mm:ss)",
  "Charging Time (hh:mm:ss)",
  "Energy (kWh)",
  "GHG Savings (kg)",
  "Gasoline Savings (gallons)",
  "Port Type",
  "Port Number",
].join("\t");
const rows = [
  "0024:B100:0003:1CAB\t2024-07-09 08:43:38\tPDT\t2024-07-09 13:20:54\tPOT\t2024-07-09 13:21:42\t04:37:17\t04:36:54\t29.860\t22.574\t3.747\tLevel 2\t1",
  "0024:B100:0003:1CAB\t2024-07-08 13:15:52\tPDT\t2024-07-08 16:40:38\tPOT\t2024-07-08 16:41:55\t03:24:47\t03:24:21\t21.615\t16.341\t2.713\tLevel 2\t1",
  "0024:B100:0003:1CAB\t2024-07-08 09:01:01\tPDT\t2024-07-08 12:53:20\tPOT\t2024-07-08 12:54:01\t03:52:20\t02:16:56\t5.107\t3.861\t0.641\tLevel 2\t1",
  "0024:B100:0003:1CAB\t2024-07-05 14:02:46\tPDT\t2024-07-05 17:20:06\tPOT\t2024-07-05 17:20:46\t03:17:20\t03:16:45\t19.772\t14.948\t2.481\tLevel 2\t1",
  "0024:B100:0003:1CAB\t2024-07-05 08:37:35\tPDT\t2024-07-05 11:36:33\tPOT\t2024-07-05 11:37:45\t02:58:59\t02:58:40\t19.152\t14.479\t2.404\tLevel 2\t1",
];
const rates = (r: ReturnType<typeof sessionRateTool.fromText>) =>
  (r.data as { sessions: { kw?: number; flag: string }[] }).sessions.map((s) => [s.kw?.toFixed(2), s.flag]);

describe("session rate: the guide's Historical Sessions rows", () => {
  const expected = [
    ["6.47", "expected"],
    ["6.35", "expected"],
    ["2.24", "slow"],
    ["6.03", "expected"],
    ["6.43", "expected"],
  ];

  it("computes energy ÷ charging time per row with the header and tabs", () => {
    const r = sessionRateTool.fromText([header, ...rows].join("\n"));
    expect(rates(r)).toEqual(expected);
    expect(r.figures[0]).toEqual({
      label: "2024-07-09 08:43",
      value: "29.860 kWh in 04:36:54 = 6.47 kW (as expected)",
    });
    expect(r.summary).toBe("5 sessions averaging 5.50 kW: 4 at the expected 6.6 kW, 1 slow.");
    expect(r.verdict).toBe("warning");
    expect(r.next[0]).toMatch(/breaker rating/);
  });

  it("reads the same rows without the header and with runs of spaces", () => {
    const r = sessionRateTool.fromText(rows.map((row) => row.replace(/\t/g, "   ")).join("\n"));
    expect(rates(r)).toEqual(expected);
  });

  it("takes energy and charging time on their own", () => {
    const r = sessionRateTool.fromText("29.860 04:36:54");
    expect(r.verdict).toBe("ok");
    expect(r.summary).toBe("1 session averaging 6.47 kW: 1 at the expected 6.6 kW.");
    expect(sessionRateTool.fromText("29.860 kWh 04:36:54").summary).toContain("6.47 kW");
  });

  it("compares with the setup given on its own line", () => {
    const r = sessionRateTool.fromText("19.152 02:58:40\ncpf 60");
    expect(r.data).toMatchObject({ expected: { min: 9.9, max: 11.5 } });
    expect(r.verdict).toBe("problem");
    expect(r.explanation[1]).toContain("CPF single port station on a 60 A breaker");
  });

  it("counts 3-3.3 kW as two cars sharing on a one-breaker CT4020", () => {
    const r = sessionRateTool.fromText("9.9 03:00:00\nct4020 40 one breaker circuit sharing");
    expect(rates(r)).toEqual([["3.30", "two-cars"]]);
    expect(r.verdict).toBe("ok");
  });
});

describe("session rate: zero energy and edges", () => {
  it("flags zero-energy sessions; several are a problem, with the Zero Energy steps", () => {
    const r = sessionRateTool.fromText("0.000 00:10:00\n0 00:05:00\n29.860 04:36:54");
    expect(rates(r).map(([, flag]) => flag)).toEqual(["zero", "zero", "expected"]);
    expect(r.verdict).toBe("problem");
    expect(r.next.join(" ")).toMatch(/48 hours/);
  });

  it("treats a single zero-energy session as a warning the guide allows to ignore", () => {
    const r = sessionRateTool.fromText("0 00:10:00\n29.860 04:36:54");
    expect(r.verdict).toBe("warning");
    expect(r.explanation.join(" ")).toMatch(/single zero-energy session can be ignored/);
  });

  it("flags an absurdly fast rate as a paste or setup problem", () => {
    const r = sessionRateTool.fromText("29.860 00:10:00");
    expect(rates(r)).toEqual([["179.16", "above"]]);
    expect(r.verdict).toBe("warning");
  });

  it("names a row without a charging time and what is expected", () => {
    const r = sessionRateTool.fromText("29.860");
    expect(r.errors[0]!.message).toBe(
      'Line 1 ("29.860") has no Charging Time: expected hh:mm:ss after the energy or in the Charging Time column, e.g. 29.860 04:36:54',
    );
  });

  it("rejects an impossible time, negative energy and absurd energy, naming the value", () => {
    expect(sessionRateTool.fromText("29.86 4:76:54").errors[0]!.message).toBe(
      'Line 1: Charging Time "4:76:54" is not a time: expected hh:mm:ss with minutes and seconds under 60, e.g. 04:36:54',
    );
    expect(sessionRateTool.fromText("-3 01:00:00").errors[0]!.message).toBe("Energy must be at least 0 kWh; got -3");
    expect(sessionRateTool.fromText("99999 01:00:00").errors[0]!.message).toBe(
      "Energy must be at most 1000 kWh (far beyond any Level 2 session); got 99999",
    );
  });

  it("says no rows were found, naming the line it could not use", () => {
    expect(sessionRateTool.fromText("hello").errors[0]!.message).toMatch(
      /^No session rows found \(line 1 \("hello"\) is not a session row\): paste rows from the Historical Sessions tab/,
    );
  });

  it("rejects NaN and a missing list through run()", () => {
    expect(sessionRateTool.run({ sessions: [{ energyKwh: Number.NaN, chargingSeconds: 60 }] }).errors[0]!.message).toBe(
      "Energy must be a number (e.g. 29.860); got NaN",
    );
    expect(sessionRateTool.run({ sessions: [] }).errors[0]!.message).toMatch(/^sessions is empty/);
  });

  it("reports energy with no charging time rather than dividing by zero", () => {
    const r = sessionRateTool.run({ sessions: [{ energyKwh: 5, chargingSeconds: 0 }] });
    expect(rates(r)).toEqual([[undefined, "no-time"]]);
    expect(r.verdict).toBe("warning");
  });
});
