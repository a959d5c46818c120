import { describe, expect, it } from "vitest";
import { checkJustCharge, justChargeCategories, justChargeTool } from "../../src/tools/just-charge.ts";

describe("Just Charge: the guide's table", () => {
  it("has the article's seven rows", () => {
    expect(justChargeCategories.map((r) => `${r.category} / ${r.subcategory}`)).toEqual([
      "Retail / Auto Dealership",
      "Fleet / Distributed Depot Car Sharing",
      "Workplace / Fleet",
      "Education / Education Fleet",
      "Healthcare / Healthcare Fleet",
      "Municipal / Municipal Fleet",
      "Government (Fed, State) / Government Fleet",
    ]);
  });

  it.each(justChargeCategories.map((r) => [r.category, r.subcategory]))(
    "%s - %s is eligible",
    (category, subcategory) => {
      const r = justChargeTool.fromText(`${category} - ${subcategory}`);
      expect(r.verdict).toBe("ok");
      expect(r.summary).toBe(`Eligible: ${category} - ${subcategory} is a Just Charge customer category.`);
      expect(r.next[0]).toMatch(/Allow "Just Charge" Mode/);
    },
  );

  it('reads "Municipal / Municipal Fleet" and the Configuration tab line', () => {
    expect(justChargeTool.fromText("Municipal / Municipal Fleet").verdict).toBe("ok");
    expect(justChargeTool.fromText("Customer category: Municipal - Municipal Fleet").verdict).toBe("ok");
    expect(justChargeTool.fromText("retail, auto dealership").verdict).toBe("ok");
    expect(justChargeTool.fromText("Government - Government Fleet").verdict).toBe("ok");
  });
});

describe("Just Charge: not eligible", () => {
  it("a known category with another subcategory names the one that works", () => {
    const r = justChargeTool.fromText("Workplace - High-Tech");
    expect(r.verdict).toBe("problem");
    expect(r.summary).toBe(
      "Not eligible: the Just Charge mode does not pop up for Workplace - High-Tech. For Workplace the Just Charge mode pops up only with the subcategory Fleet.",
    );
    expect(r.next.at(-1)).toMatch(/special circumstances.*contact Support/);
  });

  it("an unknown category lists the eligible pairs", () => {
    const r = checkJustCharge({ category: "Hospitality", subcategory: "Hotel" });
    expect(r.summary).toMatch(/"Hospitality" is not one of the Just Charge customer categories/);
    expect(r.explanation[0]).toMatch(/^The mode pops up only for: Retail - Auto Dealership;/);
  });
});

describe("Just Charge: bad input", () => {
  it("one part asks for both, suggesting the matching rows", () => {
    expect(justChargeTool.fromText("Fleet").errors[0]!.message).toBe(
      'Give both the category and the subcategory, e.g. "Fleet - Distributed Depot Car Sharing" or "Workplace - Fleet"',
    );
    expect(justChargeTool.fromText("xyz").errors[0]!.message).toMatch(
      /^Expected the customer category and subcategory separated by " - " or "\/"/,
    );
  });

  it("empty fields name themselves", () => {
    expect(justChargeTool.run({ category: " ", subcategory: "Fleet" }).errors[0]!.message).toBe(
      "category is empty: enter it as the Configuration tab shows it, e.g. Municipal",
    );
    expect(justChargeTool.run({ category: "Retail", subcategory: "x".repeat(101) }).errors[0]!.message).toBe(
      "subcategory is longer than 100 characters: enter it as the Configuration tab shows it, e.g. Municipal Fleet",
    );
  });
});
