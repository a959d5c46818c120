import { BotError } from "../core/bot-error.ts";
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
    if (!text) {
      throw new BotError(
        "There is nothing to escalate in this thread yet. Ask your question or open a playbook first (e.g. fault 303-RSC), or write escalate <what is wrong> to escalate with a note.",
        "invalid_input",
      );
    }
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
  const { cards } = await turn.escalations.open(turn, {
    trigger,
    idempotencyKey: `${turn.key}:${question.id}`,
    question,
    ...(playbook ? { playbook } : {}),
    ...(note && note !== question.text ? { note } : {}),
  });
  return { cards };
}
