/**
 * Regular forms of the English word list's words, which the list itself leaves out: "installer" (a person,
 * not a typo for "installed"), "unplugged", "breakers". A word built by the spelling rules from a listed word
 * is a real word, so neither the spelling corrector nor a phrase slip may turn it into another. A
 * misspelling breaks those rules ("chargeing" keeps the e that "charging" drops), so it is still corrected.
 * Short words (three or four letters, which the list does not hold) are English when a regular form of
 * them is listed ("dead": "deadly", "fine": "fines"): "dead unit" is not a slip of "head unit".
 */
const suffixes = ["ers", "er", "ed", "ing", "ings", "es", "s", "ly"] as const;
const prefixes = ["un", "re"] as const;
const vowels = new Set(["a", "e", "i", "o", "u"]);

/** Whether `word` is a listed word with a regular suffix or prefix (not the listed word itself). */
export function isRegularForm(word: string, dictionary: ReadonlySet<string>): boolean {
  for (const prefix of prefixes) {
    const rest = word.slice(prefix.length);
    if (word.startsWith(prefix) && rest.length >= 5 && dictionary.has(rest)) return true;
  }
  for (const suffix of suffixes) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    if (base.length < 5) continue;
    const vowelSuffix = vowels.has(suffix[0]!);
    // "install" + "er"; "charge" + "s" (an e kept before a vowel, "chargeing", is a misspelling).
    if (dictionary.has(base) && !(vowelSuffix && base.endsWith("e"))) return true;
    // "charg" + "ing" for "charge".
    if (vowelSuffix && dictionary.has(`${base}e`)) return true;
    // "stopp" + "ed" for "stop" is four letters and not listed; "admitt" + "ed" for "admit".
    const last = base[base.length - 1]!;
    if (vowelSuffix && last === base[base.length - 2] && !vowels.has(last) && dictionary.has(base.slice(0, -1))) {
      return true;
    }
  }
  // A compound of two words ("hardwired", "pushbutton"): the second part a listed word, so "breakway" (way)
  // and "hardwre" are still typos.
  for (let k = 3; k <= word.length - 5; k++) {
    const head = word.slice(0, k);
    if (!dictionary.has(word.slice(k))) continue;
    if (dictionary.has(head) || isShortEnglish(head, dictionary)) return true;
  }
  return false;
}

const shortForms = ["s", "es", "ed", "ing", "er", "ers", "ly", "y", "ful"] as const;

/** Whether a word of three or four letters is English: one of its regular forms is a listed word. */
export function isShortEnglish(word: string, dictionary: ReadonlySet<string>): boolean {
  if (word.length < 3 || word.length > 4 || /[^a-z]/.test(word)) return false;
  const last = word[word.length - 1]!;
  for (const suffix of shortForms) {
    if (dictionary.has(word + suffix)) return true;
    // "fine" → "fined", "stop" → "stopped".
    if (last === "e" && vowels.has(suffix[0]!) && dictionary.has(word.slice(0, -1) + suffix)) return true;
    if (!vowels.has(last) && vowels.has(suffix[0]!) && dictionary.has(word + last + suffix)) return true;
  }
  return false;
}

/**
 * The plural a correction may still undo ("laptops" → "laptop", "contacter" → "contactor"): the same word,
 * which the topics and phrases know in the singular or in the guide's spelling.
 */
export function sameWordAs(form: string, correction: string): boolean {
  if (form === `${correction}s` || form === `${correction}es`) return true;
  // An agent noun spelt -er for the guide's -or ("contacter", "contacters").
  return form.replace(/er(s?)$/, "or$1") === correction;
}

const shortEnglish = new Map<string, boolean>();
/** `isShortEnglish`, remembered: the same short words recur in every message. */
export function isShortEnglishCached(word: string, dictionary: ReadonlySet<string>): boolean {
  if (word.length < 3 || word.length > 4) return false;
  let known = shortEnglish.get(word);
  if (known === undefined) {
    known = isShortEnglish(word, dictionary);
    if (shortEnglish.size < 50_000) shortEnglish.set(word, known);
  }
  return known;
}

/** A run of one letter written as one ("realy", "adress"): the commonest slip in an English word. */
export const undouble = (word: string): string => word.replace(/(.)\1+/g, "$1");
