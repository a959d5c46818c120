import { z } from "zod";
import { defineTool } from "./define-tool.ts";
import { describeValue } from "./describe-value.ts";
import { parseRfidText } from "./parse-rfid-text.ts";
import type { ToolResult } from "./tool-result.ts";

/**
 * Guide, Diagnose > ChargePoint Card (RFID) Reader. The Solution's closing note says older CT4000 stations
 * (serial numbers beginning 13 or 14) with RFID firmware 210316, UIC 68T01421_V2.1 "have a reported issue where
 * the hardware is too old to support critical updates for PCI compliance." Step 5 gives a good status as
 * "rfidinfo 210326, UIC 68FCA911_V1.1" (versions may vary) and says Unknown or "-----" needs a reboot.
 */
export const rfidReference = {
  oldSerialPrefixes: ["13", "14"],
  /** The guide writes the serials as 13XXXXXXXX / 14XXXXXXXX: 13 or 14 then 8 more digits, 10 in all. */
  oldSerialPattern: /^1[34]\d{8}$/,
  oldFirmware: "210316",
  oldUic: "68T01421_V2.1",
  goodExample: "rfidinfo 210326, UIC 68FCA911_V1.1",
} as const;

const noResponse = /^(unknown|-{3,})$/i;

export const rfidAgeInput = z
  .strictObject({
    serialNumber: z
      .string({ error: (iss) => `serialNumber must be text; got ${describeValue(iss.input)}` })
      .regex(/^\d{6,16}$/, {
        error: (iss) =>
          `serialNumber must be the station's serial number, 6 to 16 digits (e.g. 1412345678); got ${describeValue(iss.input)}`,
      })
      .optional(),
    rfidFirmware: z
      .string()
      .regex(/^(\d{6}|unknown|-{3,})$/i, {
        error: (iss) =>
          `rfidFirmware must be the 6-digit RFID firmware from Get Latest Status (e.g. 210316), Unknown or -----; got ${describeValue(iss.input)}`,
      })
      .optional(),
    uic: z
      .string()
      .regex(/^([0-9A-Z]{8}_V\d+(\.\d+)*|unknown|-{3,})$/i, {
        error: (iss) => `uic must look like 68T01421_V2.1; got ${describeValue(iss.input)}`,
      })
      .optional(),
  })
  .refine((v) => v.serialNumber ?? v.rfidFirmware ?? v.uic, {
    error: "Nothing to check: give the serial number and the RFID firmware / UIC from Get Latest Status",
    path: ["serialNumber"],
  });
export type RfidAgeInput = z.infer<typeof rfidAgeInput>;

const rebootSteps = [
  "The RFID reader is not responding: soft reboot the station from Status/Actions.",
  "Wait 5 minutes (or until the last communication time updates), then Get Latest Status again.",
  "If RFID still shows Unknown or ----- after the reboot, contact Support.",
];

