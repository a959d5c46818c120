import type { Card } from "../../src/cards/card-schema.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { Transport } from "../../src/core/transport.ts";

/** A card the engine posted or updated outside the reply (an escalation notice, a mirrored status). */
export interface PostedCard {
  card: Card;
  messageId: string;
  mode: "new" | "replace";
}

/** The console's escalation channel: handoffs are stored and shown on the Escalations page. */
export const consoleEscalationChannel = "console-escalations";

const maxThreads = 500;
const maxCardsPerThread = 50;

/**
 * The console's Transport. A browser tab cannot be pushed to, so cards the engine posts into a console
 * thread wait here until that tab's next request collects them. Bounded, so abandoned tabs cannot grow
 * memory: the oldest threads and cards go first.
 */
export class ConsoleTransport implements Transport {
  readonly #waiting = new Map<string, PostedCard[]>();
  #seq = 0;

  async post(to: ConversationRef, card: Card): Promise<{ messageId: string; permalink?: string }> {
    const messageId = `console-msg-${++this.#seq}`;
    this.#keep(to, { card, messageId, mode: "new" });
    return to.channelId === consoleEscalationChannel ? { messageId, permalink: "/console/escalations" } : { messageId };
  }

  async update(to: ConversationRef, messageId: string, card: Card): Promise<void> {
    this.#keep(to, { card, messageId, mode: "replace" });
  }

  /** Takes the cards waiting for one thread. */
  collect(threadId: string): PostedCard[] {
    const key = `console:${threadId}`;
    const cards = this.#waiting.get(key) ?? [];
    this.#waiting.delete(key);
    return cards;
  }

  #keep(to: ConversationRef, posted: PostedCard): void {
    // Handoffs live in the store and on the Escalations page; only tab threads wait for collection.
    if (to.channelId === consoleEscalationChannel || !to.threadId) return;
    const key = `console:${to.threadId}`;
    const list = this.#waiting.get(key) ?? [];
    this.#waiting.delete(key);
    list.push(posted);
    if (list.length > maxCardsPerThread) list.shift();
    this.#waiting.set(key, list);
    if (this.#waiting.size > maxThreads) {
      const oldest = this.#waiting.keys().next().value;
      if (oldest !== undefined) this.#waiting.delete(oldest);
    }
  }
}
