import type { Button, Card } from "../cards/card-schema.ts";
import type { ConversationRef, Platform } from "../core/bot-event.ts";
import type { Transport } from "../core/transport.ts";
import { createEngine } from "../engine/create-engine.ts";
import type { IntentMatcher } from "../engine/engine-deps.ts";
import type { PlaybookRegistry } from "../playbooks/playbook-registry.ts";
import { openSqliteStore } from "../store/sqlite-store.ts";
import type { ConversationDriver, DriverInput, DriverOutput } from "./conversation-driver.ts";
import { cardPlainText, type Shown } from "./shown-card.ts";

/** Where a neutral card lives, so a press on it is sent from the right conversation. */
interface Handle {
  button: Button;
  conversation: ConversationRef;
  messageId?: string;
}

/** The channel the threads are in, and the one handoffs go to, as the conversation tests name them. */
export const conversationChannels = { home: "ops", support: "support" } as const;

/**
 * Drives the real engine, matcher and playbooks on a fresh in-memory SQLite store, the way an adapter
 * would but without a platform: each conversation starts from nothing and leaves nothing behind.
 */
export function engineDriver(options: {
  registry: PlaybookRegistry;
  matcher: IntentMatcher;
  platform: Platform;
  lowConfidence?: number;
  start?: Date;
}): ConversationDriver {
  let now = options.start ?? new Date("2025-03-04T09:00:00.000Z");
  let seq = 0;
  let elsewhere: Shown[] = [];
  const transport: Transport = {
    async post(to, card) {
      const messageId = `posted-${++seq}`;
      elsewhere.push(shown(card, { ...to, threadId: to.threadId ?? messageId }, messageId));
      return { messageId };
    },
    async update(to, messageId, card) {
      elsewhere.push(shown(card, to, messageId));
    },
  };
  const store = openSqliteStore(":memory:", { escalationPrefix: "TEST" });
  const engine = createEngine({
    registry: options.registry,
    matcher: options.matcher,
    store,
    transport,
    config: { escalationDestination: conversationChannels.support, lowConfidence: options.lowConfidence ?? 0.6 },
    clock: () => now,
  });
  const home = (thread: string): ConversationRef => ({
    platform: options.platform,
    channelId: conversationChannels.home,
    threadId: thread,
  });

  async function send(input: DriverInput): Promise<DriverOutput> {
    elsewhere = [];
    const base = { eventId: `conv-${++seq}`, user: input.user };
    if (input.kind === "press") {
      const handle = input.card.buttons[input.button]?.handle as Handle;
      const reply = await engine.handle({
        ...base,
        kind: "action",
        conversation: handle.conversation,
        action: handle.button.action,
        ...(handle.button.value !== undefined ? { value: handle.button.value } : {}),
        ...(input.inputs ? { inputs: input.inputs } : {}),
        ...(handle.messageId ? { messageId: handle.messageId } : {}),
      });
      return { replies: reply.cards.map((c) => shown(c, handle.conversation, handle.messageId)), elsewhere };
    }
    const conversation = home(input.thread);
    const files = input.files?.length ? { files: input.files } : {};
    const event =
      input.kind === "cp"
        ? { ...base, kind: "command" as const, text: input.text, conversation }
        : { ...base, kind: "message" as const, text: input.text, conversation, ...files };
    const reply = await engine.handle(event);
    return { replies: reply.cards.map((c) => shown(c, conversation, `reply-${seq}`)), elsewhere };
  }

  return {
    send,
    advance(minutes) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    store,
    knowsKinds: true,
    close: () => store.close(),
  };
}

function shown(card: Card, conversation: ConversationRef, messageId?: string): Shown {
  const buttons = card.blocks.flatMap((b) => (b.type === "actions" ? b.buttons : []));
  return {
    kind: card.kind,
    title: card.title,
    text: cardPlainText(card),
    buttons: buttons.map((button) => ({
      label: button.label,
      handle: { button, conversation, ...(messageId ? { messageId } : {}) } satisfies Handle,
    })),
  };
}
