import type { TextParse } from "./define-tool.ts";
import { listSome } from "./describe-value.ts";
import { fieldError } from "./invalid-result.ts";
import { parseNumber } from "./parse-number.ts";

/** "US, balance $42.10, ACH, expected on the 15th", "revenue 200 priced", "canada check 75", "mfh revenue 300". */
export function parseRemittanceText(text: string): TextParse {
  const t = ` ${text.toLowerCase()} `;
  const input: Record<string, unknown> = {};
  if (/\b(us|usa|u\.s\.|united states)\b/.test(t)) input.country = "US";
  else if (/\b(ca|canada|canadian)\b/.test(t)) input.country = "CA";
  // Any other country or currency: the guide's remittance rule is for the US and Canada only.
  else if (/\b(uk|u\.k\.|united kingdom|britain|gb|gbp|eur|euro|europe|mexico|australia|germany|france)\b|[£€]/.test(t))
    input.country = "other";
  if (/\bach\b/.test(t)) input.paymentMethod = "ach";
  else if (/\bwire\b/.test(t)) input.paymentMethod = "wire";
  else if (/\b(paper\s*)?(checks?|cheques?)\b/.test(t)) input.paymentMethod = "check";
  if (/\b(mfh|multi-?\s?family)\b/.test(t)) input.multifamily = true;
  if (/\b(no\s+pricing|not\s+priced|unpriced|free)\b/.test(t)) input.priced = false;
  else if (/\b(priced|pricing)\b/.test(t)) input.priced = true;
  const day = /\b(\d{1,2})(?:st|nd|rd|th)\b/.exec(t) ?? /\b\d{4}-\d{2}-(\d{2})\b/.exec(t);
  if (day) input.expectedDay = Number(day[1]);
  const amount = String.raw`(-?\$?\s*\d[\d,]*(?:\.\d+)?)`;
  const revenue = new RegExp(String.raw`revenue\s*(?:of|is|:|=)?\s*${amount}`).exec(t);
  const balance = new RegExp(String.raw`balance\s*(?:of|is|:|=)?\s*${amount}`).exec(t);
  if (revenue) input.revenue = parseNumber(revenue[1]!.replace(/\s/g, ""));
  if (balance) input.balance = parseNumber(balance[1]!.replace(/\s/g, ""));
  if (!revenue && !balance) {
    const rest = t.replace(/\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)\b/g, " ");
    const bare = rest.match(/-?\$?\d[\d,]*(?:\.\d+)?/g) ?? [];
    if (bare.length > 1) {
      const message = `Found several amounts (${listSome(bare)}): label them, e.g. "balance 42.10" or "revenue 200"`;
      return { ok: false, errors: [fieldError("balance", "ambiguous", message)] };
    }
    if (bare[0]) input.balance = parseNumber(bare[0]);
  }
  if (Object.keys(input).length === 0) {
    const message =
      'Nothing recognised: expected country, balance, payment method and expected date, e.g. "US, balance $42.10, ACH, expected on the 15th"';
    return { ok: false, errors: [fieldError("text", "unreadable", message)] };
  }
  return { ok: true, input };
}
