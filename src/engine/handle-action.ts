import { type ActionPayload, cardActions, decodeActionPayload } from "../cards/card-actions.ts";
import { BotError } from "../core/bot-error.ts";
import type { ActionEvent } from "../core/bot-event.ts";
import { escalateFormCard, noteInputId, problemInputId, problemNeeded } from "../render/escalate-form-card.ts";
import { articleCard, overviewCard } from "../render/overview-card.ts";
import { playbookListCard } from "../render/playbook-list-card.ts";
import { validationCard } from "../render/validation-card.ts";
import { answerQuestion, didYouMean, noMatch } from "./answer-question.ts";
import { commandContext } from "./command-context.ts";
import type { CommandContext } from "./command-parser.ts";
import { parseCommand } from "./command-parser.ts";
import { escalateTopic, escalateWithText } from "./escalate-topic.ts";
import type { EscalationTarget } from "./escalation-service.ts";
import { giveFeedback } from "./give-feedback.ts";
import { handleCommand } from "./handle-command.ts";
import { keepQuestionFacts } from "./question-evidence.ts";
import { isRealQuestion } from "./real-question.ts";
import { runStationMessageForm } from "./step-tools.ts";
import { nextId, record, type Turn, type TurnReply } from "./turn.ts";
import { answerOutcome, submitInput } from "./walk-answers.ts";
import { moveWalk, playbookFor, startWalk } from "./walk-flow.ts";

/** A button press or form submit on a card the engine sent; the verb says what, the payload says on what. */
export async function handleAction(
  turn: Turn,
  event: ActionEvent,
  ctx: CommandContext = commandContext(turn.deps.registry),
): Promise<TurnReply> {
  const p = decodeActionPayload(event.value);
  switch (event.action) {
    case cardActions.walkStart:
      return startWalk(turn, playbookFor(turn, required(p.playbook, "playbook")));
    case cardActions.overviewFull: {
      // A new message under the overview, which stays where it is with its buttons at the top.
      const playbook = playbookFor(turn, required(p.playbook, "playbook"));
      return { cards: [articleCard(playbook, p.query)], mode: "new" };
    }
    case cardActions.walkDone:
      return moveWalk(turn, { kind: "done" }, p);
    case cardActions.walkSkip:
      return moveWalk(turn, { kind: "skip" }, p);
    case cardActions.walkBack:
      return moveWalk(turn, { kind: "back" }, p);
    case cardActions.walkChoose:
      return moveWalk(turn, { kind: "choose", branch: required(p.branch, "branch") }, p);
    case cardActions.walkSubmit:
      return submitInput(turn, firstInput(event), "replace", p);
    case cardActions.resolvedYes:
      return answerOutcome(turn, true, p);
    case cardActions.resolvedNo:
      return answerOutcome(turn, false, p);
    case cardActions.feedbackHelped:
    case cardActions.feedbackNotHelped:
      return giveFeedback(
        turn,
        playbookFor(turn, required(p.playbook, "playbook")),
        event.action === cardActions.feedbackHelped,
      );
    case cardActions.open:
      return openChosen(turn, required(p.playbook, "playbook"), p.query);
    case cardActions.alternatives:
      return alternatives(turn, p.query);
    case cardActions.noneOfThese: {
      const query = p.query ?? turn.state.question?.text ?? "";
      record(turn, "abstain", { text: query, data: { via: "none-of-these" } });
      return { cards: [noMatch(turn, query)], mode: "replace" };
    }
    case cardActions.escalateAsk:
      // The question asked before is offered as the starting text only when it says what is wrong.
      return { cards: [escalateFormCard(isRealQuestion(p.query) && p.query ? { initial: p.query } : {})] };
    case cardActions.escalateSubmit: {
      const typed = (event.inputs?.[problemInputId] ?? firstInput(event)).trim();
      const extra = (event.inputs?.[noteInputId] ?? "").trim();
      if (!isRealQuestion(typed)) {
        const error = problemNeeded;
        const kept = { ...(typed ? { initial: typed } : {}), ...(extra ? { note: extra } : {}) };
        return { cards: [escalateFormCard({ ...kept, error })], mode: "replace" };
      }
      return { ...(await escalateWithText(turn, typed, extra || undefined)), mode: "replace" };
    }
    case cardActions.browse:
      return { cards: [playbookListCard([...turn.deps.registry.all()])] };
    case cardActions.run: {
      const parsed = parseCommand(required(p.query, "command"), ctx);
      return handleCommand(turn, parsed.command, ctx);
    }
    case cardActions.ask:
      return answerQuestion(turn, required(p.query, "question"), ctx);
    case cardActions.escalate:
      return escalateTopic(turn, "button", undefined, {
        ...(p.playbook ? { playbook: p.playbook } : {}),
        ...(p.query ? { query: p.query } : {}),
      });
    case cardActions.escalationClaim:
      return turn.escalations.transition(turn, target(p), "claimed", note(event));
    case cardActions.escalationNeedInfo:
      return turn.escalations.transition(turn, target(p), "need-info", await needInfoNote(turn, event));
    case cardActions.escalationResolve:
      return turn.escalations.transition(turn, target(p), "resolved", note(event));
    case cardActions.escalationCancel:
      return turn.escalations.cancel(turn, target(p));
    case cardActions.stationMessageSubmit:
      return { cards: [validationCard(runStationMessageForm(event.inputs ?? {}))], mode: "replace" };
  }
  throw new BotError(
    `This button ("${event.action}") is not one cpbot handles. Ask again to get a fresh card.`,
    "invalid_input",
  );
}

