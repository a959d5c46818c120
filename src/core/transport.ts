import type { Card } from "../cards/card-schema.ts";
import type { ConversationRef } from "./bot-event.ts";

/**
 * How the engine reaches places other than the conversation it is answering: the escalation channel and
 * the origin thread of an escalation. Each adapter implements it; tests pass a fake that records calls.
 */
export interface Transport {
  /** Posts a new message (a new thread when `to.threadId` is absent); returns the platform message id. */
  post(to: ConversationRef, card: Card): Promise<{ messageId: string; permalink?: string }>;
  /** Replaces a message posted earlier. */
  update(to: ConversationRef, messageId: string, card: Card): Promise<void>;
  /**
   * The conversation with its permalink filled in when the platform can give one (Slack asks
   * chat.getPermalink, once per thread); otherwise the conversation as it was. Never throws. Asked only
   * when a link will be shown (an escalation handoff, the Home tab), never before an ordinary answer.
   */
  link?(conversation: ConversationRef): Promise<ConversationRef>;
}

/** What the engine answers to one event, for the adapter to deliver in the event's own conversation. */
export interface EngineReply {
  cards: Card[];
  /** replace: update the card the button was on (walkthrough navigation); new: post new message(s). */
  mode: "new" | "replace";
  /** Slack slash commands reply ephemerally unless shared; other surfaces ignore this. */
  visibility: "ephemeral" | "in_channel";
  /**
   * Only the person who acted may see it (a refusal), even where replies normally go to the thread or
   * replace the card: Slack posts it ephemerally.
   */
  privately?: boolean;
  /** Refused by the rate limit: at most one "slow down" card, and nothing else happened. */
  limited?: boolean;
  /** True when the event was a retry of one already handled: deliver nothing. */
  duplicate?: boolean;
  /**
   * The outbox row holding this reply, leased to this process: deliver it through the OutboxDispatcher
   * (which marks it delivered or retries it). Absent when the adapter gave no `replyTo`, or nothing was
   * stored (a rate-limit refusal, a database failure): then deliver directly, best effort.
   */
  delivery?: { id: string; createdAt: string };
  /**
   * Present only when the adapter asked for `deferWrites` and the turn was decided without writing: the
   * turn's writes (the event-id claim, the session, the analytics rows, the audit line) are not made yet.
   * Call it exactly once, after trying to deliver the answer: `sent` true when the answer reached the
   * person (the acknowledgement was written), false when it did not. With `false` the answer is queued
   * in the outbox with the rest, leased to this process, and its row returned for the adapter to deliver
   * (retried durably like any reply). The thread's next turn waits for it. Rejects when the store fails.
   */
  settle?: (sent: boolean) => Promise<{ id: string; createdAt: string } | undefined>;
}
