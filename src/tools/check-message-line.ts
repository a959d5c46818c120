import { fieldError } from "./invalid-result.ts";
import { forbiddenReplacements, type MessageLineRule, stationMessageRules } from "./station-message-rules.ts";
import type { FieldError } from "./tool-result.ts";

export interface CheckedLine {
  /** The text as the station will show it: trimmed of surrounding spaces. */
  text: string;
  length: number;
  errors: FieldError[];
  /** Things worth saying that do not make the line invalid. */
  notes: string[];
}

const lineBreaks: Record<string, string> = {
  "\n": "a line break (LF)",
  "\r": "a line break (CR or CRLF)",
  "\u000b": "a vertical tab",
  "\u000c": "a form feed",
  "\u0085": "a next-line character (NEL)",
  "\u2028": "a line separator (U+2028)",
  "\u2029": "a paragraph separator (U+2029)",
};

const codePoint = (ch: string): string =>
  Array.from(ch, (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`).join(" ");

// Characters that look like the forbidden ones; named in the error so the person sees why.
const lookAlikes: Record<string, string> = {
  "／": "/",
  "∕": "/",
  "⁄": "/",
  "～": "~",
  "〜": "~",
  "“": '"',
  "”": '"',
  "＂": '"',
  "″": '"',
  "＜": "<",
  "‹": "<",
  "＞": ">",
  "›": ">",
  "｜": "|",
  "│": "|",
};

// Made at first use: creating a segmenter loads ICU's break rules, which every answer paid for at start.
let segmenter: Intl.Segmenter | undefined;
/** User-perceived characters: "👍🏽", "👨‍👩‍👧" and "e" + combining accent are one each. */
export const graphemes = (text: string): string[] => {
  // Plain ASCII is one character per code unit; segmenting a 100,000-character paste is needlessly slow.
  if (/^[\x20-\x7e]*$/.test(text)) return text.split("");
  segmenter ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  return Array.from(segmenter.segment(text), (s) => s.segment);
};
// Ten positions are enough to find the rest; a pasted block of "|" should not make a 10,000-number message.
const listPositions = (positions: number[]): string => {
  if (positions.length === 1) return `position ${positions[0]}`;
  const shown = positions.slice(0, 10).join(", ");
  return `positions ${shown}${positions.length > 10 ? ` and ${positions.length - 10} more` : ""}`;
};

/** Positions (1-based, in user-perceived characters) of each character matching `test`, grouped by character. */
function positionsOf(chars: string[], test: (ch: string, index: number) => boolean): Map<string, number[]> {
  const found = new Map<string, number[]>();
  chars.forEach((ch, i) => {
    if (!test(ch, i)) return;
    const list = found.get(ch);
    if (list) list.push(i + 1);
    else found.set(ch, [i + 1]);
  });
  return found;
}

/**
 * Checks one text line of a station message. Length and positions count user-perceived characters
 * (grapheme clusters, Intl.Segmenter). The guide's limits and forbidden characters are written for
 * ASCII station displays, so anything outside printable ASCII (accents, emoji, look-alikes) is an error
 * that names the character and its position.
 */
export function checkMessageLine(
  field: "line1" | "line2",
  value: string,
  rule: MessageLineRule,
  emptyHint = "",
): CheckedLine {
  const text = value.replace(/^\p{Zs}+|\p{Zs}+$/gu, "");
  const chars = graphemes(text);
  const errors: FieldError[] = [];
  const notes: string[] = [];
  const { label, maxChars } = rule;

  if (text !== value) notes.push(`${label}: removed spaces at the start or end; the station shows "${text}".`);
  if (chars.length === 0) {
    const what = value.length > 0 ? "only spaces" : "empty";
    errors.push(
      fieldError(field, "required", `${label} is ${what}: enter 1 to ${maxChars} characters of text${emptyHint}`),
    );
    return { text, length: 0, errors, notes };
  }

  // A Windows CRLF is one grapheme, so one line break, named by its CR.
  const breakOf = (c: string) => Array.from(c).find((x) => x in lineBreaks);
  const isBreak = (c: string) => breakOf(c) !== undefined;
  for (const [ch, at] of positionsOf(chars, isBreak)) {
    const message = `${label} has ${lineBreaks[breakOf(ch) ?? ""]} at ${listPositions(at)}: each line must be a single line of text; put the rest on the other line or shorten it`;
    errors.push(fieldError(field, "line_break", message));
  }
  const isControl = (c: string) => !isBreak(c) && /[\p{Cc}\p{Cs}]/u.test(c);
  for (const [ch, at] of positionsOf(chars, isControl)) {
    const name = ch === "\t" ? "a tab" : /\p{Cs}/u.test(ch) ? "a broken character" : "a control character";
    const fix = ch === "\t" ? "replace it with a space" : "remove it";
    const message = `${label} has ${name} (${codePoint(ch)}) at ${listPositions(at)}: only printable characters are allowed; ${fix}`;
    errors.push(fieldError(field, "control_character", message));
  }
  for (const [ch, at] of positionsOf(chars, (c) => (stationMessageRules.forbidden as readonly string[]).includes(c))) {
    const message = `${label} has the forbidden character ${ch} at ${listPositions(at)}: station messages cannot contain / ~ " < > |; remove it or use ${forbiddenReplacements[ch]} instead`;
    errors.push(fieldError(field, "forbidden_character", message));
  }
  if (chars.length > maxChars) {
    const over = chars.length - maxChars;
    const rest = chars.slice(maxChars);
    // A pasted paragraph would swamp the message; the start of the overflow is enough to find it.
    const cut = rest.length > 20 ? `${rest.slice(0, 20).join("")}…` : rest.join("");
    const message = `${label} is ${chars.length} characters, ${over} over the limit of ${maxChars}: shorten it to ${maxChars} or fewer ("${cut}" from position ${maxChars + 1} does not fit)`;
    errors.push(fieldError(field, "too_long", message));
  }

  // Our rule, stated on the card: the guide's rules are for ASCII displays, so other characters are errors.
  const nonAscii = (c: string) => !/^[\x20-\x7e]$/.test(c) && !isBreak(c) && !isControl(c);
  for (const [ch, at] of positionsOf(chars, nonAscii)) {
    const like = lookAlikes[ch];
    const why = like
      ? `it looks like the forbidden ${like} but is ${codePoint(ch)}`
      : `it is outside printable ASCII (${codePoint(ch)})`;
    const message = `${label} has "${ch}" at ${listPositions(at)}: ${why}; station messages are limited to plain ASCII letters, digits, spaces and punctuation (our rule: the guide's limits are for ASCII displays). ${like ? `Remove it, or use ${forbiddenReplacements[like]} instead` : "Replace it with a plain ASCII character or remove it"}`;
    errors.push(fieldError(field, "non_ascii", message));
  }
  return { text, length: chars.length, errors, notes };
}