function required(value: string | undefined, what: string): string {
  if (value) return value;
  throw new BotError(`This button is missing its ${what}; it may come from an older card. Ask again.`, "invalid_input");
}

function target(p: ActionPayload): EscalationTarget {
  return { id: required(p.escalation, "escalation"), ...(p.ref ? { ref: p.ref } : {}) };
}

function firstInput(event: ActionEvent): string {
  const inputs = event.inputs ?? {};
  return inputs.answer ?? Object.values(inputs)[0] ?? "";
}

function note(event: ActionEvent): string | undefined {
  const text = event.inputs?.note?.trim();
  return text ? text : undefined;
}

/** Need info always tells the requester what is wanted: the typed note, else the evidence still missing. */
async function needInfoNote(turn: Turn, event: ActionEvent): Promise<string> {
  const typed = note(event);
  if (typed) return typed;
  const id = decodeActionPayload(event.value).escalation ?? "";
  const record = await turn.deps.store.getEscalation(id);
  const handoff = (record?.handoff ?? {}) as { evidence?: { label: string; value?: string }[] };
  const missing = (handoff.evidence ?? []).filter((e) => e.value === undefined).map((e) => e.label);
  return missing.length > 0
    ? `Please reply in your thread with: ${missing.join("; ")}.`
    : "Please reply in your thread with more detail: what you see on the station and in the dashboard.";
}

/** A playbook picked from a did-you-mean or list card: its overview, and the thread's topic from now on. */
function openChosen(turn: Turn, id: string, query: string | undefined): TurnReply {
  const playbook = playbookFor(turn, id);
  const previous = turn.state.question;
  const text = query ?? previous?.text ?? `open ${playbook.id}`;
  turn.state = {
    ...turn.state,
    question: {
      id: nextId(turn, "q"),
      text,
      at: turn.at,
      by: turn.by,
      kind: "chosen",
      playbook: playbook.id,
      confidence: 1,
      alternatives: [],
    },
  };
  if (query) record(turn, "match", { text: query, playbook: playbook.id, confidence: 1, data: { kind: "chosen" } });
  // The question's station ("… on CPF-6") goes with the playbook picked for it.
  const noted = query ? keepQuestionFacts(turn, query) : [];
  return { cards: [overviewCard(playbook, query ? { query, noted } : {})] };
}

/** "Not this one?": the other candidates of the thread's last match. */
/**
 * "Not this one?": the other close candidates, or every topic when none was close. Recorded, because a
 * rejected match is exactly what playbook authors need to see.
 */
function alternatives(turn: Turn, query: string | undefined): TurnReply {
  const q = turn.state.question;
  const text = q && (!query || q.text === query) ? q.text : (query ?? "");
  const others = q && q.text === text ? q.alternatives : turn.deps.matcher.match(text).alternatives;
  const rejected = q?.playbook ?? null;
  record(turn, "abstain", { text, data: { via: "not-this-one", rejected } });
  if (others.length > 0) {
    return { cards: [didYouMean(turn, text, { playbook: null, confidence: 0, alternatives: others })] };
  }
  // A sure match has no close runner-up, but the person says it is wrong: offer the next best playbooks
  // (never "none fits"), with Browse all and Escalate… on the card.
  return { cards: [noMatch(turn, text, undefined, rejected ? [rejected] : [])] };
}
