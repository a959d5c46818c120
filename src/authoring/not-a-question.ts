import { isSmallTalk as isDialogueSmallTalk, isGibberish, readDialogue } from "../engine/read-dialogue.ts";
import { isSmallTalk } from "../matcher/small-talk.ts";
import type { QuestionGroup } from "./group-questions.ts";

/** Why a group holds no question: chatter ("lol thanks") or a keyboard mash ("asdf qwerty"). */
export type NotAQuestion = "small talk" | "gibberish";

/** What one inbox wording is when it is not a question; undefined when it may be one. */
export function notAQuestion(text: string): NotAQuestion | undefined {
  if (isGibberish(text)) return "gibberish";
  const intent = readDialogue(text);
  if (isSmallTalk(text) || (intent && isDialogueSmallTalk(intent))) return "small talk";
  return undefined;
}

/**
 * When every wording in a group is small talk or gibberish, what it is (gibberish only when all are):
 * no playbook or trigger can answer it, so the inbox says there is nothing to write. Undefined when any
 * wording may be a real question.
 */
export function groupNotAQuestion(group: QuestionGroup): NotAQuestion | undefined {
  const kinds = group.questions.map((q) => notAQuestion(q.text));
  if (kinds.some((k) => k === undefined)) return undefined;
  return kinds.every((k) => k === "gibberish") ? "gibberish" : "small talk";
}
