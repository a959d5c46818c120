import { z } from "zod";
import { gaRules } from "./auto-ota-rules.ts";
import { defineTool, maxTextLength, type TextParse } from "./define-tool.ts";
import { describeValue, excerpt, listSome } from "./describe-value.ts";
import { flagField } from "./field-schemas.ts";
import { type FirmwareFamily, firmwareFamilies, upgradeSteps } from "./firmware-families.ts";
import { fieldError } from "./invalid-result.ts";
import type { ToolResult } from "./tool-result.ts";

const familyIds = Object.keys(firmwareFamilies) as [FirmwareFamily, ...FirmwareFamily[]];

export const firmwarePathInput = z.strictObject({
  family: z.enum(familyIds, {
    error: (iss) => `family must be one of ${familyIds.join(", ")}; got ${describeValue(iss.input)}`,
  }),
  blacklisted: flagField("blacklisted").optional(),
  autoOta: z.string().max(maxTextLength).optional(),
});
export type FirmwarePathInput = z.infer<typeof firmwarePathInput>;

export function checkFirmwarePath(
  input: FirmwarePathInput,
): ToolResult<{ family: FirmwareFamily; newVersion?: string }> {
  const path = firmwareFamilies[input.family];
  const manufacturers = path.selectChargePoint ? "select ChargePoint" : "do NOT select ChargePoint";
  const figures = [
    { label: "Station family", value: path.label },
    { label: "OTAng Protocol", value: path.protocol },
    { label: "Manufacturers", value: manufacturers },
  ];
  const explanation: string[] = [];
  let verdict: ToolResult["verdict"] = "ok";
  let newVersion: string | undefined;
  if (input.autoOta !== undefined) {
    const all = gaRules(input.autoOta);
    const mine = all.filter((r) => path.ruleName.test(r.ruleName));
    if (mine.length === 1 && mine[0]!.newVersion) {
      newVersion = mine[0]!.newVersion;
      figures.push({ label: "Auto-OTA GA rule", value: `${mine[0]!.ruleName} → ${newVersion}` });
    } else {
      verdict = "warning";
      explanation.push(
        mine.length > 1
          ? `Several GA rules match ${path.label}: ${listSome(mine.map((r) => r.ruleName))}; pick the one that matches the station's Make/Model.`
          : mine.length === 1
            ? `The rule ${mine[0]!.ruleName} has no New Version in the pasted row; copy it from the New Version column.`
            : `No Auto-OTA rule ending in GA matches ${path.label}${all.length ? ` (GA rules pasted: ${listSome(all.map((r) => r.ruleName))})` : ""}; check the Rule Name against the station's Make/Model.`,
      );
    }
  }
  if (input.blacklisted) {
    return {
      tool: "firmware-path",
      playbook: "firmware-upgrade",
      verdict: "problem",
      summary: "Do not upgrade: the station is on the Do not upgrade blacklist.",
      figures,
      explanation: [
        "Firmware Upgrade step 10: if the Do Not upgrade blacklist check box is enabled, do not upgrade the firmware.",
        ...explanation,
      ],
      errors: [],
      next: ["Stop here: do not upgrade the firmware (the guide gives no further step for a blacklisted station)."],
      data: { family: input.family, ...(newVersion ? { newVersion } : {}) },
    };
  }
  return {
    tool: "firmware-path",
    playbook: "firmware-upgrade",
    verdict,
    summary: `${path.label}: OTAng Protocol ${path.protocol}, Manufacturers: ${manufacturers}${newVersion ? `; upgrade to ${newVersion}` : ""}.`,
    figures,
    explanation: [
      ...explanation,
      ...(input.blacklisted === undefined
        ? ["Check the Do not upgrade blacklist box in the OTAng search first: if it is enabled, do not upgrade."]
        : []),
    ],
    errors: [],
    next: upgradeSteps(path),
    data: { family: input.family, ...(newVersion ? { newVersion } : {}) },
  };
}

/** "CP6K", "ct4k macaw blacklisted", "CPE250"; Auto-OTA rows may follow on the next lines. */
function parseFirmwareText(text: string): TextParse {
  const [first = "", ...rows] = text.trim().split(/\r?\n/);
  const line = first.toLowerCase();
  const family: FirmwareFamily | undefined = /macaw/.test(line)
    ? "ct4k-macaw"
    : /legacy/.test(line)
      ? "ct4k-legacy"
      : /\bcpe\s?-?250/.test(line)
        ? "cpe250"
        : /\bcp\s?-?6k\b|\bcp6\d{3}/.test(line)
          ? "cp6k"
          : undefined;
  if (!family) {
    const ct4k = /\bct\s?-?4(k|\d{3})/.test(line);
    const message = ct4k
      ? `"${excerpt(first.trim())}" is a CT4K station, but the guide's steps differ between CT4K Legacy (do NOT select ChargePoint under Manufacturers) and CT4K MACAW (select ChargePoint): type "CT4K Legacy" or "CT4K MACAW"`
      : `No station family found in "${excerpt(first.trim())}": expected CT4K Legacy, CT4K MACAW, CPE250 or CP6K`;
    return { ok: false, errors: [fieldError("family", ct4k ? "ambiguous" : "missing", message)] };
  }
  const notListed =
    /\bnot\s+(?:on\s+the\s+)?blacklist(?:ed)?\b|\bblacklist\s*(?:off|unchecked|no|disabled)\b|\bno\s+blacklist\b/.test(
      line,
    );
  const listed = !notListed && /\bblacklist(?:ed)?\b|\bdo\s*not\s*upgrade\b/.test(line);
  return {
    ok: true,
    input: {
      family,
      ...(notListed || listed ? { blacklisted: listed } : {}),
      ...(rows.length ? { autoOta: rows.join("\n") } : {}),
    },
  };
}

export const firmwarePathTool = defineTool({
  id: "firmware-path",
  title: "Firmware upgrade path",
  playbook: "firmware-upgrade",
  summary:
    "The OTAng Protocol and Manufacturers choice per station family, the GA Auto-OTA rule, and the blacklist stop.",
  usage: "firmware <CT4K Legacy|CT4K MACAW|CPE250|CP6K> [blacklisted] [Auto-OTA rows on the next lines]",
  examples: [
    "firmware CP6K",
    "firmware CT4K MACAW\nCT4K Macaw GA  *  2023.03.00.260-alpha.prod_4.20.0_mcb  9854  44  5  *  0",
  ],
  inputSchema: firmwarePathInput,
  fields: ["family", "blacklisted", "autoOta"],
  check: (input) => checkFirmwarePath(input),
  parseText: parseFirmwareText,
});
