/**
 * The frame around a complaint: who complains, how much, where and when ("several customers complaining this
 * week", "painfully slow at the north garage", "at lot D today"). A vague complaint's symptom is the guide's
 * ("slow", "billed way more") and the frame is nobody's: held against the domain's coverage, these words
 * turned a complaint that can only be one article into an abstention. Unknown to the vocabulary, they are
 * neither for nor against it (lexical-scorer.ts), like quoted words; known words keep their weight.
 */

const frameWords: ReadonlySet<string> = new Set([
  // Who complains and how.
  ...["complain", "complains", "complained", "complaining", "complaint", "complaints", "upset", "furious"],
  ...["angry", "annoyed", "frustrated", "unhappy", "grumbling", "moaning", "telling", "saying", "keep", "keeps"],
  ...["customers", "customer", "visitors", "visitor", "folks", "people", "everyone", "several", "multiple"],
  // How much.
  ...["super", "painfully", "really", "very", "insanely", "ridiculously", "crazy", "extremely", "terribly"],
  ...["awfully", "incredibly", "seriously", "totally", "so"],
  // Where and when.
  ...["lot", "level", "deck", "floor", "north", "south", "east", "west", "upper", "lower", "garage", "campus"],
  ...["today", "tonight", "yesterday", "week", "weekend", "lately", "recently", "morning", "afternoon"],
]);

/** Whether a message's word (as typed, before synonyms) only frames a complaint. */
export function isComplaintFrameWord(word: string): boolean {
  return frameWords.has(word);
}
