/**
 * A light English suffix stripper: enough that "trips", "tripping" and "tripped" meet at "trip", without
 * the surprises of a full Porter stemmer on product names. Words of four letters or fewer are kept whole.
 */
export function stemWord(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let w = word;
  // Adverbs meet their adjective ("slowly" → "slow", "intermittently" → "intermittent"); "-ply" and "-ily"
  // words are verbs or nouns ("apply", "supply", "family"), not adverbs of a shorter word.
  if (w.endsWith("ly") && w.length >= 6 && !/(?:ply|ily)$/.test(w)) return stemWord(w.slice(0, -2));
  if (w.endsWith("ies") && w.length > 5) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);

  for (const suffix of ["ing", "ed"]) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      let base = w.slice(0, -suffix.length);
      // "tripped" -> "tripp" -> "trip"; "stuck" stays; "closed" -> "clos" keeps a stable stem for both forms.
      if (/([bdgklmnprt])\1$/.test(base)) base = base.slice(0, -1);
      w = base;
      break;
    }
  }
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}
