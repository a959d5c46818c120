import type { Card } from "../../src/cards/card-schema.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { Transport } from "../../src/core/transport.ts";

/** A card the terminal showed, with where it lives, so a pressed number reaches the right conversation. */
export interface ShownCard {
  card: Card;
  conversation: ConversationRef;
  messageId?: string;
  /** "posted" / "updated" for cards that went to another conversation (escalation channel, thread). */
  via?: "posted" | "updated";
}

/**
 * The terminal's Transport: escalation handoffs and the updates mirrored into threads are printed where
 * the person can see them (there is no other channel in a terminal), and handed to `show` so their
 * buttons can be pressed by number too.
 */
export class TerminalTransport implements Transport {
  private seq = 0;

  constructor(private readonly show: (shown: ShownCard) => void) {}

  async post(to: ConversationRef, card: Card): Promise<{ messageId: string }> {
    const messageId = `cli-msg-${++this.seq}`;
    this.show({ card, conversation: { ...to, threadId: to.threadId ?? messageId }, messageId, via: "posted" });
    return { messageId };
  }

  async update(to: ConversationRef, messageId: string, card: Card): Promise<void> {
    this.show({ card, conversation: to, messageId, via: "updated" });
  }
}

/** Where a card shown by the transport went, in words: "#escalations" or "thread main". */
export function describeConversation(to: ConversationRef, home: ConversationRef): string {
  if (to.channelId === home.channelId && to.threadId === home.threadId) return "this thread";
  if (to.channelId === home.channelId) return `thread ${to.threadId ?? "-"}`;
  return `#${to.channelId}`;
}
