import type { Button, Card } from "../cards/card-schema.ts";
import type { ActionEvent, Attachment } from "../core/bot-event.ts";
import { escalateFormCard } from "../render/escalate-form-card.ts";
import { overviewCard } from "../render/overview-card.ts";
import { addEvidence } from "./add-evidence.ts";
import type { CommandContext } from "./command-parser.ts";
import { mostlyFacts } from "./extract-facts.ts";
import { followUpOnTopic } from "./follow-up-on-topic.ts";
import { handleAction } from "./handle-action.ts";
import { factsIn, keepEvidence } from "./plain-evidence.ts";
import { pressByWords } from "./press-by-words.ts";
import { type DialogueIntent, isSmallTalk, readDialogue } from "./read-dialogue.ts";
import { isRealQuestion } from "./real-question.ts";
import { walkIsTopic } from "./session-state.ts";
import { nothingToAnswerCard, smallTalkCard } from "./small-talk.ts";
import { answerStationQuestion } from "./station-question.ts";
import { stopWalk, threadEscalation, walkInWords, walkReply } from "./thread-topics.ts";
import type { Turn, TurnReply } from "./turn.ts";
import { activeWalk } from "./walk-flow.ts";

/** Kinds of question that leave a playbook's overview as the thread's last card. */
const opened = new Set(["match", "fault-code", "fault", "open", "chosen"]);

/**
 * A plain message in a thread that has something going on, read the way a colleague would: the evidence
 * Support asked for, small talk, a word that presses a button on the card the thread is at, the current
 * step's input, or, only when it is clearly a new problem, a new question (saying how to go back).
 * Undefined: not a reply to anything here, so the caller treats it as a command or question.
 */
export async function continueThread(
  turn: Turn,
  text: string,
  ctx: CommandContext,
  files: Attachment[] = [],
): Promise<TurnReply | undefined> {
  // Only the requester answers for their escalation; anyone else in the thread is just asking something.
  const pending = await threadEscalation(turn, ["need-info"], turn.by.id);
  if (pending) return turn.escalations.answerNeedInfo(turn, pending, text);
  const noted = await addEvidence(turn, text);
  if (noted) return noted;
  // Files attached in the thread are evidence whatever the words with them say.
  if (files.length > 0) return keepEvidence(turn, text ? factsIn(turn, text) : [], files);

  const intent = readDialogue(text);
  const station = await answerStationQuestion(turn, text, intent);
  if (station) return station;
  const found = activeWalk(turn);
  const walk = found && walkIsTopic(turn.state) ? found : undefined;
  if (isSmallTalk(intent) && intent) return { cards: [smallTalkCard(intent, walk ? walkInWords(walk) : undefined)] };

  if (walk && (walk.w.status === "active" || walk.w.status === "awaiting-outcome")) {
    return walkReply(turn, walk, text, intent, ctx);
  }
  // Facts typed while an escalation is in progress go to it, unless the message is clearly a new question.
  const facts = factsIn(turn, text);
  if (facts.length > 0 && !intent) {
    const escalated = await threadEscalation(turn, ["open", "claimed"]);
    const topic = escalated?.playbook ?? turn.state.question?.playbook ?? found?.w.playbook;
    const evidence = mostlyFacts(text, facts) || !sureMatchElsewhere(turn, text, topic);
    if ((escalated || topic) && evidence) return keepEvidence(turn, facts);
  }
  const question = turn.state.question;
  if (!walk && question?.playbook && opened.has(question.kind)) {
    // Right after an overview, "ok" / "start" press its Start walkthrough.
    const playbook = turn.deps.registry.get(question.playbook);
    if (playbook && (intent === "resume" || intent === "repeat") && found?.w.status === "active") {
      return pressIn(turn, [resumeButton(found.w.playbook)], "start");
    }
    const overview = playbook ? overviewCard(playbook) : undefined;
    const pressed = overview && (await pressIn(turn, buttonsOf(overview), text, intent));
    if (pressed) return pressed;
  }
  // "didn't help" after a no-match: none of the suggestions fit, so the way on is a person. The form asks
  // what is wrong, the question filled in; nothing is filed until it is sent.
  if (intent === "not-fixed" && question?.kind === "no-match" && !question.playbook)
    return { cards: [escalateFormCard(isRealQuestion(question.text) ? { initial: question.text } : {})] };
  // "back to the relay one": words that ask to return and name the waiting walkthrough's playbook.
  if (!intent && found?.w.status === "active" && !walk && asksBackTo(turn, text, found.w.playbook))
    return pressIn(turn, [resumeButton(found.w.playbook)], "start");
  if (intent === "stop" && found?.w.status === "active") return stopWalk(turn, found);
  if (intent === "resume" && found?.w.status === "active")
    return pressIn(turn, [resumeButton(found.w.playbook)], "start");
  if (intent) return { cards: [nothingToAnswerCard(text.trim())] };
  // A follow-up the matcher cannot place alone stays with the thread's article (follow-up-on-topic.ts).
  const topic = question?.playbook ?? found?.w.playbook;
  if (topic && text) return followUpOnTopic(turn, text, topic);
  return undefined;
}

/**
 * True when the matcher surely places `text` in a playbook other than the thread's: a new question, not
 * evidence ("the alarm log shows two RSC" in a Relay Stuck Closed thread is evidence).
 */
function sureMatchElsewhere(turn: Turn, text: string, topic: string | null | undefined): boolean {
  const result = turn.deps.matcher.match(text);
  const sure =
    (result.kind === "match" || result.kind === "fault-code") && result.confidence >= turn.deps.config.lowConfidence;
  return sure && result.playbook !== topic;
}

/** Asking to return ("back to", "resume", "continue with") to a topic the matcher places in `playbook`. */
function asksBackTo(turn: Turn, text: string, playbook: string): boolean {
  if (!/\b(?:back|resume|return|continue|carry on|go on)\b/i.test(text)) return false;
  const result = turn.deps.matcher.match(text);
  return (result.kind === "match" || result.kind === "fault-code") && result.playbook === playbook;
}

export function buttonsOf(card: Card): Button[] {
  return card.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
}

function resumeButton(playbook: string): Button {
  return { action: "walk.start", label: "start", value: JSON.stringify({ playbook }) };
}

/** Presses the button the words name on `buttons`, as if clicked; the answer is a new message. */
export async function pressIn(
  turn: Turn,
  buttons: Button[],
  text: string,
  intent?: DialogueIntent,
): Promise<TurnReply | undefined> {
  const button = pressByWords(buttons, text, intent ?? readDialogue(text));
  if (!button) return undefined;
  const event: ActionEvent = {
    kind: "action",
    eventId: turn.event.eventId,
    conversation: turn.event.conversation,
    user: turn.event.user,
    action: button.action,
    ...(button.value !== undefined ? { value: button.value } : {}),
  };
  return { ...(await handleAction(turn, event)), mode: "new" };
}
