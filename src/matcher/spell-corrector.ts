import Fuse from "fuse.js";
import { editDistance } from "./edit-distance.ts";
import { isRegularForm, sameWordAs, undouble } from "./english-forms.ts";
import { englishWords } from "./english-words.ts";

/** The content words either side of the word being corrected, as typed (the one before already corrected). */
export interface WordContext {
  before?: string;
  after?: string;
}

export interface SpellCorrector {
  /**
   * The vocabulary word a typo stands for, or undefined when the word is fine or nothing is close.
   * Among equally close words, one that forms a known word pair with a neighbour wins ("stuck closd" →
   * "stuck closed", not "cloud").
   */
  correct(word: string, context?: WordContext): string | undefined;
  /**
   * Whether `correct` leaves the word alone whatever its neighbours (too short, a number, known, English):
   * a caller that remembers corrections by context can skip building the key for most words.
   */
  leavesAlone?(word: string): boolean;
}

/** How many edits a word of this length may be away from its correction. */
const maxLength = 24;

export function allowedEdits(length: number): number {
  return length >= 9 ? 2 : length >= 4 ? 1 : 0;
}

/**
 * fuse.js proposes near words from the domain vocabulary; an edit-distance check then accepts only
 * real typos, and a word of the English dictionary is never one. The vocabulary is split by first letter so each lookup searches a small list: people
 * rarely mistype the first letter, and this keeps lookups fast with thousands of playbooks.
 */
export function createSpellCorrector(
  vocabulary: ReadonlyMap<string, number>,
  minLength = 5,
  pairs: ReadonlySet<string> = new Set(),
  dictionary?: ReadonlySet<string>,
): SpellCorrector {
  // The English list (about 37,000 words) is only needed once a word is not in the vocabulary: built
  // then, so a start that answers fault codes and known words never builds it.
  const isEnglish = (word: string) => {
    dictionary ??= englishWords();
    return dictionary.has(word);
  };
  const buckets = new Map<string, string[]>();
  for (const word of [...vocabulary.keys()].sort()) {
    if (word.length < minLength - 1 || /\d/.test(word)) continue;
    const key = word[0]!;
    const bucket = buckets.get(key) ?? [];
    bucket.push(word);
    buckets.set(key, bucket);
  }
  // Each bucket word with its doubled letters made single, made once at the first word that needs it.
  const undoubledBuckets = new Map<string, string[]>();
  /**
   * Whether any word of the letter's bucket is close enough to be accepted (`slipDistance` within `max`).
   * fuse.js only proposes bucket words and every proposal must pass that test, so when none could, its
   * search (the costliest step of a query, about three words in four that reach it) cannot find one.
   */
  const anyWithin = (word: string, max: number): boolean => {
    const letter = word[0]!;
    const words = buckets.get(letter) ?? [];
    let undoubled = undoubledBuckets.get(letter);
    if (!undoubled) {
      undoubled = words.map(undouble);
      undoubledBuckets.set(letter, undoubled);
    }
    const plain = undouble(word);
    for (let k = 0; k < words.length; k++) {
      const candidate = words[k]!;
      if (undoubled[k] === plain) return true;
      if (Math.abs(candidate.length - word.length) <= max && editDistance(word, candidate, max) <= max) return true;
    }
    return false;
  };
  const indexes = new Map<string, Fuse<string>>();
  const fuseFor = (letter: string): Fuse<string> | undefined => {
    let fuse = indexes.get(letter);
    const words = buckets.get(letter);
    if (!fuse && words) {
      fuse = new Fuse(words, { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true });
      indexes.set(letter, fuse);
    }
    return fuse;
  };

  const leavesAlone = (word: string): boolean =>
    // Very long "words" are pasted IDs or noise, not typos; fuse.js would also be slow on them.
    word.length < minLength ||
    word.length > maxLength ||
    /\d/.test(word) ||
    vocabulary.has(word) ||
    // A real English word is what the person meant, even if it is one letter from a domain word.
    isEnglish(word);

  return {
    leavesAlone,
    correct(word, context) {
      if (leavesAlone(word)) return undefined;
      const max = allowedEdits(word.length);
      if (!anyWithin(word, max)) return undefined;
      // A regular form of an English word ("installer", "breakers") is what the person wrote: only its own
      // singular or the guide's spelling of it may replace it, never a neighbouring word ("installed").
      dictionary ??= englishWords();
      const form = isRegularForm(word, dictionary);
      const fits = (candidate: string) =>
        (context?.before !== undefined && pairs.has(`${context.before} ${candidate}`)) ||
        (context?.after !== undefined && pairs.has(`${candidate} ${context.after}`));
      let best: { word: string; distance: number; fit: boolean; count: number } | undefined;
      for (const result of fuseFor(word[0]!)?.search(word, { limit: 12 }) ?? []) {
        const candidate = result.item;
        const distance = slipDistance(word, candidate, max);
        if (distance > max) continue;
        if (form && !sameWordAs(word, candidate)) continue;
        const fit = fits(candidate);
        const count = vocabulary.get(candidate) ?? 0;
        // Fewest edits, then a word that fits its neighbours, then the commoner word, then alphabetical:
        // the same answer on every run.
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance &&
            (fit !== best.fit ? fit : count > best.count || (count === best.count && candidate < best.word)))
        ) {
          best = { word: candidate, distance, fit, count };
        }
      }
      return best?.word;
    },
  };
}

/**
 * Edit distance, except that doubling the wrong letter ("tarrif" for "tariff", "comision") counts as one
 * slip, not two: the commonest misspelling there is.
 */
export function slipDistance(word: string, candidate: string, max: number): number {
  const distance = editDistance(word, candidate, max);
  if (distance <= 1) return distance;
  return undouble(word) === undouble(candidate) ? 1 : distance;
}
