import type { TextParse } from "./define-tool.ts";
import { fieldError } from "./invalid-result.ts";
import { parseDuration } from "./parse-duration.ts";
import { parseNumber } from "./parse-number.ts";

// Quantifiers are bounded so a 20,000-character paste of digits or spaces cannot make the scan quadratic.
const num = String.raw`(-?\$?\s{0,3}\d[\d,]{0,15}(?:\.\d{1,8})?|-?\$?\s{0,3}\.\d{1,8})`;
const times = String.raw`\s{0,5}(?:@|at|x|×|\*)\s{0,5}`;
const energyLine = new RegExp(String.raw`${num}\s{0,5}kwh${times}${num}\s{0,5}(?:/|per)\s{0,5}kwh`, "i");
const durationText = String.raw`(\d{1,4}\s{0,3}h(?:\s{0,3}\d{1,4}\s{0,3}m)?(?:\s{0,3}\d{1,4}\s{0,3}s)?|\d{1,5}\s{0,3}m(?:\s{0,3}\d{1,4}\s{0,3}s)?|\d{1,4}:\d{2}:\d{2})`;
const timeLine = new RegExp(String.raw`${durationText}${times}${num}\s{0,5}(?:/|per)\s{0,5}h(?:rs?|ours?)?\b`, "i");
const amountLabel = new RegExp(String.raw`amount\s{0,5}:?\s{0,5}${num}`, "gi");
const totalLabel = new RegExp(String.raw`\btotal\s{0,5}:\s{0,5}${num}`, "i");
const money = (token: string) => parseNumber(token.replace(/\s+/g, ""));

/**
 * Reads a receipt as pasted from the Historical Sessions Fee popup ("Energy Rate: 56.4062 kWh @ $0.25/kWh
 * ... Amount: $14.10 ... Total: $14.10"), or the shorthand "56.4062 kWh 0.25 14.10" (energy, rate, amount).
 */
export function parseReceiptText(raw: string): TextParse {
  const text = raw.replace(/[\u2212\u2013]/g, "-");
  const input: Record<string, number> = {};
  const energy = energyLine.exec(text);
  const time = timeLine.exec(text);
  const total = totalLabel.exec(text);
  if (total) input.total = money(total[1]!)!;

  if (energy || time) {
    if (energy) Object.assign(input, { energyKwh: money(energy[1]!), energyRate: money(energy[2]!) });
    if (time) {
      const seconds = parseDuration(time[1]!.replace(/\s+/g, " "));
      if (seconds === undefined) {
        const message = `Station time "${time[1]}" is not a duration: expected e.g. 9h 4m 54s or 09:04:54`;
        return { ok: false, errors: [fieldError("stationSeconds", "bad_duration", message)] };
      }
      Object.assign(input, { stationSeconds: seconds, timeRate: money(time[2]!) });
    }
    // Each "Amount:" belongs to the rate line printed just before it.
    for (const match of text.matchAll(amountLabel)) {
      const after = (line: RegExpExecArray | null) => (line && line.index < match.index ? line.index : -1);
      const owner = after(energy) > after(time) ? "energyAmount" : after(time) >= 0 ? "timeAmount" : undefined;
      if (owner && input[owner] === undefined) input[owner] = money(match[1]!)!;
    }
    if (energy && input.energyAmount === undefined && !/amount/i.test(text)) {
      // "56.4062 kWh @ $0.25/kWh 14.10": a lone number after the rate is the amount.
      const rest = text
        .slice(energy.index + energy[0].length)
        .replace(totalLabel, "")
        .replace(timeLine, "");
      const trailing = /^\s*[:=,-]?\s*(\$?\d[\d,]*(?:\.\d+)?)\s*$/.exec(rest);
      if (trailing) input.energyAmount = money(trailing[1]!)!;
    }
    return { ok: true, input };
  }

  // Shorthand: energy (optionally marked kWh), rate, amount.
  const rest = text.replace(totalLabel, " ");
  const tokens = rest.match(/-?\$?\d[\d,]*(?:\.\d+)?(?:\s*kwh)?|-?\$?\.\d+/gi) ?? [];
  const values = tokens.map((t) => ({ value: money(t.replace(/kwh/i, "")), kwh: /kwh/i.test(t) }));
  const marked = values.findIndex((v) => v.kwh);
  const ordered = marked > 0 ? [values[marked]!, ...values.filter((_, i) => i !== marked)] : values;
  if (ordered.length < 2 || ordered.length > 3) {
    const found = ordered.length === 0 ? "no numbers" : `${ordered.length} number${ordered.length > 1 ? "s" : ""}`;
    const message = `Found ${found}: expected energy, rate and the amount charged, e.g. "56.4062 kWh 0.25 14.10", or paste the receipt's Energy Rate and Amount lines`;
    return { ok: false, errors: [fieldError("text", "unreadable_receipt", message)] };
  }
  const [kwh, rate, amount] = ordered.map((v) => v.value);
  Object.assign(input, { energyKwh: kwh, energyRate: rate, ...(amount !== undefined ? { energyAmount: amount } : {}) });
  return { ok: true, input };
}
