/**
 * Text a person quotes: what a screen shows or should show, an alarm's exact wording. Double quotes,
 * curly quotes, or single quotes that open after a space and close before a space or punctuation, so
 * apostrophes ("driver's", "isn't") never count.
 */
const quoted =
  /"([^"\n]{1,160})"|\u201c([^\u201d\n]{1,160})\u201d|(?<=^|[\s(])['\u2018]([^'\u2019\n]{1,160}?)['\u2019](?=$|[\s.,!?;:)])/g;

/** Every span opens with one of these; most messages have none, and finding that out is cheaper than the search. */
const opener = /["'\u201c\u2018]/;

/**
 * Splits `text` at `breaks` but never inside a quotation: "'Visitors only - 2 hr max.'" stays one piece. Each
 * quotation stands in as a placeholder while splitting and is put back after.
 */
export function splitOutsideQuotes(text: string, breaks: RegExp): string[] {
  const spans = quotedSpans(text);
  let masked = text;
  for (let i = spans.length - 1; i >= 0; i--) {
    const { start, end } = spans[i]!;
    masked = `${masked.slice(0, start)}\uE000${i}\uE001${masked.slice(end)}`;
  }
  return masked
    .split(breaks)
    .map((s) => s.replace(/\uE000(\d+)\uE001/g, (_, i: string) => text.slice(spans[+i]!.start, spans[+i]!.end)).trim());
}

/** Each quoted span with its position in `text`, quotes included. */
export function quotedSpans(text: string): { start: number; end: number; inner: string }[] {
  if (!opener.test(text)) return [];
  return [...text.matchAll(quoted)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    inner: m[1] ?? m[2] ?? m[3] ?? "",
  }));
}
