import type { TextParse } from "./define-tool.ts";
import { listSome } from "./describe-value.ts";
import { fieldError } from "./invalid-result.ts";
import { parseNumber } from "./parse-number.ts";
import { identityExamples } from "./station-identity-examples.ts";

/** "0024:B100:0006:ED63", "serial 220741018018", "mac 0024B1000006ED63 password 65506", "42.2743 / -89.0985". */
export function parseIdentityText(text: string): TextParse {
  const input: Record<string, unknown> = {};
  // Commas and semicolons separate fields ("MAC Address …, Serial number …"); none belongs to a value.
  let rest = ` ${text.replace(/[,;]/g, " ")} `;
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
    // Decimals as typed: 37.3800 has four, though the number 37.38 has two.
    const typed = numbers.map((n) => (n.split(".")[1] ?? "").length) as [number, number];
    Object.assign(input, { latitude: lat, longitude: long, decimalsTyped: typed });
  } else if (numbers.length > 0) {
    const message = `Found ${numbers.length === 1 ? "one number" : `${numbers.length} numbers`} (${listSome(numbers)}) where latitude / longitude need two, e.g. 42.274392 / -89.098501`;
    return { ok: false, errors: [fieldError("latitude", "unreadable", message)] };
  }
  if (Object.keys(input).length === 0) {
    const message = `Nothing recognised: expected a MAC address (${identityExamples.mac}), "serial <number>", "password <digits>" or "latitude / longitude"`;
    return { ok: false, errors: [fieldError("text", "unreadable", message)] };
  }
  return { ok: true, input };
}
