/**
 * What a short reply in a thread means, before anyone asks the matcher: people answer a step card the way
 * they answer a colleague ("ok", "logged in", "still faulted", "thanks"). Pure and table-driven, so the
 * vocabulary is easy to read and extend; the engine decides what each meaning does in the thread's state.
 */
export type DialogueIntent =
  /** Agreement or "I did it": presses Done / Yes / Start, whichever the card offers. */
  | "affirm"
  /** Disagreement: No at "Did that fix it?", the negative option at a yes/no choice. */
  | "negate"
  /** The problem went away ("it cleared", "fixed", "it worked"). */
  | "fixed"
  /** It did not ("still faulted", "didn't help"). */
  | "not-fixed"
  | "skip"
  | "back"
  | "start"
  | "stop"
  /** Back to a walkthrough that waits behind another topic. */
  | "resume"
  /** "where was I": show the current step again. */
  | "repeat"
  | "greeting"
  | "thanks"
  | "bot"
  | "bye"
  | "gibberish";

const phrases: Record<Exclude<DialogueIntent, "gibberish">, string[]> = {
  affirm: [
    "ok",
    "okay",
    "k",
    "kk",
    "okey",
    "yes",
    "y",
    "yep",
    "yeah",
    "yup",
    "ya",
    "sure",
    "done",
    "did it",
    "did that",
    "got it",
    "next",
    "next step",
    "continue",
    "go on",
    "go ahead",
    "logged in",
    "i'm logged in",
    "im logged in",
    "i am logged in",
    "i'm in",
    "im in",
    "i am in",
    "found it",
    "i found it",
    "found",
    "on it",
    "ready",
    "right",
    "correct",
    "cool",
    "great",
    "perfect",
    "alright",
    "all right",
    "ok done",
    "okay done",
    "yes done",
    "done that",
    "completed",
    "finished",
    "that's done",
    "thats done",
    "checked",
    "i see it",
    "ok next",
    "👍",
    "✅",
    "+1",
  ],
  negate: ["no", "n", "nope", "nah", "not really", "negative", "no it didn't", "no it did not"],
  fixed: [
    "fixed",
    "it's fixed",
    "its fixed",
    "it is fixed",
    "that fixed it",
    "this fixed it",
    "fixed it",
    "solved",
    "resolved",
    "it worked",
    "that worked",
    "worked",
    "it works",
    "works now",
    "working now",
    "it's working",
    "its working",
    "it is working",
    "it cleared",
    "cleared",
    "fault cleared",
    "the fault cleared",
    "it's cleared",
    "its cleared",
    "all good",
    "all good now",
    "back online",
    "available now",
    "it's available",
    "its available",
    "charging now",
    "yes fixed",
    "yes it worked",
    "yes that fixed it",
    "problem solved",
    "sorted",
  ],
  "not-fixed": [
    "not fixed",
    "still broken",
    "still not working",
    "still faulted",
    "still faulting",
    "still failing",
    "still out of service",
    "still offline",
    "still red",
    "still there",
    "still the same",
    "still same",
    "still stuck",
    "still down",
    "still happening",
    "still an issue",
    "still a problem",
    "didn't work",
    "did not work",
    "didnt work",
    "didn't help",
    "did not help",
    "didnt help",
    "no luck",
    "no change",
    "nothing changed",
    "same problem",
    "same issue",
    "same",
    "fault remains",
    "fault persists",
    "it persists",
    "not cleared",
    "it did not clear",
    "it didn't clear",
    "didn't clear",
    "no it didn't work",
    "no still faulted",
    "nope still faulted",
    "no still broken",
    "no, still faulted",
  ],
  skip: ["skip", "skip it", "skip this", "skip this one", "skip step", "skip that", "pass"],
  back: ["back", "go back", "previous", "prev", "previous step", "step back", "last step", "undo"],
  start: [
    "start",
    "start walkthrough",
    "start the walkthrough",
    "begin",
    "let's go",
    "lets go",
    "walk me through",
    "walk me through it",
    "guide me",
    "let's start",
    "lets start",
  ],
  stop: [
    "stop",
    "cancel",
    "quit",
    "abort",
    "stop walkthrough",
    "stop the walkthrough",
    "cancel walkthrough",
    "end walkthrough",
    "never mind",
    "nevermind",
    "forget it",
  ],
  resume: [
    "resume",
    "back to the walkthrough",
    "back to walkthrough",
    "continue the walkthrough",
    "continue walkthrough",
    "resume walkthrough",
    "go back to the walkthrough",
    "where were we",
  ],
  repeat: [
    "where was i",
    "where am i",
    "repeat",
    "again",
    "what now",
    "what next",
    "what's next",
    "whats next",
    "now what",
    "show step",
    "current step",
  ],
  greeting: [
    "hi",
    "hello",
    "hey",
    "hiya",
    "howdy",
    "yo",
    "hey there",
    "hi there",
    "hello there",
    "good morning",
    "good afternoon",
    "good evening",
    "morning",
    "hey bot",
    "hi bot",
    "hello bot",
    "sup",
    "what's up",
    "whats up",
  ],
  thanks: [
    "thanks",
    "thank you",
    "thx",
    "ty",
    "tnx",
    "cheers",
    "thanks a lot",
    "thank you so much",
    "many thanks",
    "thanks!",
    "much appreciated",
    "appreciated",
    "great thanks",
    "ok thanks",
    "ok thank you",
    "okay thanks",
    "perfect thanks",
    "awesome thanks",
    "thanks for the help",
    "thank you for the help",
    "thanks bot",
    "great, thanks",
  ],
  bot: [
    "are you a bot",
    "are you human",
    "are you a person",
    "are you real",
    "who are you",
    "what are you",
    "is this a bot",
    "am i talking to a bot",
    "are you ai",
    "are you an ai",
    "is this ai",
    "what can you do",
    "who is this",
    "are you a robot",
  ],
  bye: ["bye", "goodbye", "good bye", "see you", "see ya", "cya", "later", "ttyl"],
};

