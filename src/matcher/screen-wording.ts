/**
 * Asking for words on a station's screen, said without the guide's "station message": "can the chargers
 * say 'Max 2 hours'", "we want them to read Staff Only on the screen", "get 'Lot closes at 9' to come up
 * on the charger". A screen that *says* something is reporting a state ("screen says Unavailable") and
 * stays as written; only a wish (to, can, could) for wording that is quoted or meant for a screen counts.
 */
const wordingVerbs = new Set(["say", "read", "display", "show", "shown", "displayed"]);
/** "put 'Residents only' on the charger screen": placing quoted wording on a screen is a wish by itself. */
const placeVerbs = new Set(["put", "post", "add", "place"]);
/** "come up on the charger", "pop up on the screen": the verb and the word after it. */
const appearVerbs = new Set(["come", "pop", "show"]);
/** "we want 'Lot closes at 9' shown on the unit" is a wish too. */
// "change what the stations say on their screens" asks for new wording too.
// "make the display read Please Badge In" asks for it too.
const wishes = new Set(["to", "can", "could", "want", "wants", "wanted", "change", "update", "edit", "make"]);
const modals = new Set(["can", "could", "would", "will"]);
const screens = new Set(["screen", "screens", "display", "displays", "lcd", "lcds"]);
/** "we want the chargers to show our lot rules": the station itself is asked to show something. */
const stationSubjects = new Set([
  "charger",
  "chargers",
  "station",
  "stations",
  "screen",
  "screens",
  "display",
  "displays",
]);

/** "change the wording on the screen": the words themselves asked to change, beside a screen. */
const wordingNouns = new Set(["wording", "words", "text"]);
const changeVerbs = new Set(["change", "edit", "update", "customize", "customise", "reword", "rewrite"]);

/** "change what the charger says on its display": what a station reports, asked to be changed. */
const reportVerbs = new Set(["says", "shows", "reads", "displays"]);
const messageNouns = new Set(["message", "messages", "msg"]);
/** Whose message it is: the site's own ("our", "station", "custom"), not an error's or an alert's. */
const ownMessage = new Set(["station", "custom", "our", "welcome"]);

/**
 * "the station message we set says …", "our message reads …": the site's own message reported with what it
 * says (its wording, quoted), at `i` the message noun. "the error message says …" is a state seen.
 */
export function saysOwnMessage(words: readonly string[], i: number): boolean {
  return (
    messageNouns.has(words[i]!) &&
    ownMessage.has(words[i - 1] ?? "") &&
    words.slice(i + 1, i + 5).some((x) => reportVerbs.has(x))
  );
}
const reporters = new Set([...stationSubjects, "unit", "units", "kiosk", "kiosks", "lcd"]);

function asksToChangeWhatItSays(words: readonly string[], i: number): boolean {
  if (words[i] !== "what" || !changeVerbs.has(words[i - 1] ?? "")) return false;
  for (let k = i + 2; k <= i + 4 && k < words.length; k++) {
    if (reportVerbs.has(words[k]!)) return reporters.has(words[k - 1]!) || reporters.has(words[k - 2] ?? "");
  }
  return false;
}

export function asksForScreenWording(words: readonly string[], hasQuote: boolean): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (asksToChangeWhatItSays(words, i)) return true;
    if (
      wordingNouns.has(w) &&
      words.slice(Math.max(0, i - 3), i).some((x) => changeVerbs.has(x)) &&
      words.slice(i + 1, i + 5).some((x) => screens.has(x))
    )
      return true;
    if (hasQuote && placeVerbs.has(w) && words.slice(i + 1, i + 10).some((x) => screens.has(x))) return true;
    // "the station message we set says 'Waitlist available'": a quote a message is said to read is its wording.
    if (hasQuote && saysOwnMessage(words, i)) return true;
    // "we want drivers to see 'Max 4 hrs' on the screen": what people should see, wished for a screen.
    if (
      w === "see" &&
      words[i - 1] === "to" &&
      words.slice(Math.max(0, i - 5), i - 1).some((x) => x === "want" || x === "wants" || x === "like") &&
      (hasQuote || words.slice(i + 1, i + 10).some((x) => screens.has(x)))
    )
      return true;
    // "wants text on the units: 'Reserved for EV charging'": wording wanted, quoted or for a screen.
    if (
      wordingNouns.has(w) &&
      words.slice(Math.max(0, i - 2), i).some((x) => x === "want" || x === "wants" || x === "need" || x === "needs") &&
      (hasQuote || words.slice(i + 1, i + 5).some((x) => screens.has(x)))
    )
      return true;
    const appear = appearVerbs.has(w) && words[i + 1] === "up";
    if (i === 0 || (!wordingVerbs.has(w) && !appear)) continue;
    // "how to read the latest status" asks how to read something, not for wording.
    if (words[i - 1] === "to" && words[i - 2] === "how") continue;
    // "driver can not charge, screen say access denied": a modal denied is what fails, not a wish.
    let wished = false;
    for (let k = Math.max(0, i - 4); k < i && !wished; k++) {
      wished = wishes.has(words[k]!) && !(modals.has(words[k]!) && words[k + 1] === "not");
    }
    // "we want the chargers to show", "can the screen show": the station itself shows it.
    // "can the chargers display our code": the station as the subject of a modal, not "the charger display".
    // "the charger in front says nothing useful. We want it to show our number": "it" is the station named before.
    const pronoun =
      words[i - 1] === "to" &&
      (words[i - 2] === "it" || words[i - 2] === "them") &&
      words.slice(0, i - 2).some((x) => stationSubjects.has(x));
    const subject =
      pronoun ||
      (words[i - 1] === "to" && stationSubjects.has(words[i - 2] ?? "")) ||
      screens.has(words[i - 1] ?? "") ||
      (stationSubjects.has(words[i - 1] ?? "") && modals.has(words[i - 3] ?? ""));
    const forScreen = hasQuote || subject || words.slice(i + 1, i + 8).some((x) => screens.has(x));
    if (wished && forScreen) return true;
  }
  return false;
}
