import { z } from "zod";
import { checkCoordinates } from "./check-coordinates.ts";
import { defineTool } from "./define-tool.ts";
import { describeValue } from "./describe-value.ts";
import { numberField } from "./field-schemas.ts";
import { parseIdentityText } from "./parse-identity-text.ts";
import { identityExamples } from "./station-identity-examples.ts";
import type { ToolResult } from "./tool-result.ts";

const normalizeMac = (v: string) =>
  v
    .trim()
    .replace(/[\s:.-]/g, "")
    .toUpperCase();

/** Says what is wrong with a MAC: a character that is not hex, or how many digits it has. */
function macProblem(value: unknown): string {
  const hex = normalizeMac(String(value));
  const bad = [...new Set(hex.replace(/[0-9A-F]/g, ""))];
  const what = bad.length
    ? `"${bad.join('", "')}" ${bad.length > 1 ? "are" : "is"} not hex`
    : `it has ${hex.length} hex digits`;
  return `mac must be 16 hex digits, as the dashboard shows it (${identityExamples.mac} or 0024B1000006ED63), but ${what}; got ${describeValue(value)}`;
}

const macText = z
  .string({ error: (iss) => `mac must be text; got ${describeValue(iss.input)}` })
  .refine((v) => /^[0-9A-F]{16}$/.test(normalizeMac(v)), { error: (iss) => macProblem(iss.input) })
  .transform(normalizeMac);

export const stationIdentityInput = z
  .strictObject({
    mac: macText.optional(),
    serialNumber: z
      .string()
      .regex(/^\d{6,16}$/, {
        error: (iss) =>
          `serialNumber must be 6 to 16 digits (e.g. ${identityExamples.serial}); got ${describeValue(iss.input)}`,
      })
      .optional(),
    activationPassword: z
      .string()
      .regex(/^\d{4,8}$/, {
        error: (iss) =>
          `activationPassword must be the digits from the General tab (e.g. ${identityExamples.activationPassword}); got ${describeValue(iss.input)}`,
      })
      .optional(),
    latitude: numberField({
      label: "Latitude",
      min: -90,
      max: 90,
      maxReason: "latitudes run from -90 to 90",
      example: "37.380077",
    }).optional(),
    longitude: numberField({
      label: "Longitude",
      min: -180,
      max: 180,
      maxReason: "longitudes run from -180 to 180",
      example: "-121.91664",
    }).optional(),
    /** Decimal places of latitude and longitude as typed (trailing zeros count); set by the text parser. */
    decimalsTyped: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    error: "Nothing to check: give a MAC address, serial number, activation password or latitude / longitude",
    path: ["mac"],
  })
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), {
    error: "Give latitude and longitude together, e.g. 37.380077 / -121.91664",
    path: ["longitude"],
  });
export type StationIdentityInput = z.infer<typeof stationIdentityInput>;

const macForms = (hex: string) => ({ grouped: hex.match(/.{4}/g)!.join(":"), plain: hex });

export function checkStationIdentity(input: StationIdentityInput, playbook: string): ToolResult {
  const figures: { label: string; value: string }[] = [];
  const explanation: string[] = [];
  const next: string[] = [];
  let verdict: ToolResult["verdict"] = "ok";
  if (input.mac) {
    const { grouped, plain } = macForms(input.mac);
    figures.push({ label: "MAC address", value: `${grouped} = ${plain}` });
    explanation.push(
      "The station header shows the MAC grouped by colons, the General tab without them; both are the same address.",
    );
    if (!plain.startsWith("0024B1"))
      explanation.push(
        "Every station in the guide has a MAC starting 0024:B1; double-check this one was copied from the right station.",
      );
  }
  if (input.serialNumber) {
    figures.push({ label: "Serial number", value: input.serialNumber });
    if (/^1[34]/.test(input.serialNumber))
      explanation.push(
        "Serial numbers starting 13 or 14 are older CT4000 stations; see the RFID Reader check (/cp rfid) if cards are not read.",
      );
  }
  if (input.activationPassword) figures.push({ label: "Activation password", value: input.activationPassword });
  if (input.mac || input.activationPassword) {
    next.push(
      "Replace Hardware: on the old station's Status/Actions tab select Replace Hardware, enter the new station's MAC address and Activation Password, then select Replace Hardware.",
    );
  }
  if (input.latitude !== undefined && input.longitude !== undefined) {
    const coords = checkCoordinates(input.latitude, input.longitude, input.decimalsTyped);
    figures.push(...coords.figures);
    explanation.push(...coords.notes);
    next.push(...coords.next);
    if (coords.verdict !== "ok") verdict = coords.verdict;
  }
  const summary =
    verdict === "ok"
      ? `Valid: ${figures
          .filter((f) => f.label !== "Google Maps")
          .map((f) => `${f.label} ${f.value}`)
          .join("; ")}.`
      : `Check the coordinates: ${explanation.find((e) => e.startsWith("!"))?.slice(1) ?? explanation.at(-1)}`;
  return {
    tool: "station-identity",
    playbook,
    verdict,
    summary,
    figures,
    explanation: explanation.map((e) => e.replace(/^!/, "")),
    errors: [],
    next,
    data: input,
  };
}

export const stationIdentityTool = defineTool({
  id: "station-identity",
  title: "Station identity",
  playbook: "replace-hardware",
  playbooks: ["replace-hardware", "bad-pinpoint"],
  summary: "Checks a MAC address (both dashboard forms), serial number, activation password, or latitude / longitude.",
  usage: "station <MAC> | serial <number> | password <digits> | <latitude> / <longitude>",
  examples: [
    "station 0024:B100:0006:ED63",
    "station mac 0024B1000006ED63 password 65506",
    "station 42.274392291174770 / -89.098501500000010",
  ],
  inputSchema: stationIdentityInput,
  fields: ["mac", "serialNumber", "activationPassword", "latitude", "longitude"],
  check: (input, playbook) =>
    checkStationIdentity(
      input,
      input.latitude !== undefined && !input.mac && !input.serialNumber ? "bad-pinpoint" : playbook,
    ),
  parseText: parseIdentityText,
});
