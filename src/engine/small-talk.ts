import type { Card } from "../cards/card-schema.ts";
import { infoCard } from "../render/info-card.ts";
import { type DialogueIntent, isSmallTalk, readDialogue } from "./read-dialogue.ts";

const ask =
  "Describe what the station or the dashboard shows (e.g. “station screen says access denied”) or give a fault code (e.g. 303-RSC).";

/**
 * A short, friendly answer to small talk. `busy` is what the thread has going on ("the Relay Stuck Closed
 * walkthrough is at Step 3 of 9"), so a "thanks" mid-walkthrough also says how to carry on.
 */
export function smallTalkCard(intent: DialogueIntent, busy?: string): Card {
  const carryOn = busy ? [`${busy}.`] : [ask];
  switch (intent) {
    case "greeting":
      return infoCard("Hi!", [
        "I'm cpbot: I walk you through the ChargePoint Cloud Dashboard playbooks and hand over to Support when they don't fix it.",
        ...carryOn,
      ]);
    case "thanks":
      return infoCard("You're welcome", busy ? carryOn : ["Ask here again any time; I keep this thread's history."]);
    case "bye":
      return infoCard("Bye for now", ["This thread keeps its history; write here again to carry on."]);
    case "bot":
      return infoCard("Yes, I'm a bot", [
        "I'm cpbot, a support bot: I match what you describe to playbooks written from the ChargePoint Cloud Dashboard guide and walk you through them step by step. I don't make answers up; when a playbook doesn't fix the problem, I hand it to a person in Support.",
        ...carryOn,
      ]);
    default:
      return infoCard("I could not read that", [...carryOn]);
  }
}

/** Which small-talk answer fits a message the matcher called small talk but the phrase list does not know. */
export function smallTalkIntent(text: string): DialogueIntent {
  const known = readDialogue(text);
  if (known && isSmallTalk(known)) return known;
  const t = text.toLowerCase();
  if (/\b(?:thanks?|thx|ty|cheers|appreciated?)\b/.test(t)) return "thanks";
  if (/\b(?:bot|robot|human|person|ai|chatbot|real|who)\b/.test(t)) return "bot";
  if (/\b(?:bye|goodbye|cya|later)\b/.test(t)) return "bye";
  return "greeting";
}

/** A dialogue word ("ok", "skip", "no") in a thread where nothing waits for it. */
export function nothingToAnswerCard(said: string): Card {
  return infoCard("Nothing is waiting for that here", [
    `“${said}” would answer a walkthrough step, but there is none running in this thread.`,
    ask,
  ]);
}
