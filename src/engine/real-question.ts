/**
 * Whether text says what is wrong, so an escalation built on it gives Support something to work on.
 * "ok", "thanks", "hi", "?" or a single stray word do not; "station CPF-6 faulted" does. Deliberately
 * simple: it only keeps acknowledgements and noise out of the queue, it does not judge the question.
 */
const chatter = new Set([
  "ok",
  "okay",
  "k",
  "kk",
  "yes",
  "yep",
  "yeah",
  "no",
  "nope",
  "thanks",
  "thank",
  "you",
  "thx",
  "ty",
  "cheers",
  "hi",
  "hello",
  "hey",
  "hiya",
  "bye",
  "test",
  "testing",
  "help",
  "please",
  "pls",
  "sure",
  "fine",
  "great",
  "cool",
  "nice",
  "good",
  "done",
  "next",
  "skip",
  "back",
  "escalate",
  "support",
  "lol",
  "hmm",
  "what",
  "why",
  "the",
  "a",
  "it",
  "is",
  "this",
  "that",
  "me",
  "to",
  "for",
  "again",
  "agent",
  "human",
  "person",
]);

export function isRealQuestion(text: string | undefined): boolean {
  const words = (text ?? "").toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  const meaningful = words.filter((w) => !chatter.has(w) && (w.length > 1 || /\d/.test(w)));
  // One meaningful word is enough when it is specific (a code, a model, a name of some length).
  return meaningful.length >= 2 || meaningful.some((w) => w.length >= 6 || /\d/.test(w));
}
