import { normaliseText } from "./normalise-text.ts";
import type { SpellCorrector } from "./spell-corrector.ts";
import { stemWord } from "./stem-word.ts";
import { stopwords } from "./stopwords.ts";
import { synonyms } from "./synonyms.ts";

export interface Rewrite {
  from: string;
  to: string;
}

/** A message reduced to the terms the scorer sees, with a record of every rewrite for the explanation. */
export interface AnalysedText {
  /** Stemmed content terms, in order. */
  terms: string[];
  /** For each term, the word as the person wrote it (after normalising), for the explanation. */
  sources: string[];
  corrections: Rewrite[];
  synonyms: Rewrite[];
}

interface SynonymTable {
  byPhrase: Map<string, string>;
  longest: number;
}

function buildSynonymTable(): SynonymTable {
  const byPhrase = new Map<string, string>();
  let longest = 1;
  for (const [canonical, variants] of Object.entries(synonyms)) {
    for (const variant of variants) {
      const key = normaliseText(variant);
      if (key.length === 0 || key === canonical) continue;
      byPhrase.set(key, canonical);
      longest = Math.max(longest, key.split(" ").length);
    }
  }
  return { byPhrase, longest };
}

const table = buildSynonymTable();

/** Every word the synonym table knows, so the spelling corrector leaves them alone. */
export function synonymWords(): string[] {
  const words = new Set<string>();
  for (const [phrase, canonical] of table.byPhrase) {
    for (const w of `${phrase} ${canonical}`.split(" ")) words.add(w);
  }
  return [...words].sort();
}

/**
 * normalise → correct spelling → map synonyms (longest phrase first) → drop stopwords → stem.
 * Triggers and queries take the same path; only queries are spelling-corrected.
 */
export function analyseText(text: string, corrector?: SpellCorrector): AnalysedText {
  const corrections: Rewrite[] = [];
  const words = normaliseText(text)
    .split(" ")
    .filter((w) => w.length > 0)
    .map((word) => {
      if (!corrector || stopwords.has(word) || table.byPhrase.has(word)) return word;
      const fixed = corrector.correct(word);
      if (fixed === undefined) return word;
      corrections.push({ from: word, to: fixed });
      return fixed;
    });

  const rewritten: { word: string; source: string }[] = [];
  const applied: Rewrite[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = false;
    for (let n = Math.min(table.longest, words.length - i); n >= 1 && !matched; n--) {
      const phrase = words.slice(i, i + n).join(" ");
      const canonical = table.byPhrase.get(phrase);
      if (canonical === undefined) continue;
      for (const w of canonical.split(" ")) rewritten.push({ word: w, source: phrase });
      applied.push({ from: phrase, to: canonical });
      i += n;
      matched = true;
    }
    if (!matched) {
      const word = words[i]!;
      rewritten.push({ word, source: word });
      i += 1;
    }
  }

  const kept = rewritten.filter((r) => !stopwords.has(r.word));
  return {
    terms: kept.map((r) => stemWord(r.word)),
    sources: kept.map((r) => r.source),
    corrections,
    synonyms: applied,
  };
}
