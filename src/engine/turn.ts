import { hash } from "node:crypto";
import type { Card } from "../cards/card-schema.ts";
import type { Actor, BotEvent } from "../core/bot-event.ts";
import type { EngineReply } from "../core/transport.ts";
import type { AnalyticsEvent, AnalyticsEventType } from "../store/store.ts";
import type { EngineDeps } from "./engine-deps.ts";
import type { Role } from "./escalation-access.ts";
import type { EscalationService } from "./escalation-service.ts";
import type { SessionState } from "./session-state.ts";

/**
 * One event being handled. Everything a handler decides happens on this object inside one store
 * transaction (session state, analytics, escalation rows, the event-id claim; `deps.store` is the
 * transaction's handle), so a crash or a conflict leaves nothing half-written. Posting to other conversations is queued in `later` and runs
 * after the commit.
 */
export interface Turn {
  deps: EngineDeps;
  escalations: EscalationService;
  event: BotEvent;
  /** ISO time of the event, from the engine's clock. */
  at: string;
  by: Actor;
  /** Session key of the event's thread. */
  key: string;
  /** Working copy; saved when it differs from what was read. */
  state: SessionState;
  events: AnalyticsEvent[];
  /** Work after the commit; each task may add cards to the reply (e.g. "posted to #support"). */
  later: (() => Promise<Card[]>)[];
  visibility: EngineReply["visibility"];
  /** The person's role, asked of the platform before the transaction when the event needs it. */
  role: Role;
  /** The adapter's listener for this event's failed handoff posts (HandleOptions.onPostFailed). */
  onPostFailed?: (error: unknown) => void;
}

/** What a handler answers: the cards, and whether they replace the card a button was on. */
export interface TurnReply {
  cards: Card[];
  mode?: EngineReply["mode"];
}

/** Queues one analytics event for the turn's transaction. */
export function record(
  turn: Turn,
  type: AnalyticsEventType,
  fields: Omit<AnalyticsEvent, "type" | "at" | "platform" | "conversation" | "user"> = {},
): void {
  turn.events.push({
    type,
    at: turn.at,
    platform: turn.event.conversation.platform,
    conversation: turn.key,
    user: turn.by.id,
    ...fields,
  });
}

/**
 * The next question / walkthrough id in the thread, e.g. "w4-1a2b3c": the number orders topics within the
 * thread; the suffix (from the thread and event) keeps a button from one thread's card from ever
 * matching another thread's walkthrough.
 */
export function nextId(turn: Turn, prefix: "q" | "w"): string {
  turn.state = { ...turn.state, seq: turn.state.seq + 1 };
  // The one-shot hash: createHash builds a Hash object (an OpenSSL context and its native handle) per id,
  // which weighed 2.5% of a slash command's CPU in the profile; the digest is the same.
  const suffix = hash("sha256", `${turn.key}\u0000${turn.event.eventId}`).slice(0, 6);
  return `${prefix}${turn.state.seq}-${suffix}`;
}

export function reply(cards: Card[], mode: EngineReply["mode"] = "new"): TurnReply {
  return { cards, mode };
}
