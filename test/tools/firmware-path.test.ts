import { describe, expect, it } from "vitest";
import { firmwarePathTool } from "../../src/tools/firmware-path.ts";

// The Auto-OTA table of the guide's Firmware Upgrade article, copied with tabs.
const autoOta = [
  "Rule Name\tOrg Name\tCustom Group Name\tOEM Model\tCurrent Version\tNew Version\tNo. of stations matching this rule",
  "SDGE CPGW\t\t\t*\t\t4.6.0.60\t89",
  "Kestrel CPH GA\t\t\t*\t\t2023.03.00.260-alpha.prod_4.20.0_kcb\t18",
  "CT4K Macaw GA\t\t\t*\t\t2023.03.00.260-alpha.prod_4.20.0_mcb\t9854",
].join("\n");

describe("firmware path: the four station families", () => {
  it.each([
    ["CT4K Legacy", "ChargePoint", "do NOT select ChargePoint"],
    ["CT4K MACAW", "ChargePoint", "select ChargePoint"],
    ["CPE250", "ChargePoint", "do NOT select ChargePoint"],
    ["CP6K", "OCPP", "do NOT select ChargePoint"],
  ])("%s: Protocol %s, Manufacturers %s", (family, protocol, manufacturers) => {
    const r = firmwarePathTool.fromText(family);
    expect(r.verdict).toBe("ok");
    expect(r.summary).toBe(`${family}: OTAng Protocol ${protocol}, Manufacturers: ${manufacturers}.`);
    expect(r.next.join(" ")).toMatch(/ends in \*\*GA\*\*/);
    expect(r.next.join(" ")).toMatch(/Do not upgrade blacklist/);
  });

  it("picks the Auto-OTA rule ending in GA for the family and its New Version", () => {
    const r = firmwarePathTool.fromText(`CT4K MACAW\n${autoOta}`);
    expect(r.figures).toContainEqual({
      label: "Auto-OTA GA rule",
      value: "CT4K Macaw GA → 2023.03.00.260-alpha.prod_4.20.0_mcb",
    });
    expect(r.data).toMatchObject({ newVersion: "2023.03.00.260-alpha.prod_4.20.0_mcb" });
  });

  it("reads space-separated Auto-OTA rows too", () => {
    const r = firmwarePathTool.fromText("ct4k macaw\nCT4K Macaw GA  *  2023.03.00.260-alpha.prod_4.20.0_mcb  9854  44");
    expect(r.data).toMatchObject({ newVersion: "2023.03.00.260-alpha.prod_4.20.0_mcb" });
  });

  it("warns when no GA rule matches the family, listing the GA rules it saw", () => {
    const r = firmwarePathTool.fromText(`CT4K Legacy\n${autoOta}`);
    expect(r.verdict).toBe("warning");
    expect(r.explanation[0]).toBe(
      "No Auto-OTA rule ending in GA matches CT4K Legacy (GA rules pasted: Kestrel CPH GA, CT4K Macaw GA); check the Rule Name against the station's Make/Model.",
    );
  });
});

describe("firmware path: the blacklist stop and bad input", () => {
  it("stops at the Do not upgrade blacklist", () => {
    const r = firmwarePathTool.fromText("CT4K MACAW blacklisted");
    expect(r.verdict).toBe("problem");
    expect(r.summary).toBe("Do not upgrade: the station is on the Do not upgrade blacklist.");
    expect(firmwarePathTool.fromText("cpe250 not blacklisted").verdict).toBe("ok");
  });

  it("a CT4020 model asks which CT4K family, since the steps differ", () => {
    const r = firmwarePathTool.fromText("CT4020-HD-GW");
    expect(r.errors[0]).toMatchObject({ field: "family", code: "ambiguous" });
    expect(r.errors[0]!.message).toMatch(
      /CT4K Legacy \(do NOT select ChargePoint under Manufacturers\) and CT4K MACAW \(select ChargePoint\)/,
    );
  });

  it("an unknown family names the four", () => {
    expect(firmwarePathTool.fromText("Tesla").errors[0]!.message).toBe(
      'No station family found in "Tesla": expected CT4K Legacy, CT4K MACAW, CPE250 or CP6K',
    );
    expect(firmwarePathTool.run({ family: "ct5k" }).errors[0]!.message).toBe(
      'family must be one of ct4k-legacy, ct4k-macaw, cpe250, cp6k; got "ct5k"',
    );
  });
});
