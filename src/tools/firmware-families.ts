export type FirmwareFamily = "ct4k-legacy" | "ct4k-macaw" | "cpe250" | "cp6k";

export interface FamilyPath {
  label: string;
  /** The Protocol to pick in the OTAng Search dropdown. */
  protocol: "ChargePoint" | "OCPP";
  /** Whether to select ChargePoint under Manufacturers. */
  selectChargePoint: boolean;
  /** Recognises this family's Auto-OTA rule names ("CT4K Macaw GA"). */
  ruleName: RegExp;
}

/** Guide, Configure > Firmware Upgrade, step 13 a-d. */
export const firmwareFamilies: Record<FirmwareFamily, FamilyPath> = {
  "ct4k-legacy": {
    label: "CT4K Legacy",
    protocol: "ChargePoint",
    selectChargePoint: false,
    ruleName: /^(?!.*macaw).*\b(ct4k|ct4000|ct40\d0)\b/i,
  },
  "ct4k-macaw": { label: "CT4K MACAW", protocol: "ChargePoint", selectChargePoint: true, ruleName: /macaw/i },
  cpe250: { label: "CPE250", protocol: "ChargePoint", selectChargePoint: false, ruleName: /\bcpe\s?250\b/i },
  cp6k: { label: "CP6K", protocol: "OCPP", selectChargePoint: false, ruleName: /\bcp\s?6k\b|\bcp6\d{3}\b/i },
};

/** Guide, Firmware Upgrade steps 5-18, with the family's step 13 filled in. */
export function upgradeSteps(path: FamilyPath): string[] {
  const manufacturers = path.selectChargePoint ? "select *ChargePoint*" : "do NOT select ChargePoint";
  return [
    "In **Auto-OTA**, find the rule whose **Rule Name** matches the station's Make/Model and ends in **GA**; copy its **New Version**.",
    "In **OTAng > Download To Stations**, open **Search** and enter the Org name and MAC ID.",
    "If the **Do not upgrade blacklist** check box is enabled for the station, stop: do not upgrade the firmware.",
    "Select **Search**, then the station under **Select Org/Stations**.",
    `${path.label}: in **Search** set **Protocol** to *${path.protocol}*; under **Manufacturers** ${manufacturers}.`,
    "In **Upgrade Options**, paste the version into **Software Version** and select the auto-populated version; select **Add to list**.",
    "Check **Gateway**, **Station**, **S/W Version From** and **S/W Version To** in the list, then select **Upload** under **Upload selected files to station**.",
    "Follow progress in **Reports > Logs > OTAng Logs**; if the issue persists, contact Support.",
  ];
}
