/**
 * Turns a chat message into plain lower-case words and numbers, the same way for triggers and for queries,
 * so the two always meet in one vocabulary. Fault codes are read from the raw text before this runs,
 * because normalising splits "303-RSC" apart.
 */

// British spellings support staff use (the guide is written in US English), number words, and contractions
// typed without their apostrophe.
const ukToUs: Record<string, string> = {
  authorised: "authorized",
  authorise: "authorize",
  unauthorised: "unauthorized",
  authorisation: "authorization",
  recognised: "recognized",
  recognise: "recognize",
  organisation: "organization",
  organisations: "organizations",
  behaviour: "behavior",
  licence: "license",
  licenced: "licensed",
  metre: "meter",
  metres: "meters",
  centre: "center",
  cancelled: "canceled",
  colour: "color",
  programme: "program",
  initialise: "initialize",
  customise: "customize",
  customised: "customized",
  customisation: "customization",
  cheque: "check",
  // Number words become digits so "three wire" and "3 wire" meet ("one" is left alone: "this one").
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  cheques: "checks",
  enquiry: "inquiry",
  // Contractions typed without the apostrophe ("cant join", "doesnt charge") read like the real ones.
  cant: "can not",
  dont: "do not",
  doesnt: "does not",
  didnt: "did not",
  isnt: "is not",
  wasnt: "was not",
  arent: "are not",
  werent: "were not",
  wont: "will not",
  havent: "have not",
  hasnt: "has not",
  hadnt: "had not",
  couldnt: "could not",
  wouldnt: "would not",
  shouldnt: "should not",
};

// Contractions carry a negation or a verb; keeping the verb lets "can't join" still say "join".
const contractions: [RegExp, string][] = [
  [/\bwon't\b/g, "will not"],
  [/\bcan't\b/g, "can not"],
  [/\bcannot\b/g, "can not"],
  [/\b(\w+)n't\b/g, "$1 not"],
  [/\b(\w+)'(s|re|ve|ll|d|m)\b/g, "$1"],
];

/** Slack and Teams markup that is not part of what the person wrote. */
const markup: [RegExp, string][] = [
  [/<[@#!][^>\s]*>/g, " "], // <@U123>, <#C123|name>, <!here>
  [/<(https?:[^>|\s]+)\|([^>]*)>/g, " $2 "], // <url|label>
  [/https?:\/\/\S+/g, " "],
  [/(^|\s)@[\w.-]+/g, " "], // plain @mentions
  [/:[a-z0-9_+-]+:/g, " "], // :emoji: shortcodes
];

/**
 * Amps written "16 A" (eleventh round): a pasted reading keeps the capital, and once lower-cased the "a" is an
 * article. Only after a number that is no place's ("port 2 A driver …", "lot 9 A …").
 */
const capitalAmps =
  /(?<!\b(?:[Pp]ort|[Ss]tation|[Uu]nit|[Ll]ot|[Ss]tall|[Bb]ay|[Ll]evel|[Ss]pot|[Ss]pace|[Ff]loor|[Rr]ow|[Ll]ine|#)\s?)\b(\d{1,3}(?:\.\d+)?) A\b(?![.'’]?\w)/g;

/** Two signed decimals of at least four places, comma between: a map position, not a reading. */
const coordinatePair = /-?\b\d{1,3}\.\d{4,}\s*,\s*-?\d{1,3}\.\d{4,}\b/g;

export function normaliseText(input: string): string {
  const text = input.includes(" A") && /\d A\b/.test(input) ? input.replace(capitalAmps, "$1 amp") : input;
  // Every step is guarded by a cheap test: tens of thousands of trigger texts pass through here at start-up,
  // and most are plain ASCII words with nothing to rewrite.
  const ascii = /^[\x20-\x7e]*$/.test(text);
  let s = ascii ? text.toLowerCase() : text.normalize("NFKC").toLowerCase();
  if (!ascii || s.includes("`")) s = s.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'").replace(/[\u201c\u201d]/g, '"');
  if (/[<@:]|http/.test(s)) for (const [re, to] of markup) s = s.replace(re, to);
  if (s.includes("'") || s.includes("cannot")) for (const [re, to] of contractions) s = s.replace(re, to);
  if (/\d/.test(s)) {
    // Units glued to numbers ("6.6kw", "40a", "-105dbm") become two tokens so each can match.
    s = s.replace(/(\d)\s*(kwh|kw|dbm|mins?)\b/g, "$1 $2");
    s = s.replace(/(\d)(?:a|\s*amps?)\b/g, "$1 amp").replace(/(\d)(?:v|\s*vac)\b/g, "$1 volt");
    s = s.replace(/(\d)(?:h|\s*hrs?)\b/g, "$1 hours");
    s = s
      .replace(/\b1st\b/g, "first")
      .replace(/\b2nd\b/g, "second")
      .replace(/\b3rd\b/g, "third");
    // A latitude and longitude pasted as numbers ("40.71278, -74.00597") are the station's coordinates (Bad
    // PinPoint's Configuration tab), which the numbers alone never say.
    if (s.includes(",")) s = s.replace(coordinatePair, " coordinates ");
    // An amount of money is a price, whatever the currency sign: "$9" reads "dollars 9".
    s = s.replace(/[$€£]\s?(?=\d)/g, " dollars ");
    // Keep decimal points inside numbers ("6.6", "4.6.0.76").
    s = s.replace(/(\d)\.(?=\d)/g, "$1\u0000");
  }
  // Keep the slash of short forms such as s/w and f/w; drop all other punctuation.
  if (s.includes("/")) s = s.replace(/\b([a-z])\/([a-z])\b/g, "$1\u0001$2");
  s = ascii ? s.replace(/[^a-z0-9\u0000\u0001]+/g, " ") : s.replace(/[^\p{L}\p{N}\u0000\u0001]+/gu, " ");
  if (s.includes("\u0000") || s.includes("\u0001")) s = s.replace(/\u0000/g, ".").replace(/\u0001/g, "/");
  const words = s.split(" ").filter((w) => w.length > 0);
  // Own keys only: a plain object would turn "constructor" or "toString" into its inherited function.
  return words.map((w) => (Object.hasOwn(ukToUs, w) ? ukToUs[w]! : w)).join(" ");
}
