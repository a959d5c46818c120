import { splitOutsideQuotes } from "./quoted-text.ts";

const sentenceBreak = /(?<=[.!?;])\s+|\n+|\s+-\s+|(?<=[a-z]),\s+(?:but|and|so|though)\s+/i;

/**
 * Splits a long message into sentences so one relevant sentence in a rambling paragraph is scored on
 * its own, undiluted by the rest. Splits on sentence punctuation and line breaks, and drops fragments
 * too short to say anything. Quoted text stays whole: "'Visitors only - 2 hr max.'" is one thing said.
 */
export function splitSentences(text: string, minLength = 8): string[] {
  return splitOutsideQuotes(text, sentenceBreak).filter((s) => s.length >= minLength);
}
