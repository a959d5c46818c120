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

/** For the requester: the escalation is safe, and what an admin must change for it to arrive. */
export function deliveryProblemCard(problem: DeliveryProblem): Card {
  return infoCard("Support channel not reachable yet", [
    "Your escalation is saved. cpbot posts it to the support channel automatically as soon as it can.",
    `For your Slack admin: ${channelAccessFix(problem.channel, problem.code)} (Slack said \`${problem.code}\`).`,
  ]);
}
