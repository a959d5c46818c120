import { BotError } from "../core/bot-error.ts";
import type { Actor } from "../core/bot-event.ts";
import type { EscalationRecord, EscalationStatus, EscalationTransition } from "./store.ts";

/**
 * Where an escalation may go from each state. "need-info" hands it back to the requester; their answer
 * sends it to open (or straight to claimed). Reopening a resolved one is allowed because a fix that did
 * not hold is better tracked on the same escalation than on a new one.
 */
export const escalationTransitions: Record<EscalationStatus, readonly EscalationStatus[]> = {
  open: ["claimed", "need-info", "resolved"],
  claimed: ["need-info", "resolved", "open"],
  "need-info": ["open", "claimed", "resolved"],
  resolved: ["open"],
};

/** The buttons worth showing on a handoff card in this state. */
export function nextStatuses(status: EscalationStatus): readonly EscalationStatus[] {
  return escalationTransitions[status];
}

/**
 * Decides what a transition does to `record`: "apply" it, or "noop" when the same person repeats the
 * move that put it in its current state (a double click, a retried request). Throws when the move is
 * not allowed ("invalid_input") or someone else already made it ("conflict"), with a message that can be
 * shown to the person who pressed the button. Shared by every Store implementation.
 */
export function checkTransition(record: EscalationRecord, change: EscalationTransition): "apply" | "noop" {
  if (change.to === record.status) {
    const last = record.history.at(-1);
    if (last && last.to === record.status && last.by.id === change.by.id) return "noop";
    const who = record.status === "claimed" && record.claimedBy ? record.claimedBy : last?.by;
    throw new BotError(
      `${record.id} is already ${describeStatus(record.status)}${who ? ` by ${actorName(who)}` : ""}` +
        (last ? ` (at ${last.at})` : "") +
        ".",
      "conflict",
    );
  }
  if (!escalationTransitions[record.status].includes(change.to)) {
    throw new BotError(
      `${record.id} cannot go from ${record.status} to ${change.to}; from ${record.status} it can go to ` +
        `${escalationTransitions[record.status].join(", ")}.`,
      "invalid_input",
    );
  }
  return "apply";
}

/** Who holds the escalation after a change: set by claiming, cleared by reopening, otherwise kept. */
export function claimedByAfter(record: EscalationRecord, change: EscalationTransition): Actor | undefined {
  if (change.to === "claimed") return change.by;
  if (change.to === "open") return undefined;
  return record.claimedBy;
}

export function describeStatus(status: EscalationStatus): string {
  return status === "need-info" ? "waiting for information" : status;
}

export function actorName(actor: Actor): string {
  return actor.name ?? actor.id;
}
