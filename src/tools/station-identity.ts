import { z } from "zod";
import { checkCoordinates } from "./check-coordinates.ts";
import { defineTool, type TextParse } from "./define-tool.ts";
import { describeValue } from "./describe-value.ts";
import { numberField } from "./field-schemas.ts";
import { fieldError } from "./invalid-result.ts";
import { parseNumber } from "./parse-number.ts";
import type { ToolResult } from "./tool-result.ts";

/**
 * Guide, Replacing Hardware (and the Firmware Upgrade and Multifamily screenshots): the dashboard shows a
 * station's MAC address two ways, 0024:B100:0006:ED63 in the header and 0024B1000006ED63 on the General
 * tab; serial numbers such as 220741018018; activation passwords such as 65506.
 */
export const identityExamples = {
  mac: "0024:B100:0006:ED63",
  serial: "220741018018",
  activationPassword: "65506",
} as const;

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
    const coords = checkCoordinates(input.latitude, input.longitude);
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

/** "0024:B100:0006:ED63", "serial 220741018018", "mac 0024B1000006ED63 password 65506", "42.2743 / -89.0985". */
function parseIdentityText(text: string): TextParse {
  const input: Record<string, unknown> = {};
  let rest = ` ${text} `;
  const mac =
    /(?:mac(?:\s*(?:address|id))?\s*[:=]?\s*)?((?:[0-9a-f]{4}[:\s.-]?){3}[0-9a-f]{4}|(?:[0-9a-f]{2}[:-]){7}[0-9a-f]{2})(?![0-9a-f])/i.exec(
      rest,
    );
  // A token shaped like a MAC but wrong (a digit short, a G) still goes to the MAC check, which says why.
  const macLike =
    /(?:mac(?:\s*(?:address|id))?\s*[:=]?\s*)(\S+)|(?<!\S)([0-9a-z]{1,4}(?::[0-9a-z]{1,6}){2,})(?!\S)/i.exec(rest);
  if (mac && /[a-f]|:|^0024/i.test(mac[1]!)) {
    input.mac = mac[1];
    rest = rest.replace(mac[0], " ");
  } else if (macLike) {
    input.mac = macLike[1] ?? macLike[2];
    rest = rest.replace(macLike[0], " ");
  }
  const password = /(?:activation\s*)?password\s*[:=]?\s*(\S+)/i.exec(rest);
  if (password) {
    input.activationPassword = password[1];
    rest = rest.replace(password[0], " ");
  }
  const serial =
    /(?:serial(?:\s*(?:number|no\.?))?|s\/?n)\s*[:#=]?\s*(\S+)/i.exec(rest) ??
    /(?<![\d.-])(\d{9,16})(?![\d.])/.exec(rest);
  if (serial) {
    input.serialNumber = serial[1];
    rest = rest.replace(serial[0], " ");
  }
  const numbers = rest.match(/[-+\u2212\u2013]?\d+(?:\.\d+)?/g) ?? [];
  if (numbers.length === 2) {
    const [lat, long] = numbers.map((n) => parseNumber(n)!) as [number, number];
    if (Math.abs(lat) > 90 && Math.abs(long) <= 90) {
      const message = `${lat} is not a latitude (latitudes run from -90 to 90) but works as a longitude: give them in the dashboard's order, Lat / Long, i.e. ${long} / ${lat}`;
      return { ok: false, errors: [fieldError("latitude", "swapped", message)] };
    }
    Object.assign(input, { latitude: lat, longitude: long });
  } else if (numbers.length > 0) {
    const message = `Found ${numbers.length === 1 ? "one number" : `${numbers.length} numbers`} (${numbers.join(", ")}) where latitude / longitude need two, e.g. 42.274392 / -89.098501`;
    return { ok: false, errors: [fieldError("latitude", "unreadable", message)] };
  }
  if (Object.keys(input).length === 0) {
    const message = `Nothing recognised: expected a MAC address (${identityExamples.mac}), "serial <number>", "password <digits>" or "latitude / longitude"`;
    return { ok: false, errors: [fieldError("text", "unreadable", message)] };
  }
  return { ok: true, input };
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
