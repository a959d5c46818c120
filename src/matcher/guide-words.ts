import type { Playbook } from "../playbooks/playbook-schema.ts";
import { normaliseText } from "./normalise-text.ts";
import { stemWord } from "./stem-word.ts";
import { stopwords } from "./stopwords.ts";

/**
 * Every word the playbooks say anywhere (steps, notes, tables, background, prerequisites), stemmed the way
 * the scorer stems a message. The scorer learns from triggers, symptoms and summaries; the rest of the
 * guide's text names things a message may mention without pointing at any one article ("withheld",
 * "employee", "take effect"). Such a word is no sign that a message is about something else, so the
 * coverage discount leaves it out instead of counting it as foreign (see `createLexicalScorer`).
 */
export function guideWords(playbooks: readonly Playbook[]): Set<string> {
  const words = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") {
      for (const w of normaliseText(value).split(" ")) if (w.length > 0 && !stopwords.has(w)) words.add(stemWord(w));
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  playbooks.forEach(visit);
  return words;
}
