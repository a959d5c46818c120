import type { ConversationRef } from "../../src/core/bot-event.ts";

/**
 * Permalinks of thread roots, so an escalation's handoff links back to the requester's thread. One
 * chat.getPermalink per thread and process; the engine keeps the link in the thread's session after that.
 */
export class ThreadLinks {
  readonly #links = new Map<string, string | null>();

  constructor(
    private readonly lookup: (channel: string, ts: string) => Promise<string | undefined>,
    private readonly max = 5_000,
  ) {}

  /** The conversation with its permalink when one can be had; never throws. */
  async withLink(conversation: ConversationRef): Promise<ConversationRef> {
    const thread = conversation.threadId;
    if (!thread || conversation.permalink) return conversation;
    const key = `${conversation.channelId}:${thread}`;
    let link = this.#links.get(key);
    if (link === undefined) {
      link = (await this.lookup(conversation.channelId, thread)) ?? null;
      this.#links.set(key, link);
      if (this.#links.size > this.max) this.#links.delete(this.#links.keys().next().value as string);
    }
    return link ? { ...conversation, permalink: link } : conversation;
  }
}
