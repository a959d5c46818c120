import { redactString } from "./logger.ts";

/**
 * The most of one message cpbot reads. Longer than any paste a step asks for (a page of session rows),
 * short enough that any answer echoing it stays within three posts.
 */
export const maxUserTextChars = 6000;

// C0 and C1 control characters except tab and newline (null bytes, escape sequences, carriage returns
// that redraw a terminal line), and the bidirectional overrides that make text read differently from
// how it is stored.
const controls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export interface CleanText {
  text: string;
  /** Characters of the original when it was cut to `maxUserTextChars`. */
  cutFrom?: number;
}

/**
 * What cpbot keeps of text a person typed, before anything is stored, matched or echoed: control
 * characters dropped, pasted tokens (xoxb-, xoxp-, xapp-, JWTs, Bearer …) masked, and the length capped.
 */
export function cleanUserText(text: string, max = maxUserTextChars): CleanText {
  const masked = redactString(text.replace(controls, ""));
  if (masked.length <= max) return { text: masked };
  const cut = masked.slice(0, max);
  // Never between the halves of a surrogate pair (an emoji), which would leave invalid UTF-16.
  return { text: /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut, cutFrom: masked.length };
}
