import type { Card } from "../../src/cards/card-schema.ts";
import { infoCard } from "../../src/render/info-card.ts";
import { channelAccessFix } from "./slack-api-error.ts";

/** The escalation channel refused a handoff while one event was being handled. */
export interface DeliveryProblem {
  channel: string;
  code: string;
}

// The transport marks the error it throws when the escalation channel refuses a post; the engine hands
// that error to the event's own `onPostFailed` (HandleOptions), so only that event's reply mentions it
// (two people escalating at once each get their own). A WeakMap rather than a field: the error stays a
// plain BotError for everyone else.
const problems = new WeakMap<object, DeliveryProblem>();

/** Called by the transport on the error it is about to throw for a refusal in the escalation channel. */
export function markDeliveryProblem<E extends object>(error: E, problem: DeliveryProblem): E {
  problems.set(error, problem);
  return error;
}

/**
 * A collector for one event: pass `onPostFailed` to `engine.handle`, read `found` afterwards. Errors that
 * are not a refusal of the escalation channel (a timeout, a database failure) are not the admin's to fix
 * and are left to the log.
 */
export function deliveryProblems(): { found: DeliveryProblem[]; onPostFailed: (error: unknown) => void } {
  const found: DeliveryProblem[] = [];
  return {
    found,
    onPostFailed: (error) => {
      const problem = typeof error === "object" && error !== null ? problems.get(error) : undefined;
      if (problem && !found.some((p) => p.channel === problem.channel && p.code === problem.code)) found.push(problem);
    },
  };
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
