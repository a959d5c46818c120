import { fitLabel as fitText, splitText as split } from "../../src/render/split-text.ts";

/**
 * Text for Slack. Card text is plain text with **bold** and `code`; Slack treats & < > as control
 * characters (<!channel>, <@U123>, <url|label>), so every string is escaped before it is sent and a
 * mention typed by a user is shown, never acted on.
 */

export function escapeSlack(raw: string): string {
  return raw.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const boldMarks = /\*\*(\S(?:[^*]*?\S)?)\*\*/g;

/** Card markup → Slack mrkdwn: escape first, then **bold** → *bold* (`code` is the same in both). */
export function toMrkdwn(raw: string): string {
  return escapeSlack(raw).replace(boldMarks, "*$1*");
}

/** Card markup → Slack plain_text (headers, buttons, labels): escaped, bold markers dropped. */
export function toPlain(raw: string): string {
  return escapeSlack(raw.replace(boldMarks, "$1"));
}

/** Splits card text into chunks whose mrkdwn fits `limit`, at line or word breaks; nothing is dropped. */
export function splitText(raw: string, limit: number): string[] {
  return split(raw, limit, (s) => toMrkdwn(s).length);
}

/** A label shortened at a word boundary (with …) so its converted form fits `limit`. */
export function fitLabel(raw: string, limit: number, convert: (s: string) => string = toPlain): string {
  return fitText(raw, limit, convert);
}
