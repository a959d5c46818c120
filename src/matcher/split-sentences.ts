/**
 * Splits a long message into sentences so one relevant sentence in a rambling paragraph is scored on
 * its own, undiluted by the rest. Splits on sentence punctuation and line breaks, and drops fragments
 * too short to say anything.
 */
export function splitSentences(text: string, minLength = 8): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+|\s+-\s+|(?<=[a-z]),\s+(?:but|and|so|though)\s+/i)
    .map((s) => s.trim())
    .filter((s) => s.length >= minLength);
}
