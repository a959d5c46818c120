import type { MessageEvent } from "../core/bot-event.ts";
import type { ToolId } from "../playbooks/playbook-schema.ts";
import { addEvidence } from "./add-evidence.ts";
import { confidentMatch } from "./answer-question.ts";
import { type CommandContext, parseCommand, subcommands } from "./command-parser.ts";
import { handleCommand } from "./handle-command.ts";
import { seqOf } from "./session-state.ts";
import { runStepTool } from "./step-tools.ts";
import type { Turn, TurnReply } from "./turn.ts";
import { answerOutcome, submitInput } from "./walk-answers.ts";
import { activeWalk, moveWalk } from "./walk-flow.ts";
import { currentStep } from "./walkthrough.ts";

const yes = /^(?:y|yes|yep|yeah|fixed|it'?s fixed|it is fixed|that fixed it|solved|resolved)[.!]*$/i;
const no = /^(?:n|no|nope|not fixed|still broken|still (?:not working|faulted)|didn'?t work|did not work)[.!]*$/i;
const navWords: Record<string, "done" | "skip" | "back"> = { done: "done", next: "done", skip: "skip", back: "back" };

/**
 * A plain message in a thread. Inside a walkthrough it is read as what the walkthrough waits for (the
 * step's input, "yes"/"no" at the end, done/skip/back, `evidence-id: value`); a subcommand or anything
 * else starts over as a new command or question.
 */
export async function handleMessage(turn: Turn, event: MessageEvent, ctx: CommandContext): Promise<TurnReply> {
  const text = event.text.trim();
  const first = text.split(/\s+/)[0]?.toLowerCase() ?? "";
  // Tool words are left out on purpose: "status …" may well be the paste a step asks for.
  const isCommand = text.startsWith("/") || (subcommands as readonly string[]).includes(first) || first === "share";
  if (!isCommand && text) {
    const answered = await continueThread(turn, text);
    if (answered) return answered;
  }
  const parsed = parseCommand(text, ctx);
  turn.visibility = parsed.visibility;
  return handleCommand(turn, parsed.command, ctx);
}

async function continueThread(turn: Turn, text: string): Promise<TurnReply | undefined> {
  const pending = await needInfoEscalation(turn);
  if (pending) return turn.escalations.answerNeedInfo(turn, pending, text);
  const noted = await addEvidence(turn, text);
  if (noted) return noted;

  const found = activeWalk(turn);
  if (!found) return undefined;
  const { w, playbook } = found;
  // A question asked after the walkthrough began is the thread's topic now; the walkthrough waits.
  if (turn.state.question && seqOf(turn.state.question.id) > seqOf(w.id)) return undefined;

  if (w.status === "awaiting-outcome") {
    if (yes.test(text)) return answerOutcome(turn, true, {});
    if (no.test(text)) return answerOutcome(turn, false, {});
    return undefined;
  }
  if (w.status !== "active") return undefined;
  const step = currentStep(playbook, w);
  if (!step) return undefined;
  const nav = navWords[text.toLowerCase()];
  if (nav) return { ...(await moveWalk(turn, { kind: nav }, {})), mode: "new" };
  const option = step.choice?.options.find((o) => o.label.toLowerCase() === text.toLowerCase());
  if (option) return { ...(await moveWalk(turn, { kind: "choose", branch: option.branch }, {})), mode: "new" };
  if (step.input) {
    if (step.input.tool && looksLikeNewQuestion(turn, text, step.input.tool, playbook.id)) return undefined;
    return submitInput(turn, text, "new");
  }
  return undefined;
}

/**
 * A message the step's checker cannot read, which the matcher confidently places in another playbook, is
 * a new question rather than a bad paste ("what does 202-EF mean" while a status paste is expected).
 */
function looksLikeNewQuestion(turn: Turn, text: string, tool: ToolId, playbook: string): boolean {
  if (runStepTool(tool, text, playbook)?.verdict !== "invalid") return false;
  return confidentMatch(turn, text, [playbook]);
}

async function needInfoEscalation(turn: Turn) {
  const waiting = await turn.deps.store.listEscalations({ status: ["need-info"], sessionKey: turn.key });
  return waiting.at(-1);
}
