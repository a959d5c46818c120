/**
 * Splitting text to fit a platform limit without losing any of it. Platform converters pass a `measure`
 * (the length once converted, e.g. after Slack escaping), so the limit is checked on what is sent.
 */

export type Measure = (text: string) => number;
const length: Measure = (s) => s.length;

/** The longest prefix of `raw` (in UTF-16 units, never inside a surrogate pair) whose measure fits. */
export function fittingPrefix(raw: string, limit: number, measure: Measure = length): number {
  let lo = 0;
  let hi = raw.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(raw.slice(0, mid)) <= limit) lo = mid;
    else hi = mid - 1;
  }
  const code = raw.charCodeAt(lo - 1);
  return code >= 0xd800 && code <= 0xdbff ? lo - 1 : lo; // keep an emoji's two halves together
}

/**
 * Splits `raw` into chunks that each fit `limit`: at a line break if one is in reach, else at a space.
 * Only a single word longer than the whole limit is cut inside, at a character boundary. The break
 * character between two chunks is the only thing dropped, so the chunks joined back give the same text.
 */
export function splitText(raw: string, limit: number, measure: Measure = length): string[] {
  const chunks: string[] = [];
  let rest = raw;
  while (measure(rest) > limit) {
    const fit = fittingPrefix(rest, limit, measure);
    const window = rest.slice(0, fit);
    // Prefer a line break in the second half of the window, so chunks do not come out tiny.
    const newline = window.lastIndexOf("\n");
    const space = window.lastIndexOf(" ");
    const at = newline > fit / 2 ? newline : space > 0 ? space : newline;
    if (at > 0) {
      chunks.push(rest.slice(0, at));
      rest = rest.slice(at + 1);
    } else {
      const cut = Math.max(fit, 1);
      chunks.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
  }
  chunks.push(rest);
  return chunks;
}

/**
 * Shortens a label at a word boundary with an ellipsis so that `convert(label)` fits `limit`. Only for
 * labels (buttons, placeholders, notification text) whose full content is shown elsewhere.
 */
export function fitLabel(raw: string, limit: number, convert: (s: string) => string = (s) => s): string {
  if (convert(raw).length <= limit) return convert(raw);
  const fit = fittingPrefix(raw, limit - 1, (s) => convert(s).length);
  const window = raw.slice(0, fit);
  const space = window.lastIndexOf(" ");
  return `${convert((space > fit / 2 ? window.slice(0, space) : window).trimEnd())}…`;
}
