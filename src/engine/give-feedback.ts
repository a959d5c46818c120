import { firstAnswerStep } from "../analytics/build-report.ts";
import type { Playbook } from "../playbooks/playbook-schema.ts";
import { helpedCard, notHelpedCard } from "../render/feedback-card.ts";
import { record, type Turn, type TurnReply } from "./turn.ts";

/**
 * The fault code feedback is counted under: the playbook's code the person asked with ("303-RSC" in the
 * question), else the playbook's only code; none for an article with several codes and none named.
 */
export function feedbackFaultCode(playbook: Playbook, asked: string | undefined): string | undefined {
  const codes = playbook.errorLogs?.faultCodes?.map((f) => f.code) ?? [];
  const said = asked?.toUpperCase() ?? "";
  return codes.find((code) => said.includes(code.toUpperCase())) ?? (codes.length === 1 ? codes[0] : undefined);
}

/**
 * "Did this help?" answered on a first answer (a button, or the same words typed). Stored per playbook,
 * with the walkthrough step the thread stood on and the fault code it was asked with, so the report can
 * tell which answers help. Only the first answer to a question counts; "Didn't help" offers the guide's
 * escalation and never opens one on its own.
 */
export function giveFeedback(turn: Turn, playbook: Playbook, helped: boolean): TurnReply {
  const question = turn.state.question?.playbook === playbook.id ? turn.state.question : undefined;
  const walk = turn.state.walkthrough;
  const running = walk?.playbook === playbook.id && walk.status === "active";
  const already = question?.feedback !== undefined;
  if (!already) {
    const step = running ? walk.cursor?.step : undefined;
    const faultCode = feedbackFaultCode(playbook, question?.text);
    record(turn, "feedback", {
      playbook: playbook.id,
      step: step ?? firstAnswerStep,
      action: helped ? "fixed" : "not-fixed",
      data: { helped, ...(faultCode ? { faultCode } : {}), ...(question ? { question: question.id } : {}) },
    });
    if (question) {
      turn.state = { ...turn.state, question: { ...question, feedback: helped ? "fixed" : "not-fixed" } };
    }
  }
  const view = { playbook, already, offerWalkthrough: !running };
  return { cards: [helped ? helpedCard(view) : notHelpedCard(view)] };
}
