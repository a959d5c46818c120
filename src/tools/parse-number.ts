/**
 * Reads a number as people paste it: "−95" with a Unicode minus (copied from documents), "$14.10",
 * "1,234.50". Returns undefined for anything else rather than guessing.
 */
export function parseNumber(token: string): number | undefined {
  const cleaned = token
    .trim()
    .replace(/^[\u2212\u2013\u2012\u2014]/, "-")
    .replace(/^([-+]?)\$/, "$1")
    .replace(/,(?=\d{3}(?:\D|$))/g, "");
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

/** Every number in a text, in order, with the same leniency as parseNumber. */
export function numbersIn(text: string): number[] {
  const matches = text.match(/[-+\u2212\u2013]?\$?\d[\d,]*(?:\.\d+)?|[-+\u2212\u2013]?\$?\.\d+/g) ?? [];
  return matches.map(parseNumber).filter((n): n is number => n !== undefined);
}
