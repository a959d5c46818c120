import path from "node:path";
import { describe, expect, it } from "vitest";
import { BotError } from "../../src/core/bot-error.ts";
import { loadPlaybooks } from "../../src/playbooks/load-playbooks.ts";
import { loadRegistry, PlaybookRegistry } from "../../src/playbooks/playbook-registry.ts";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/playbooks");

describe("PlaybookRegistry (fixtures)", () => {
  const registry = loadRegistry(path.join(fixtures, "valid"));

  it("lists, gets and groups the playbooks", () => {
    expect(registry.ids()).toEqual(["alpha", "beta"]);
    expect(registry.get("beta")?.title).toBe("Beta Setup");
    expect(registry.get("gamma")).toBeUndefined();
    const sections = registry.bySection();
    expect(sections.Diagnose.map((p) => p.id)).toEqual(["alpha"]);
    expect(sections.Configure.map((p) => p.id)).toEqual(["beta"]);
  });

  it("lists fault codes with their playbook", () => {
    expect(registry.faultCodes().map((f) => [f.code, f.aliases, f.playbook.id])).toEqual([
      ["101-AB", ["AB"], "alpha"],
      ["102-CD", [], "beta"],
    ]);
  });

  it.each(["101-AB", "101ab", "101 ab", "101_Ab", "ab", "102-cd"])("finds fault code %s", (code) => {
    expect(registry.byFaultCode(code)?.playbook.id).toBe(code.includes("2") ? "beta" : "alpha");
  });

  it("finds nothing for an unknown code", () => {
    expect(registry.byFaultCode("999-ZZ")).toBeUndefined();
    expect(registry.byFaultCode("")).toBeUndefined();
  });

  it("refuses to load broken playbooks and carries the whole report", () => {
    let error: unknown;
    try {
      loadRegistry(path.join(fixtures, "dangling-branch"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BotError);
    expect((error as BotError).code).toBe("playbooks_invalid");
    expect((error as BotError).message).toContain("alpha.yaml:solution[1].choice.options[1].branch");
    expect((error as BotError).message).toContain("alpha.yaml:branches[1]");
    expect((error as BotError).message).toContain("2 problems in 1 file.");
  });

  it("can be built directly from playbooks", () => {
    const { playbooks } = loadPlaybooks(path.join(fixtures, "valid"));
    expect(new PlaybookRegistry(playbooks.slice(1)).ids()).toEqual(["beta"]);
  });
});

// The shipped playbooks: these fail until every article of the guide has its playbook.
describe("the real playbooks/ directory", () => {
  const expectedIds = [
    "just-charge",
    "firmware-upgrade",
    "station-messages",
    "access-control",
    "station-connections",
    "earth-ground-fault",
    "breakaway",
    "hardware-fault",
    "pilot-unreachable",
    "relay-stuck-closed",
    "station-unreachable",
    "circuit-sharing",
    "flex-billing",
    "multifamily",
    "pricing-policy",
    "bad-pinpoint",
    "replace-hardware",
    "rfid-reader",
    "slow-zero-energy",
    "waitlist",
  ];

  const real = loadPlaybooks();

  it("loads and validates with no problems", () => {
    expect(real.problems).toEqual([]);
  });

  it("contains exactly the 20 playbooks of the guide", () => {
    expect(real.playbooks.map((p) => p.id).sort()).toEqual([...expectedIds].sort());
  });

  it.each([
    ["202-EF", "earth-ground-fault"],
    ["301-BA", "breakaway"],
    ["303-RSC", "relay-stuck-closed"],
    ["305-LCO", "pilot-unreachable"],
    ["307-HE", "hardware-fault"],
    ["303RSC", "relay-stuck-closed"],
    ["303 rsc", "relay-stuck-closed"],
    ["303-rsc", "relay-stuck-closed"],
  ])("resolves fault code %s to %s", (code, id) => {
    expect(new PlaybookRegistry(real.playbooks).byFaultCode(code)?.playbook.id).toBe(id);
  });
});
