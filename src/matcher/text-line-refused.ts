/**
 * Station Messages seen from the text that fails its checks. The guide limits each line of a station
 * message: "Station Message Text Line 1 - max 15 characters are allowed and below mentioned special
 * characters are not allowed: / ~ " < > |", Line 2 the same at 64. People who hit a limit name the line
 * ("the top line", "line 2", "the second row") and what went wrong ("won't save", "rejected", "too long",
 * "cut off"), and the words they typed ("Visitors/Guests", "Welcome Employees") are only the content, not
 * their question. screen-characters.ts reads the character named; this reads the refusal itself.
 */
const lineWords = new Set(["line", "lines", "row", "rows"]);
const ordinals = new Set(["first", "second", "top", "bottom", "upper", "lower", "1st", "2nd"]);
const lineNumbers = new Set(["1", "2", "one", "two"]);
/** Text meant for a station's screen, named without its line. */
const textWords = new Set(["text", "wording", "greeting", "banner"]);
const screenWords = new Set(["screen", "screens", "display", "displays", "kiosk", "kiosks", "lcd", "charger"]);
/** The line refused, or too long: the check the guide describes. */
const refusedWords = new Set([
  "rejected",
  "rejects",
  "reject",
  "refuses",
  "refused",
  "error",
  "errors",
  "invalid",
  "truncated",
  "truncates",
  "long",
  "longer",
  "length",
  "max",
  "maximum",
  "letters",
  "characters",
  "chars",
  // The guide's own limits: 15 characters on Line 1, 64 on Line 2.
  "15",
  "64",
  "limit",
  "fit",
  "fits",
  "allowed",
  "accepted",
  "greyed",
  "grayed",
]);
/** "won't save", "doesn't take it", "will not accept": a verb of keeping, after a negation. */
const keepVerbs = new Set(["save", "saves", "saving", "take", "takes", "accept", "accepts", "let", "stick", "apply"]);
const notWords = new Set(["not", "never", "cannot"]);
/** Text that is not a station's: a chat message, an email, a spreadsheet, a password. */
const otherText = new Set(["slack", "teams", "email", "chat", "excel", "csv", "spreadsheet", "password", "sms"]);
/** Someone refused at a station ("the driver was rejected", "her badge errors"): Access Control's, not the text's. */
const refusedPeople = new Set([
  "driver",
  "drivers",
  "user",
  "users",
  "card",
  "cards",
  "badge",
  "badges",
  "fob",
  "fobs",
]);
/** "the bottom line on the price": the idiom, said of money. */
const moneyWords = new Set(["price", "prices", "pricing", "cost", "costs", "cents", "dollars", "fee", "fees", "rate"]);

/** Whether position `i` holds a station message's line: "first line", "line 2", "the bottom row". */
function namesTextLine(words: readonly string[], i: number): boolean {
  const w = words[i]!;
  if (lineWords.has(w)) return ordinals.has(words[i - 1] ?? "") || lineNumbers.has(words[i + 1] ?? "");
  if (!textWords.has(w)) return false;
  for (let k = Math.max(0, i - 4); k <= Math.min(words.length - 1, i + 4); k++)
    if (screenWords.has(words[k]!)) return true;
  return false;
}

function saysRefused(words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (refusedWords.has(w)) return true;
    // "cut off", "errors out".
    if (w === "cut" && words[i + 1] === "off") return true;
    if (keepVerbs.has(w) && words.slice(Math.max(0, i - 3), i).some((x) => notWords.has(x))) return true;
  }
  return false;
}

/** "top line won't save, it has Visitors/Guests in it", "line 2 keeps getting cut off", "greeting text rejected". */
export function saysTextLineRefused(words: readonly string[]): boolean {
  if (words.some((w) => otherText.has(w) || refusedPeople.has(w) || moneyWords.has(w))) return false;
  let line = false;
  for (let i = 0; i < words.length && !line; i++) line = namesTextLine(words, i);
  return line && saysRefused(words);
}

/** Words without one of which the rule cannot fire (analyse-text.ts runs it only when one is present). */
export const textLineCues: ReadonlySet<string> = new Set([...lineWords, ...textWords]);

/** A refusal word that elsewhere means a driver refused at the station: here the text was refused. */
const accessReadings = new Set(["rejected", "rejects", "reject", "refused", "refuses", "denied", "denies"]);

/**
 * Positions that are not the question once a text line is refused: the wording typed into it (quoted, as
 * `quotes` gives each quotation's words) and the refusal words, which read alone are Access Control's.
 */
export function refusedTextPositions(words: readonly string[], quotes: readonly (readonly string[])[]): number[] {
  const positions = new Set<number>();
  for (const quote of quotes) {
    if (quote.length === 0) continue;
    for (let i = 0; i + quote.length <= words.length; i++) {
      if (quote.every((q, k) => words[i + k] === q)) for (let k = i; k < i + quote.length; k++) positions.add(k);
    }
  }
  words.forEach((w, i) => {
    if (accessReadings.has(w)) positions.add(i);
  });
  return [...positions].sort((a, b) => a - b);
}
