import { cardActions } from "../cards/card-actions.ts";
import type { Card } from "../cards/card-schema.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { actions, button, header, text as textBlock } from "../render/card-blocks.ts";
import { feedbackLabels, feedbackQuestion } from "../render/feedback-labels.ts";
import { infoCard } from "../render/info-card.ts";
import type { EscalationRecord, EscalationStatus } from "../store/store.ts";
import { answerQuestion } from "./answer-question.ts";
import type { CommandContext } from "./command-parser.ts";
import { buttonsOf, pressIn } from "./continue-thread.ts";
import { mostlyFacts } from "./extract-facts.ts";
import { feedbackFaultCode } from "./give-feedback.ts";
import { factsIn, keepEvidence } from "./plain-evidence.ts";
import type { DialogueIntent } from "./read-dialogue.ts";
import type { Walkthrough } from "./session-state.ts";
import { runStepTool } from "./step-tools.ts";
import { record, type Turn, type TurnReply } from "./turn.ts";
import { submitInput } from "./walk-answers.ts";
import { endCard, walkStepCard } from "./walk-cards.ts";
import { currentStep } from "./walkthrough.ts";

type Walk = { w: Walkthrough; playbook: Playbook };

/** The thread's newest escalation in one of `statuses`: the one place the dialogue reads escalations. */
export async function threadEscalation(
  turn: Turn,
  statuses: EscalationStatus[],
  requester?: string,
): Promise<EscalationRecord | undefined> {
  const found = await turn.deps.store.listEscalations({ status: statuses, sessionKey: turn.key });
  return found.filter((e) => !requester || e.requester.id === requester).at(-1);
}

/** "the Relay Stuck Closed (303-RSC) walkthrough is at Step 3 of 9" */
export function walkInWords({ w, playbook }: Walk): string {
  if (w.status === "awaiting-outcome") return `The ${playbook.title} walkthrough is waiting for “${feedbackQuestion}”`;
  const step = /^Step \d+ of \d+/.exec(walkStepCard(playbook, w).title)?.[0];
  return `The ${playbook.title} walkthrough is at ${step ?? "its current step"}`;
}

/**
 * A message while the walkthrough is the thread's topic: a word that presses one of the current card's
 * buttons, the step's input, "it's fixed" before the end, a clearly new problem (a new match that says
 * how to come back), or else the step again with a hint. Never the no-match card.
 */
export async function walkReply(
  turn: Turn,
  walk: Walk,
  text: string,
  intent: DialogueIntent | undefined,
  ctx: CommandContext,
): Promise<TurnReply | undefined> {
  const { w, playbook } = walk;
  const card = w.status === "awaiting-outcome" ? endCard(playbook, w) : walkStepCard(playbook, w);
  if (intent === "repeat" || intent === "resume") return { cards: [card] };
  if (intent === "stop") return stopWalk(turn, walk);
  const pressed = await pressIn(turn, buttonsOf(card), text, intent);
  if (pressed) return pressed;
  const step = w.status === "active" ? currentStep(playbook, w) : undefined;
  if (step && intent === "fixed") return resolveEarly(turn, walk);
  // "still broken" where the guide says to contact Support if the issue persists is that condition met:
  // say how to hand it over (nothing is sent without a press) rather than refuse the words.
  if (step?.escalate && intent === "not-fixed") return { cards: [persistsCard(), card] };
  const facts = intent ? [] : factsIn(turn, text);
  // A paste the step's checker reads is the step's answer; a message of plain facts is evidence.
  const reads =
    step?.input && (!step.input.tool || runStepTool(step.input.tool, text, playbook.id)?.verdict !== "invalid");
  if (reads && !intent) return submitInput(turn, text, "new");
  if (mostlyFacts(text, facts)) return keepEvidence(turn, facts);
  if (!intent && clearlyNewProblem(turn, text, playbook.id)) return switchTopic(turn, walk, text, ctx);
  // The checker's error says what the step wants better than a generic hint.
  if (step?.input && !intent && facts.length === 0) return submitInput(turn, text, "new");
  if (facts.length > 0) return keepEvidence(turn, facts);
  const said = text.trim().length > 60 ? `${text.trim().slice(0, 57)}…` : text.trim();
  const choices = step?.choice ? " pick one of the options," : "";
  const hint = `I did not take “${said}” as an answer here:${choices} say done, skip or back, press a button, or describe a new problem with its fault code or what the station shows.`;
  if (!step) {
    const { yes, no } = feedbackLabels(playbook);
    return { cards: [infoCard(feedbackQuestion, [`Answer ${yes} or ${no} (or yes / no). (${hint})`]), card] };
  }
  return { cards: [walkStepCard(playbook, w, hint)] };
}

