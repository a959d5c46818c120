import { readFileSync } from "node:fs";

/**
 * Common English words of five letters or more, so the spelling corrector never turns an ordinary word
 * into a domain word ("blank" is not a typo for "bank"). Taken from SCOWL via Debian's wamerican-small
 * (lower-case words only). The collective work is Copyright 2000-2011 by Kevin Atkinson.
 *
 *   Permission to use, copy, modify, distribute and sell these word lists, the associated scripts, the
 *   output created from the scripts, and its documentation for any purpose is hereby granted without fee,
 *   provided that the above copyright notice appears in all copies and that both that copyright notice
 *   and this permission notice appear in supporting documentation. Kevin Atkinson makes no
 *   representations about the suitability of this array for any purpose. It is provided "as is" without
 *   express or implied warranty.
 *
 * The full notice, with the lists SCOWL draws on, is in docs/licenses/scowl-english-words.txt.
 *
 * The words are in english-words.txt beside this file, one a line, read at first use: as a string in the
 * code they were two thirds of the matcher's compiled bundle, compiled at every start of every command
 * (`cpbot ask` answers a fault code without ever needing them). `npm run build` copies the file to dist/.
 */
let cached: ReadonlySet<string> | undefined;

/** The word list as a set, read and built on first use (about 37,000 words). */
export function englishWords(): ReadonlySet<string> {
  cached ??= new Set(
    readFileSync(new URL("./english-words.txt", import.meta.url), "utf8")
      .split(/\s+/)
      .filter((w) => w.length > 0),
  );
  return cached;
}
