import { AsyncLocalStorage } from "node:async_hooks";
import type { Card } from "../../src/cards/card-schema.ts";
import { infoCard } from "../../src/render/info-card.ts";
import { channelAccessFix } from "./slack-api-error.ts";

/** The escalation channel refused a handoff while one event was being handled. */
export interface DeliveryProblem {
  channel: string;
  code: string;
}

// The engine posts handoffs from inside handle(); the transport cannot return the reason through it, so
// the problem travels with the async context of the event being handled, and only that event's reply
// mentions it (two people escalating at once each get their own).
const problems = new AsyncLocalStorage<DeliveryProblem[]>();

export async function collectDeliveryProblems<T>(
  work: () => Promise<T>,
): Promise<{ result: T; found: DeliveryProblem[] }> {
  const found: DeliveryProblem[] = [];
  const result = await problems.run(found, work);
  return { result, found };
}

/** Called by the transport; outside an event (the start-up retry) there is nobody to tell but the log. */
export function reportDeliveryProblem(problem: DeliveryProblem): void {
  const found = problems.getStore();
  if (found && !found.some((p) => p.channel === problem.channel && p.code === problem.code)) found.push(problem);
}

/**
 * For the requester, next to the engine's "saved but not posted yet": why, and what a Slack admin must
 * change for the escalation to arrive (cpbot then posts it on its own).
 */
export function deliveryProblemCard(problem: DeliveryProblem): Card {
  return infoCard("Why the escalation is not posted yet", [
    `For your Slack admin: ${channelAccessFix(problem.channel, problem.code)} (Slack said \`${problem.code}\`). Once that is fixed, cpbot posts the escalation by itself.`,
  ]);
}
