import { normaliseText } from "./normalise-text.ts";

/**
 * Greetings, thanks, sign-offs and questions about the bot itself ("are you a bot?"). They are not
 * support questions, so no playbook should answer them; the engine gives its own small-talk reply and
 * analytics stores them as out of scope with their kind. A message counts as small talk only when every
 * word belongs here and at least one is a cue, so "thanks, relay stuck closed" is still a question.
 */
const cues = new Set(
  `hi hello hey heya hiya howdy yo sup greetings morning afternoon evening gm thanks thank thx ty tysm tx
  cheers appreciate appreciated bye goodbye cya later bot robot human person ai chatbot real who ok okay k kk
  cool great awesome nice perfect brilliant lovely sweet np welcome haha hehe lmao rofl brb nvm joke jokes name
  useless test testing mind`.split(/\s+/),
);

const fillers = new Set(
  `a an the you u your yours i im me my we us our team all everyone folks guys there good so much very lot
  lots for it its that this is are am was be being to talking chatting with what whats how hows doing going
  anyone anybody somebody or and just again in too name called can do help ya see soon have day nice one
  got works worked sounds makes sense really indeed oh ah wow haha lol hmm well then will speak 2 tho yes
  yeah yep no nope sure alright right got it fine made built created today never tell`.split(/\s+/),
);

/** `normalised` is `normaliseText(text)` when the caller has it already. */
export function isSmallTalk(text: string, normalised: string = normaliseText(text)): boolean {
  const words = normalised.split(" ").filter((w) => w.length > 0);
  // Only an emoji or a reaction (":thumbsup:", "👍"): nothing to answer, and not a question.
  if (words.length === 0) return /[\p{Extended_Pictographic}]|:[a-z0-9_+-]+:/u.test(text);
  if (words.length > 12) return false;
  return words.some((w) => cues.has(w)) && words.every((w) => cues.has(w) || fillers.has(w));
}
