import { z } from "zod";
import { defineTool, type TextParse } from "./define-tool.ts";
import { describeValue, listSome } from "./describe-value.ts";
import { numberField } from "./field-schemas.ts";
import { fieldError } from "./invalid-result.ts";
import { parseNumber } from "./parse-number.ts";
import type { ToolResult } from "./tool-result.ts";

/**
 * Guide, Diagnose > Charging Station Out of Service Due to Station Unreachable: troubleshooting step 4
 * ("RSRP (ideally between -90 dBm to -70 dBm)"), step 5 ("check if the modem type is LTE and not GSM")
 * and the Solution steps for a weak signal.
 */
/**
 * The guide's Solution step 5 says boosters for "above -90 dBm RSRP", while step 4 calls -90 to -70 dBm
 * ideal. Read literally, -85 dBm (ideal) would need boosters; we read "above -90" as "beyond -90", i.e.
 * weaker. The tool and the playbook step both state this reading so neither contradicts the other.
 */
export const boosterReading =
  'How we read the guide: its Solution step 5 recommends signal boosters "if the signal strength is above -90 dBm RSRP"; next to its ideal range of -90 to -70 dBm we read that as a signal weaker than -90 dBm (e.g. -95 dBm), not as -85 dBm, which is inside the ideal range.';

export const rsrpReference = {
  idealMin: -90,
  idealMax: -70,
  weakSignalSteps: [
    "Check where the station is installed: an open area, or a garage under the basement.",
    "Check the SIM is seated correctly; if not, re-seat the SIM card.",
    "Do a cellular survey to find the carrier with the good signal strength, and make sure that carrier's SIM card is inserted.",
    'Recommend signal boosters: the guide says for a signal strength "above -90 dBm RSRP"; read next to its ideal range (-90 to -70 dBm) as weaker than -90 dBm (our reading, see the note).',
    "Check whether a nearby station that reaches the dashboard without issues uses the same carrier as the problem station.",
    "If the issue persists, contact Support to check the SIM card is activated and the correct service profile is configured.",
  ],
} as const;

// 3GPP reports RSRP from -140 to -44 dBm; anything outside is a typo, not a reading.
const measurable = { min: -140, max: -44 };

export const rsrpInput = z.strictObject({
  rsrpDbm: numberField({
    label: "RSRP",
    unit: "dBm",
    ...measurable,
    maxReason: "RSRP readings run from -140 to -44 dBm, so a reading is always negative",
    example: "-72",
  }),
  modem: z
    .enum(["LTE", "GSM"], { error: (iss) => `modem must be LTE or GSM; got ${describeValue(iss.input)}` })
    .optional(),
});
export type RsrpInput = z.infer<typeof rsrpInput>;

export function checkRsrp(input: RsrpInput): ToolResult<{ band: "weak" | "ideal" | "strong" }> {
  const { rsrpDbm, modem } = input;
  const { idealMin, idealMax } = rsrpReference;
  const band = rsrpDbm < idealMin ? "weak" : rsrpDbm > idealMax ? "strong" : "ideal";
  const signal = {
    weak: `${rsrpDbm} dBm is weaker than the ideal range (${idealMin} to ${idealMax} dBm) by ${idealMin - rsrpDbm} dB.`,
    ideal: `${rsrpDbm} dBm is within the ideal range (${idealMin} to ${idealMax} dBm).`,
    strong: `${rsrpDbm} dBm is stronger than the ideal range (${idealMin} to ${idealMax} dBm); signal strength is not the problem.`,
  }[band];
  const gsm = modem === "GSM";
  const explanation = [
    "RSRP is negative: closer to zero is stronger, so -95 dBm is weaker than -90 dBm.",
    boosterReading,
    ...(gsm ? ["The modem type is GSM: the guide says to check that the modem type is LTE and not GSM."] : []),
    ...(modem === undefined
      ? ["Modem type not given: check the General tab's Network section shows Modem Type LTE, not GSM."]
      : []),
  ];
  const next = [
    ...(band === "weak" ? rsrpReference.weakSignalSteps : []),
    ...(band !== "weak" && !gsm
      ? [
          "Signal is fine: ask the customer to power cycle the station, then check Station Status, Port Status, the last communication time and how often Alarms show it unreachable.",
        ]
      : []),
  ];
  return {
    tool: "rsrp",
    playbook: "station-unreachable",
    verdict: band === "weak" || gsm ? "problem" : "ok",
    summary: `${band === "weak" ? "Weak signal, boosters recommended" : band === "ideal" ? "Within the ideal range, no boosters" : "Strong signal, no boosters"}: ${signal}${gsm ? " Modem type GSM, expected LTE." : ""}`,
    figures: [
      { label: "RSRP", value: `${rsrpDbm} dBm` },
      { label: "Ideal range", value: `${idealMin} to ${idealMax} dBm` },
      ...(modem ? [{ label: "Modem type", value: modem }] : []),
    ],
    explanation,
    errors: [],
    next,
    data: { band },
  };
}

