import { describe, expect, it } from "vitest";
import { remittanceTool } from "../../src/tools/remittance.ts";

describe("remittance: the guide's rules", () => {
  it("a $42.10 balance is below the $50 threshold: no payment yet", () => {
    const r = remittanceTool.fromText("US, balance $42.10, ACH, expected on the 15th");
    expect(r.verdict).toBe("warning");
    expect(r.summary).toBe("No payment yet: balance $42.10 is below the $50.00 threshold ($7.90 to go).");
    expect(r.next[0]).toMatch(/ABA routing number/);
  });

  it("$50 exactly is paid, typically on the 15th", () => {
    const r = remittanceTool.fromText("US balance 50");
    expect(r.verdict).toBe("ok");
    expect(r.summary).toBe("Payment due: balance $50.00 is at least $50.00; expect it around the 15th.");
    expect(r.next.join(" ")).toMatch(/Flex Billing status is Enabled/);
  });

  it("withholds 10% on priced stations", () => {
    const r = remittanceTool.fromText("revenue 200 priced");
    expect(r.figures.slice(0, 3)).toEqual([
      { label: "Revenue", value: "$200.00" },
      { label: "Withheld", value: "$20.00" },
      { label: "Owner receives", value: "$180.00" },
    ]);
  });

  it("multifamily home customers receive the full revenue", () => {
    const r = remittanceTool.fromText("mfh revenue 300");
    expect(r.figures[1]).toEqual({ label: "Withheld", value: "$0.00" });
    expect(r.explanation).toContainEqual(expect.stringMatching(/Multifamily home customers receive the full revenue/));
  });

  it("Canada has no paper checks", () => {
    const r = remittanceTool.fromText("canada check balance 75");
    expect(r.verdict).toBe("problem");
    expect(r.summary).toBe(
      "Canada customers are not eligible for paper checks: switch the payment method to ACH/wire transfer.",
    );
  });

  it("banking details only for ACH/wire; a check needs the mailing address", () => {
    expect(remittanceTool.fromText("US check balance 10").next[0]).toMatch(/no banking details are needed/);
    expect(remittanceTool.fromText("wire balance 10").next[0]).toMatch(/routing number/);
  });

  it("notes an expected day other than the 15th", () => {
    expect(remittanceTool.fromText("expected on the 1st balance 60").explanation).toContain(
      "Payments are typically made on the 15th, not the 1st.",
    );
  });
});

describe("remittance: bad input", () => {
  it("a negative balance, unlabelled amounts and nothing recognised are named", () => {
    expect(remittanceTool.fromText("balance -5").errors[0]!.message).toBe("Balance must be at least $0; got -5");
    expect(remittanceTool.fromText("42 55").errors[0]!.message).toBe(
      'Found several amounts (42, 55): label them, e.g. "balance 42.10" or "revenue 200"',
    );
    expect(remittanceTool.fromText("hello").errors[0]!.message).toMatch(
      /^Nothing recognised: expected country, balance/,
    );
    expect(remittanceTool.run({ paymentMethod: "bitcoin" }).errors[0]!.message).toBe(
      'paymentMethod must be ach, wire or check; got "bitcoin"',
    );
    expect(remittanceTool.run({ balance: 1e12 }).errors[0]!.message).toMatch(/^Balance must be at most \$10000000/);
  });
});
