import { describe, expect, it } from "vitest";
import { checkExpectedRate, expectedRateTool } from "../../src/tools/expected-rate.ts";
import type { ToolResult } from "../../src/tools/tool-result.ts";

const figure = (r: ToolResult, label: string) => r.figures.find((f) => f.label === label)?.value;

describe("expected rate: the guide's setups", () => {
  it("CT4020 on one 40 A breaker with circuit sharing: 6.6 kW for one car, 3-3.3 kW each for two", () => {
    const r = expectedRateTool.fromText("ct4020 40 one breaker circuit sharing 2 cars");
    expect(r.verdict).toBe("ok");
    expect(r.data).toMatchObject({ perCar: { min: 3, max: 3.3 }, setup: { id: "ct4020-one-breaker" } });
    expect(figure(r, "One car")).toBe("6.6 kW");
    expect(figure(r, "Two cars")).toBe("3–3.3 kW each");
  });

  it("CT4020 on two 40 A breakers: 6.6 kW each", () => {
    const r = expectedRateTool.fromText("ct4020 40 two breakers");
    expect(r.data).toMatchObject({ perCar: { min: 6.6, max: 6.6 }, twoCars: { min: 6.6, max: 6.6 } });
  });

  it.each([
    ["cpf 40", 6.6, 6.6],
    ["cpf 50", 8.3, 9.6],
    ["cpf 60", 9.9, 11.5],
  ])("%s: the CPF single port rate", (text, min, max) => {
    const r = expectedRateTool.fromText(text);
    expect(r.verdict).toBe("ok");
    expect(r.data).toMatchObject({ perCar: { min, max } });
    expect(r.data).not.toHaveProperty("twoCars");
  });

  it("reads the walkthrough step's own example", () => {
    const r = expectedRateTool.fromText("CT4020, one 40 A breaker, circuit sharing on, jumpers installed");
    expect(r.verdict).toBe("ok");
    expect(figure(r, "Setup")).toBe("CT4020 on one 40 A breaker, circuit sharing enabled, jumpers installed");
  });
});

describe("expected rate: circuit sharing consistency checks", () => {
  it("a three-wire install without jumpers points to a Hardware Fault on Port 1", () => {
    const r = expectedRateTool.fromText("ct4020 40 3 wire no jumpers circuit sharing on");
    expect(r.verdict).toBe("problem");
    expect(r.explanation.join(" ")).toMatch(/without Power Sharing jumpers.*Hardware Fault on Port 1/);
  });

  it("a three-wire install with circuit sharing disabled trips the breaker on the 2nd car", () => {
    const r = expectedRateTool.fromText("ct4020 40 one breaker circuit sharing off jumpers");
    expect(r.explanation.join(" ")).toMatch(/breaker trips once a 2nd car plugs in/);
    expect(r.next[0]).toMatch(/Enable circuit sharing/);
  });

  it("a five-wire install with circuit sharing splits the power for nothing: 3.3 kW each", () => {
    const r = expectedRateTool.fromText("ct4020 40 five wire circuit sharing");
    expect(r.verdict).toBe("problem");
    expect(r.data).toMatchObject({ twoCars: { min: 3.3, max: 3.3 } });
    expect(r.next[0]).toMatch(/Disable circuit sharing/);
  });

  it("Power Select below the breaker slows charging; above it can trip the breaker", () => {
    expect(expectedRateTool.fromText("ct4020 40 two breakers power select 32").explanation.join(" ")).toContain(
      "Power Select (32 A) is lower than the breaker rating (40 A): this causes slow charging",
    );
    expect(expectedRateTool.fromText("cpf 40 power select 48").explanation.join(" ")).toContain("can trip the breaker");
  });

  it("warns when breakers and wires disagree", () => {
    const r = checkExpectedRate({ model: "ct4020", breakerAmps: 40, breakers: 2, wires: 3 });
    expect(r.verdict).toBe("warning");
    expect(r.explanation.join(" ")).toMatch(/do not go together/);
  });

  it("a CPF takes no jumpers or circuit sharing", () => {
    expect(expectedRateTool.fromText("cpf 50 circuit sharing").explanation.join(" ")).toMatch(/single port station/);
  });
});

describe("expected rate: what the guide does not cover, and bad input", () => {
  it("says the guide has no CT4020 figure for other than 40 A breakers", () => {
    const r = expectedRateTool.fromText("ct4020 30 two breakers");
    expect(r.verdict).toBe("warning");
    expect(r.explanation[0]).toMatch(/assume 40 A breakers .* not 30 A/);
  });

  it("asks for one or two breakers when it matters", () => {
    expect(expectedRateTool.fromText("ct4020 40").explanation[0]).toMatch(/one or two dual pole breakers/);
  });

  it("names a missing model, missing amps and extra numbers", () => {
    expect(expectedRateTool.fromText("40 amps").errors[0]!.message).toBe(
      "No station model found: start with CT4020, CT4010 or CPF (e.g. ct4020 40 two breakers)",
    );
    expect(expectedRateTool.fromText("cpf").errors[0]!.message).toMatch(
      /^No breaker rating found: add the breaker amps/,
    );
    expect(expectedRateTool.fromText("ct4020 40 50").errors[0]!.message).toMatch(
      /^Found more numbers than expected \(50\)/,
    );
  });

  it("rejects negative and absurd amps with the allowed range", () => {
    expect(expectedRateTool.fromText("ct4020 -40").errors[0]!.message).toBe(
      "breakerAmps must be at least 1 A; got -40",
    );
    expect(expectedRateTool.fromText("cpf 4000").errors[0]!.message).toBe(
      "breakerAmps must be at most 100 A (the guide's Level 2 setups use 40 to 60 A); got 4000",
    );
    expect(expectedRateTool.run({ model: "tesla", breakerAmps: 40 }).errors[0]!.message).toBe(
      'model must be ct4020, ct4010 or cpf; got "tesla"',
    );
    expect(expectedRateTool.run({ model: "cpf", breakerAmps: 40, breakers: 3 }).errors[0]!.message).toBe(
      "breakers must be 1 or 2 (dual pole breakers feeding the station); got 3",
    );
  });
});
