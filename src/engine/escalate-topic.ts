import { escalateFormCard } from "../render/escalate-form-card.ts";
import { isRealQuestion } from "./real-question.ts";
import type { Question } from "./session-state.ts";
import { walkIsTopic } from "./session-state.ts";
import { nextId, type Turn, type TurnReply } from "./turn.ts";
import { escalateWalk } from "./walk-flow.ts";

/** Kinds of question that leave a playbook open in the thread. */
const opened = new Set(["match", "fault-code", "fault", "open", "chosen"]);

/**
 * `/cp escalate [note]` and the Escalate button: escalates the thread's current topic, which is the
 * walkthrough when it is the latest thing in the thread, else the last question (with its playbook when
 * one was shown). With nothing in the thread, a note is the question itself; without a note it is an error.
 */
export async function escalateTopic(
  turn: Turn,
  trigger: "button" | "command",
  note?: string,
  hint?: { playbook?: string; query?: string },
): Promise<TurnReply> {
  const { walkthrough: w, question: q } = turn.state;
  if (w && walkIsTopic(turn.state)) {
    const playbook = turn.deps.registry.get(w.playbook);
    if (playbook) return escalateWalk(turn, playbook, w, trigger, note);
  }
  let question: Question | undefined = q;
  if (!question) {
    const text = hint?.query ?? note;
    // Nothing in the thread says what is wrong: ask first, so Support never gets "ok" as the question.
    if (!text || (!hint?.playbook && !isRealQuestion(text))) return askFirst(text);
    question = {
      id: nextId(turn, "q"),
      text,
      at: turn.at,
      by: turn.by,
      kind: hint?.playbook ? "chosen" : "escalate",
      playbook: hint?.playbook ?? null,
      confidence: 0,
      alternatives: [],
    };
    turn.state = { ...turn.state, question };
  }
  const playbook =
    question.playbook && opened.has(question.kind) ? turn.deps.registry.get(question.playbook) : undefined;
  // A thread whose last question was "thanks" or "hi" has nothing for Support yet, unless the note says it.
  if (!playbook && !isRealQuestion(question.text) && !isRealQuestion(note)) return askFirst(note ?? question.text);
  const { cards } = await turn.escalations.open(turn, {
    trigger,
    idempotencyKey: `${turn.key}:${question.id}`,
    question,
    ...(playbook ? { playbook } : {}),
    ...(note && note !== question.text ? { note } : {}),
  });
  return { cards };
}

/** The "what is wrong?" form, with what was typed kept when it says something. */
function askFirst(typed: string | undefined): TurnReply {
  return { cards: [escalateFormCard(isRealQuestion(typed) && typed ? { initial: typed } : {})] };
}

/**
 * The "what is wrong?" form's Submit: the typed text becomes the thread's question and is escalated at
 * once, with the walkthrough or playbook the thread already has when there is one.
 */
export async function escalateWithText(turn: Turn, text: string, note?: string): Promise<TurnReply> {
  const { walkthrough: w, question: q } = turn.state;
  if (w && walkIsTopic(turn.state)) return escalateTopic(turn, "button", note ? `${text}\n${note}` : text);
  const keep = q?.playbook && opened.has(q.kind) ? { playbook: q.playbook } : {};
  const question: Question = {
    id: nextId(turn, "q"),
    text,
    at: turn.at,
    by: turn.by,
    kind: keep.playbook ? "chosen" : "escalate",
    playbook: keep.playbook ?? null,
    confidence: 0,
    alternatives: [],
  };
  turn.state = { ...turn.state, question };
  // The optional note from the form travels as the escalation's note, shown on the handoff card.
  return escalateTopic(turn, "button", note);
}
