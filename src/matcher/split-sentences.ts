import { quotedSpans } from "./quoted-text.ts";

/**
 * Splits a long message into sentences so one relevant sentence in a rambling paragraph is scored on
 * its own, undiluted by the rest. Splits on sentence punctuation and line breaks, and drops fragments
 * too short to say anything. Quoted text stays whole: "'Visitors only - 2 hr max.'" is one thing said.
 */
export function splitSentences(text: string, minLength = 8): string[] {
  const spans = quotedSpans(text);
  // Stand each quotation in for a placeholder while splitting, then put it back.
  let masked = text;
  for (let i = spans.length - 1; i >= 0; i--) {
    const { start, end } = spans[i]!;
    masked = `${masked.slice(0, start)}\uE000${i}\uE001${masked.slice(end)}`;
  }
  return masked
    .split(/(?<=[.!?;])\s+|\n+|\s+-\s+|(?<=[a-z]),\s+(?:but|and|so|though)\s+/i)
    .map((s) => s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => text.slice(spans[+i]!.start, spans[+i]!.end)).trim())
    .filter((s) => s.length >= minLength);
}