const lookup = new Map<string, DialogueIntent>();
for (const [intent, list] of Object.entries(phrases) as [DialogueIntent, string[]][]) {
  for (const phrase of list) {
    const key = normaliseReply(phrase);
    if (!lookup.has(key)) lookup.set(key, intent);
  }
}

/** Lower case, curly quotes straightened, punctuation at the ends and doubled spaces dropped. */
export function normaliseReply(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[,;]/g, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.!?:)(-]+|[\s.!?:)(-]+$/g, "")
    .replace(/\s+(?:please|pls|plz)$/, "")
    .replace(
      /^(?:ok|okay|yes|yeah|yep|so|well|um|hmm)\s+(?=(?:still|not|didn|did not|it|that|fixed|skip|back|stop|done|next))/,
      "",
    )
    .trim();
}

/**
 * Keyboard mashes and strings without a word in them ("asdfgh", "???", "qwqwqw"): answered with a short
 * "I could not read that", never stored as a question authors should write a playbook for.
 */
export function isGibberish(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (!t) return false;
  if (!/[a-z0-9]/.test(t)) return true;
  const words = t.split(/\s+/);
  if (words.length > 3) return false;
  return words.every(
    (w) =>
      // A run along a keyboard row is a mash from four letters on ("asdf qwerty").
      /^(?:asdf|qwer|zxcv|hjkl|jkl;|sdfg|dfgh|fghj|ghjk|uiop)[a-z;]*$/.test(w) ||
      (/^[a-z]{5,}$/.test(w) && (!/[aeiouy]/.test(w) || /(.)\1{3,}/.test(w) || /^(..)\1{2,}/.test(w))),
  );
}

/** The meaning of a short reply, or undefined when it is not one of the dialogue's words. */
export function readDialogue(text: string): DialogueIntent | undefined {
  if (text.length > 80) return undefined;
  const said = normaliseReply(text);
  const known = lookup.get(said);
  if (known) return known;
  // "hi, my station is faulted" is a question with a greeting in front, not small talk.
  if (isGibberish(text)) return "gibberish";
  return undefined;
}

/** Small talk is answered briefly and never counted as an unmatched question. */
export function isSmallTalk(intent: DialogueIntent | undefined): boolean {
  return intent === "greeting" || intent === "thanks" || intent === "bot" || intent === "bye" || intent === "gibberish";
}
