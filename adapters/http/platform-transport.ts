import type { Card } from "../../src/cards/card-schema.ts";
import { BotError } from "../../src/core/bot-error.ts";
import type { ConversationRef, Platform } from "../../src/core/bot-event.ts";
import type { Transport } from "../../src/core/transport.ts";
import type { PlatformAdapter } from "./platform-adapter.ts";

/**
 * The engine's escalation destination when several platforms run and no single channel is configured:
 * it stands for "this platform's escalation channel", which each adapter names (Slack's
 * SLACK_ESCALATION_CHANNEL, Teams' channel). The engine keeps the origin's platform on the destination.
 */
export const escalationAlias = "escalations";

/** One engine, several platforms: each post and update goes to the adapter of the conversation's platform. */
export class PlatformTransport implements Transport {
  readonly #adapters = new Map<Platform, PlatformAdapter>();

  constructor(adapters: readonly PlatformAdapter[]) {
    for (const adapter of adapters) this.#adapters.set(adapter.platform, adapter);
  }

  post(to: ConversationRef, card: Card): Promise<{ messageId: string; permalink?: string }> {
    const adapter = this.adapterFor(to);
    return adapter.transport.post(resolve(to, adapter), card);
  }

  update(to: ConversationRef, messageId: string, card: Card): Promise<void> {
    const adapter = this.adapterFor(to);
    return adapter.transport.update(resolve(to, adapter), messageId, card);
  }

  async link(conversation: ConversationRef): Promise<ConversationRef> {
    const transport = this.#adapters.get(conversation.platform)?.transport;
    return transport?.link ? transport.link(conversation) : conversation;
  }

  private adapterFor(to: ConversationRef): PlatformAdapter {
    const adapter = this.#adapters.get(to.platform);
    if (adapter) return adapter;
    const running = [...this.#adapters.keys()].join(", ") || "none";
    throw new BotError(
      `Cannot post to ${to.platform}: that platform is not running in this cpbot (running: ${running}). Configure it and restart; stored escalations are posted then.`,
      "platform_error",
    );
  }
}

function resolve(to: ConversationRef, adapter: PlatformAdapter): ConversationRef {
  return to.channelId === escalationAlias && adapter.escalationDestination
    ? { ...to, channelId: adapter.escalationDestination }
    : to;
}

/** The engine's destination: the configured one, else the only platform's own, else the alias. */
export function engineEscalationDestination(
  configured: string | undefined,
  adapters: readonly PlatformAdapter[],
): string | undefined {
  if (configured) return configured;
  const [only, ...others] = adapters;
  if (only && others.length === 0) return only.escalationDestination;
  return adapters.some((a) => a.escalationDestination) ? escalationAlias : undefined;
}
