import { describe, expect, it } from "vitest";
import { findTool } from "../../src/tools/tool-registry.ts";

/** The audit's tool findings (issue 12), one test per guide boundary, each through the /cp text form. */
const run = (sub: string, text: string) => {
  const tool = findTool(sub);
  if (!tool) throw new Error(`no tool ${sub}`);
  return tool.fromText(text);
};
const all = (r: ReturnType<typeof run>) => [r.summary, ...r.explanation, ...r.next].join("\n");

describe("rate: negation and 'no X' are read, not inverted", () => {
  it("circuit sharing, no jumpers: sharing enabled, jumpers absent (guide: a three wire install needs jumpers)", () => {
    const r = run("rate", "CT4020, one 40 A breaker, circuit sharing, no jumpers");
    expect(r.figures[0]?.value).toBe("CT4020 on one 40 A breaker, circuit sharing enabled, no jumpers");
    expect(r.summary).toContain("without Power Sharing jumpers");
  });
  it.each([
    ["ct4020 40 two breakers circuit sharing disabled, no jumpers", "circuit sharing disabled, no jumpers"],
    ["ct4020 40 one breaker circuit sharing no jumpers", "circuit sharing enabled, no jumpers"],
    ["ct4020 40 one breaker, jumpers installed, circuit sharing off", "circuit sharing disabled, jumpers installed"],
    ["ct4020 40 two breakers without circuit sharing", "circuit sharing disabled"],
  ])("%s", (text, expected) => {
    expect(run("rate", text).figures[0]?.value).toContain(expected);
  });
  it("a measured kW is compared with the guide's per-car figure (2 cars on one breaker: 3-3.3 kW)", () => {
    const r = run("rate", "CT4020, one 40 A breaker, circuit sharing enabled, 2 cars, 2.1 kW");
    expect(r.verdict).toBe("problem");
    expect(r.summary).toContain("Measured 2.1 kW is below the guide's 3–3.3 kW per car.");
    expect(run("rate", "ct4020 40 one breaker circuit sharing 2 cars 3 kW").summary).toContain("meets");
  });
});

describe("sessions: the guide's two-car rate, and the tolerance marked as the team's", () => {
  it("4.0 kW on a one-breaker CT4020 is neither the one-car 6.6 kW nor the two-car 3-3.3 kW", () => {
    const r = run("sessions", "4.0 kWh 01:00:00\nct4020 40 one breaker");
    expect(r.summary).toContain("none at the expected 6.6 kW");
    expect(r.figures[0]?.value).toContain("(slow)");
  });
  it("3.3 kW is the two-car rate, counted as such and not as the one-car rate", () => {
    const r = run("sessions", "3.3 kWh 01:00:00\nct4020 40 one breaker");
    expect(r.summary).toContain("1 at the two-car rate of 3–3.3 kW each");
    expect(r.summary).toContain("none at the expected 6.6 kW");
  });
  it("the 10% tolerance is stated as the team's rule, not the guide's", () => {
    expect(all(run("sessions", "29.860 04:36:54"))).toContain("Team rule, not in the guide");
  });
});

describe("rsrp: tool and step agree and say how they read 'above -90 dBm'", () => {
  it("-85 dBm is inside the ideal range: no boosters, and the reading is stated", () => {
    const r = run("rsrp", "-85");
    expect(r.summary).toMatch(/^Within the ideal range, no boosters/);
    expect(all(r)).toContain("How we read the guide");
  });
  it("-95 dBm gets boosters", () => {
    expect(run("rsrp", "-95").summary).toMatch(/^Weak signal, boosters recommended/);
  });
  it("a GSM modem is not sent to Support: the guide only says to check LTE, not GSM", () => {
    expect(all(run("rsrp", "-80 gsm"))).not.toMatch(/Support/);
  });
});

describe("firmware: a blacklisted station", () => {
  it("stops without adding 'contact Support', which the guide does not say", () => {
    const r = run("firmware", "CT4K MACAW blacklisted");
    expect(all(r)).toContain("do not upgrade");
    expect(all(r)).not.toMatch(/Support/);
  });
});

describe("rfid: the guide's 13XXXXXXXX / 14XXXXXXXX pattern, with firmware and UIC together", () => {
  it("140000 is not the 10-digit pattern", () => {
    const r = run("rfid", "serial 140000");
    expect(r.data).toEqual({ oldHardware: false });
    expect(r.summary).toContain("not the guide's 13XXXXXXXX / 14XXXXXXXX pattern");
  });
  it("firmware alone is not enough: the note needs the UIC too", () => {
    const r = run("rfid", "serial 1412345678 210316");
    expect(r.verdict).toBe("warning");
    expect(r.data).toEqual({ oldHardware: false });
  });
  it("serial, firmware and UIC together are the old hardware", () => {
    expect(run("rfid", "serial 1412345678 210316 68T01421_V2.1").data).toEqual({ oldHardware: true });
  });
});

describe("station: coordinates", () => {
  it("trailing zeros count as typed: 37.3800 / -121.9100 has four decimals", () => {
    expect(run("station", "37.3800 / -121.9100").verdict).toBe("ok");
  });
  it("the 4-decimal rule is marked as the team's own", () => {
    const r = run("station", "37.38 / -121.91");
    expect(r.verdict).toBe("warning");
    expect(all(r)).toContain("Team rule, not in the guide");
  });
});

describe("remittance: the $50 / 15th rule is for the US and Canada", () => {
  it("a UK balance gets the caveat, not a plain answer", () => {
    const r = run("remittance", "UK, balance £60");
    expect(r.verdict).toBe("warning");
    expect(r.summary).toMatch(/^Outside the US and Canada the guide gives no remittance rule/);
  });
  it("no country: the caveat says so", () => {
    expect(run("remittance", "balance 60").summary).toMatch(/^Country not given/);
  });
  it("US: the rule applies", () => {
    expect(run("remittance", "US balance 60").summary).toMatch(/^Payment due/);
  });
});

describe("justcharge: the subcategory typed without the dash", () => {
  it("Municipal Fleet is the guide's Municipal - Municipal Fleet", () => {
    const r = run("justcharge", "Municipal Fleet");
    expect(r.verdict).toBe("ok");
    expect(r.summary).toContain("Municipal - Municipal Fleet");
  });
});

describe("a step's example input passes its own tool", () => {
  it("replace-hardware's comma list", () => {
    const r = run("station", "MAC Address 0024:B100:0006:ED63, Serial number 220741018018, Activation password 65506");
    expect(r.verdict).toBe("ok");
  });
});