export function checkRfidAge(input: RfidAgeInput): ToolResult<{ oldHardware: boolean }> {
  const { serialNumber, rfidFirmware, uic } = input;
  const ref = rfidReference;
  const oldSerial = serialNumber !== undefined && ref.oldSerialPattern.test(serialNumber);
  const firmwareMatch = rfidFirmware === ref.oldFirmware;
  const uicMatch = uic?.toUpperCase() === ref.oldUic.toUpperCase();
  // The note names firmware and UIC together: both must match; one alone is only a lead.
  const oldVersion = firmwareMatch && uicMatch;
  const oneMissing = (firmwareMatch && uic === undefined) || (uicMatch && rfidFirmware === undefined);
  const silent = [rfidFirmware, uic].some((v) => v !== undefined && noResponse.test(v));
  const figures = [
    ...(serialNumber
      ? [
          {
            label: "Serial number",
            value: `${serialNumber}${oldSerial ? " (older CT4000: 13XXXXXXXX / 14XXXXXXXX)" : ""}`,
          },
        ]
      : []),
    ...(rfidFirmware ? [{ label: "RFID firmware", value: rfidFirmware }] : []),
    ...(uic ? [{ label: "UIC", value: uic }] : []),
  ];
  const note = `The guide's note: older CT4000 stations (SN 13XXXXXXXX, 14XXXXXXXX: 10 digits) with RFID firmware ${ref.oldFirmware}, UIC ${ref.oldUic} are too old for the critical PCI compliance updates.`;
  const base = { tool: "rfid-age" as const, playbook: "rfid-reader", figures, errors: [] };
  if (silent) {
    return {
      ...base,
      verdict: "problem",
      summary: "RFID reader not responding (Unknown or -----).",
      explanation: [`A responding reader shows e.g. ${ref.goodExample}.`],
      next: rebootSteps,
      data: { oldHardware: false },
    };
  }
  if (oldSerial && oldVersion) {
    return {
      ...base,
      verdict: "problem",
      summary: "Hardware too old for PCI updates: consider station head replacement.",
      explanation: [note],
      next: ["Consider station head replacement: this RFID hardware cannot take the critical PCI compliance updates."],
      data: { oldHardware: true },
    };
  }
  const [verdict, summary, next] = ((): [ToolResult["verdict"], string, string[]] => {
    if (oldSerial && oneMissing) {
      return [
        "warning",
        `Serial and ${firmwareMatch ? "RFID firmware" : "UIC"} match the old-hardware note: check the ${firmwareMatch ? "UIC" : "RFID firmware"} too.`,
        [
          `The note needs both: RFID firmware ${ref.oldFirmware} and UIC ${ref.oldUic}. Read the other from the RFID section of Get Latest Status.`,
        ],
      ];
    }
    if (serialNumber && !oldSerial && /^1[34]/.test(serialNumber)) {
      return [
        "ok",
        `Serial ${serialNumber} starts 13/14 but is not 10 digits, so it is not the guide's 13XXXXXXXX / 14XXXXXXXX pattern.`,
        ["Check the serial number on the General tab; otherwise continue with the RFID Reader steps."],
      ];
    }
    if (oldSerial && !rfidFirmware && !uic) {
      return [
        "warning",
        "Serial number is in the older CT4000 range (13/14): check the RFID firmware.",
        [
          `Get Latest Status and read the RFID section: ${ref.oldFirmware} / UIC ${ref.oldUic} means the hardware is too old for PCI updates.`,
        ],
      ];
    }
    if (!serialNumber && (oldVersion || oneMissing)) {
      return [
        "warning",
        "The RFID firmware matches the guide's old-hardware note: check the serial number.",
        [
          `Check the serial number on the General tab (13XXXXXXXX / 14XXXXXXXX) and that both RFID firmware ${ref.oldFirmware} and UIC ${ref.oldUic} show; only then consider station head replacement.`,
        ],
      ];
    }
    if (!oldSerial && (oldVersion || oneMissing)) {
      return [
        "warning",
        "The RFID firmware matches the old-hardware note, but the serial number does not start 13 or 14.",
        [
          "The note covers older CT4000 stations only (SN 13XXXXXXXX, 14XXXXXXXX): double-check the serial number; otherwise continue with the RFID Reader steps.",
        ],
      ];
    }
    return [
      "ok",
      "Not the older RFID hardware the guide's note describes.",
      [
        "Continue with the RFID Reader steps: Plug In Event IDs, Alarm Log (Unknown RFID), Resend Config, Get Latest Status.",
      ],
    ];
  })();
  return { ...base, verdict, summary, explanation: [note], next, data: { oldHardware: false } };
}

export const rfidAgeTool = defineTool({
  id: "rfid-age",
  title: "RFID hardware age",
  playbook: "rfid-reader",
  summary:
    "Spots older CT4000 RFID hardware (SN 13/14 with firmware 210316, UIC 68T01421_V2.1) that cannot take PCI updates.",
  usage: "rfid [serial <number>] [RFID firmware] [UIC]",
  examples: ["rfid serial 1412345678 210316 68T01421_V2.1", "rfid rfidinfo 210326, UIC 68FCA911_V1.1 SN 220741018018"],
  inputSchema: rfidAgeInput,
  fields: ["serialNumber", "rfidFirmware", "uic"],
  check: (input) => checkRfidAge(input),
  parseText: parseRfidText,
});