/**
 * A message the matcher confidently places in another playbook (or a fault code it knows) is a new problem,
 * not an answer to this step. Anything less sure stays with the walkthrough.
 */
function clearlyNewProblem(turn: Turn, text: string, current: string): boolean {
  const result = turn.deps.matcher.match(text);
  if (result.kind === "unknown-fault-code") return true;
  const sure =
    (result.kind === "match" || result.kind === "fault-code") && result.confidence >= turn.deps.config.lowConfidence;
  if (!sure || result.playbook === current) return false;
  // A paste the step's checker reads is the step's answer even when it also names a fault.
  const step = currentStep(turn.deps.registry.get(current) as Playbook, turn.state.walkthrough as Walkthrough);
  if (step?.input?.tool && runStepTool(step.input.tool, text, current)?.verdict !== "invalid") return false;
  return true;
}

/** A new match for a new problem, and a card that says the walkthrough waits and how to go back to it. */
export function switchTopic(turn: Turn, walk: Walk, text: string, ctx: CommandContext): TurnReply {
  const answer = answerQuestion(turn, text, ctx);
  const back: Card = {
    kind: "info",
    title: "Switched topic",
    blocks: [
      header("Switched topic"),
      textBlock(
        `That sounds like a new problem, so I answered it above. ${walkInWords(walk)} and waits: say “resume” or press the button to go back to it.`,
      ),
      actions([button(`Back to ${walk.playbook.title}`, cardActions.walkStart, { playbook: walk.playbook.id })]),
    ].filter((b) => b !== null),
  };
  return { cards: [...answer.cards, back] };
}

/** "stop": the walkthrough ends here as abandoned; Start walkthrough begins it again. */
export function stopWalk(turn: Turn, { w, playbook }: Walk): TurnReply {
  const where = walkInWords({ w, playbook }).replace(/ is at /, " stopped at ");
  turn.state = { ...turn.state, walkthrough: { ...w, status: "abandoned" } };
  record(turn, "step", { playbook: playbook.id, action: "stop", ...(w.cursor ? { step: w.cursor.step } : {}) });
  return {
    cards: [
      {
        kind: "info",
        title: "Walkthrough stopped",
        blocks: [
          header("Walkthrough stopped"),
          textBlock(`${where}. Nothing was escalated.`),
          actions([button("Start walkthrough", cardActions.walkStart, { playbook: playbook.id })]),
        ].filter((b) => b !== null),
      },
    ],
  };
}

/** "it's fixed" before the last step: the walkthrough is resolved where it stands. */
function resolveEarly(turn: Turn, { w, playbook }: Walk): TurnReply {
  turn.state = { ...turn.state, walkthrough: { ...w, status: "fixed" } };
  const faultCode = feedbackFaultCode(playbook, turn.state.question?.text);
  record(turn, "resolved", {
    playbook: playbook.id,
    ...(w.cursor ? { step: w.cursor.step } : {}),
    data: { walkthrough: w.id, early: true, ...(faultCode ? { faultCode } : {}) },
  });
  return {
    cards: [
      infoCard(`Resolved: ${playbook.title}`, [
        "Glad it's fixed. The walkthrough is recorded as resolved at this step; ask here again if it comes back.",
      ]),
    ],
  };
}

function persistsCard(): Card {
  return infoCard("The issue persists", [
    "The guide says to contact Support at this step when the issue persists. Press **Done** to hand it to Support with everything from this walkthrough, or **Skip** if it cleared after all. Nothing is sent until you do.",
  ]);
}