/**
 * "-95", "-95 dBm lte", "−72 dBm(RSRP)", or the General tab's Network section pasted whole ("Signal
 * Strength -72 dBm(RSRP)" ... "Modem Type LTE"). "GSM ICCID" and "GSM IMEI" appear on LTE modems too,
 * so they do not count as a modem type.
 */
function parseRsrpText(text: string): TextParse {
  const modemLine = /modem\s*type\s*[:\s]\s*(lte|gsm)\b/i.exec(text);
  const bare = /\b(lte|gsm)\b(?!\s*(?:iccid|imei))/i.exec(text.replace(/modem\s*type\s*[:\s]\s*(lte|gsm)\b/gi, ""));
  const modem = (modemLine?.[1] ?? bare?.[1])?.toUpperCase();
  const strength = /signal\s{0,5}strength\s{0,5}[:\s]\s{0,5}([-\u2212\u2013+]?\d{1,6}(?:\.\d{1,6})?)/i.exec(text);
  const withUnit = /([-\u2212\u2013+]?\d{1,6}(?:\.\d{1,6})?)\s{0,3}dbm/i.exec(text);
  const bareNumbers = text.match(/(?<![\w.])[-\u2212\u2013+]?\d+(?:\.\d+)?(?![\w.:-])/g) ?? [];
  const token = strength?.[1] ?? withUnit?.[1] ?? (bareNumbers.length === 1 ? bareNumbers[0] : undefined);
  if (token === undefined) {
    const message =
      bareNumbers.length > 1
        ? `Found several numbers (${listSome(bareNumbers)}): give one RSRP reading in dBm, e.g. -95 dBm`
        : "No RSRP reading found: give the signal strength in dBm, e.g. -95 or -72 dBm(RSRP)";
    return { ok: false, errors: [fieldError("rsrpDbm", "missing", message)] };
  }
  const value = parseNumber(token)!;
  if (value > 0) {
    const message = `RSRP ${value} dBm is positive: readings are negative dBm (ideal -90 to -70); did you mean -${value}?`;
    return { ok: false, errors: [fieldError("rsrpDbm", "positive", message)] };
  }
  return { ok: true, input: { rsrpDbm: value, ...(modem ? { modem } : {}) } };
}

export const rsrpTool = defineTool({
  id: "rsrp",
  title: "Cellular signal (RSRP)",
  playbook: "station-unreachable",
  summary: "Checks the last known RSRP against the ideal -90 to -70 dBm, and the modem type (LTE, not GSM).",
  usage: "rsrp <dBm> [lte|gsm]",
  examples: ["rsrp -95", "rsrp -72 dBm lte"],
  inputSchema: rsrpInput,
  fields: ["rsrpDbm", "modem"],
  check: (input) => checkRsrp(input),
  parseText: parseRsrpText,
});
