import type { Playbook } from "../playbooks/playbook-schema.ts";
import { feedbackLabels } from "../render/feedback-labels.ts";
import { infoCard } from "../render/info-card.ts";
import { record, type Turn, type TurnReply } from "./turn.ts";

/**
 * "Did this help?" answered on a first answer. Stored per playbook, with the walkthrough step the thread
 * stood on and the fault code it was asked with, so the report can tell which answers help. Saying it
 * did not help offers the next moves rather than opening anything on its own.
 */
export function giveFeedback(turn: Turn, playbook: Playbook, helped: boolean): TurnReply {
  const walk = turn.state.walkthrough;
  const step = walk && walk.playbook === playbook.id ? walk.cursor?.step : undefined;
  const faultCode = playbook.errorLogs?.faultCodes?.[0]?.code;
  record(turn, "feedback", {
    playbook: playbook.id,
    ...(step ? { step } : {}),
    action: helped ? "fixed" : "not-fixed",
    data: { helped, ...(faultCode ? { faultCode } : {}) },
  });
  const { yes, no } = feedbackLabels(playbook);
  const lines = helped
    ? [`Thanks: recorded “${yes}” for ${playbook.title}.`]
    : [
        `Thanks: recorded “${no}” for ${playbook.title}.`,
        "Start the walkthrough to go step by step, or press Escalate… to hand it to Support with what you have.",
      ];
  return { cards: [infoCard("Thanks for the feedback", lines)] };
}
