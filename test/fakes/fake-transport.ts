import type { Card } from "../../src/cards/card-schema.ts";
import type { ConversationRef } from "../../src/core/bot-event.ts";
import type { Transport } from "../../src/core/transport.ts";

export interface Post {
  to: ConversationRef;
  card: Card;
  messageId: string;
}

export interface Update {
  to: ConversationRef;
  messageId: string;
  card: Card;
}

/**
 * Records what the engine posts and updates in other conversations. `failPosts` makes every post throw,
 * the way a platform outage does, until it is set back to false.
 */
export class FakeTransport implements Transport {
  posts: Post[] = [];
  updates: Update[] = [];
  failPosts = false;
  private seq = 0;

  async post(to: ConversationRef, card: Card): Promise<{ messageId: string; permalink?: string }> {
    if (this.failPosts) throw new Error("platform unavailable (fake)");
    const messageId = `M${++this.seq}`;
    this.posts.push({ to, card, messageId });
    return { messageId, permalink: `https://chat.example/${to.channelId}/${messageId}` };
  }

  async update(to: ConversationRef, messageId: string, card: Card): Promise<void> {
    this.updates.push({ to, messageId, card });
  }

  /** Posts whose card is of this kind, oldest first. */
  postsOf(kind: Card["kind"]): Post[] {
    return this.posts.filter((p) => p.card.kind === kind);
  }
}
