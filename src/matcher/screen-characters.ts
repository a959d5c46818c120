/**
 * Station Messages by the characters its text lines refuse. The guide: "Station Message Text Line 1 - max
 * 15 characters are allowed and below mentioned special characters are not allowed: / ~ " < > |" (and the
 * same for Line 2, max 64). People name the character ("double quotes", "a slash", "the pipe symbol") and
 * the text it goes in (a line, the display, a note), not the Station Message.
 */
const characterWords = new Set([
  "quote",
  "quotes",
  "quotation",
  "slash",
  "slashes",
  "backslash",
  "tilde",
  "tildes",
  "pipe",
  "pipes",
  "bracket",
  "brackets",
  "chevron",
  "chevrons",
  "character",
  "characters",
  "char",
  "chars",
  "symbol",
  "symbols",
  // "we write 20 letters in first line": the line's length in letters (max 15 characters on Line 1).
  "letters",
  "chars",
]);
const textWords = new Set([
  "line",
  "text",
  "message",
  "display",
  "screen",
  "banner",
  "greeting",
  "note",
  "notice",
  "wording",
  "sign",
]);
/** Text that is not the station's: a chat message, an email, a spreadsheet, a password. */
const otherText = new Set(["slack", "teams", "email", "chat", "excel", "csv", "spreadsheet", "password", "sms"]);

/** "can we use double quotes in the second line of the display", "the screen text will not take a slash". */
export function saysForbiddenCharacters(words: readonly string[]): boolean {
  let character = -1;
  for (let i = 0; i < words.length; i++) {
    // "CHARGEPOINT / STATION" read aloud is the replaced hardware's default name, not a character asked about.
    if (characterWords.has(words[i]!) && words[i - 1] !== "chargepoint") character = i;
  }
  if (character < 0 || words.some((w) => otherText.has(w))) return false;
  const near = words.slice(Math.max(0, character - 8), character + 9);
  return near.some((w) => textWords.has(w));
}

/** Words without which the rule cannot fire (analyse-text.ts runs it only when one is present). */
export const screenCharacterCues: ReadonlySet<string> = characterWords;
