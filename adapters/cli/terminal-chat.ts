import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import type { Button } from "../../src/cards/card-schema.ts";
import type { Actor, BotEvent, ConversationRef } from "../../src/core/bot-event.ts";
import type { EngineReply } from "../../src/core/transport.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import { buttonNumbered, cardToText } from "./card-to-text.ts";
import { describeConversation, type ShownCard } from "./terminal-transport.ts";

export interface TerminalChatOptions {
  out(text: string): void;
  /** The terminal's one thread; a fixed id, so a restart picks the walkthrough up where it was. */
  conversation: ConversationRef;
  user: Actor;
}

/** The last card with buttons, so a typed number presses one of them. */
interface Pressable {
  buttons: Button[];
  numbers: number[];
  shown: ShownCard;
  /** The first input field of the card, filled by "N text". */
  inputId?: string;
}

/**
 * The terminal adapter: one line in, one event to the engine, the cards printed back. Lines are the same
 * words as `/cp` (the prefix is optional); a bare number presses that button of the last card with
 * buttons, and "N text" presses it with text for the card's input field. Ends at end of input or on
 * quit/exit.
 */
export function createTerminalChat(options: TerminalChatOptions) {
  const { out, conversation: home } = options;
  const runId = randomUUID().slice(0, 8);
  let seq = 0;
  let pressable: Pressable | undefined;

  function show(shown: ShownCard): void {
    const { text, buttons, numbers } = cardToText(shown.card);
    const where = shown.via ? `── ${shown.via} in ${describeConversation(shown.conversation, home)} ──\n` : "";
    out(`\n${where}${text}`);
    if (buttons.length > 0) {
      const input = shown.card.blocks.find((b) => b.type === "input");
      pressable = { buttons, numbers, shown, ...(input?.type === "input" ? { inputId: input.id } : {}) };
    }
  }

  function eventFor(line: string): BotEvent | string {
    const base = { eventId: `cli-${runId}-${++seq}`, user: options.user };
    const press = /^(\d+)(?:\s+(.*))?$/s.exec(line);
    if (press) {
      const n = Number(press[1]);
      const button = pressable ? buttonNumbered(pressable, n) : undefined;
      if (!pressable || !button) {
        const shownNumbers = pressable?.numbers ?? [];
        return shownNumbers.length > 0
          ? `There is no button ${n}; press ${shownNumbers.join(", ")}.`
          : "There are no buttons to press yet.";
      }
      const { shown, inputId } = pressable;
      const text = press[2]?.trim();
      return {
        kind: "action",
        ...base,
        conversation: shown.conversation,
        action: button.action,
        ...(button.value !== undefined ? { value: button.value } : {}),
        ...(shown.messageId ? { messageId: shown.messageId } : {}),
        ...(text ? { inputs: { [inputId ?? "answer"]: text } } : {}),
      };
    }
    // With or without /cp: a leading /cp makes it a command; plain text may answer the walkthrough.
    if (/^\/cp(?:\s|$)/i.test(line))
      return { kind: "command", ...base, conversation: home, text: line.replace(/^\/cp\s*/i, "") };
    return { kind: "message", ...base, conversation: home, text: line };
  }

  function print(reply: EngineReply, conversation: ConversationRef, messageId: string | undefined): void {
    if (reply.duplicate) return;
    reply.cards.forEach((card, i) => {
      const replaced = reply.mode === "replace" && i === 0;
      show({
        card,
        conversation,
        ...(replaced && messageId ? { messageId } : {}),
        ...(replaced ? { via: "updated" as const } : {}),
      });
    });
  }

  return { show, eventFor, print };
}

export type TerminalChat = ReturnType<typeof createTerminalChat>;

/**
 * Reads lines until end of input (a pipe, Ctrl-D) or quit/exit, one event at a time. `interactive`
 * (a keyboard) adds the greeting and a prompt; a pipe gets only the answers.
 */
export async function runTerminalChat(options: {
  chat: TerminalChat;
  engine: Engine;
  input: NodeJS.ReadableStream;
  out(text: string): void;
  interactive: boolean;
}): Promise<number> {
  const { chat, out, interactive } = options;
  const lines = createInterface({ input: options.input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  if (interactive) {
    out('cpbot chat: describe a station problem, or type help. Press a button by its number; "quit" ends.');
    out("> ");
  }
  for await (const raw of lines) {
    const line = raw.trim();
    if (/^(?:quit|exit|\\q)$/i.test(line)) break;
    if (line) {
      const event = chat.eventFor(line);
      if (typeof event === "string") out(event);
      else {
        const reply = await options.engine.handle(event);
        chat.print(reply, event.conversation, event.kind === "action" ? event.messageId : undefined);
      }
    }
    if (interactive) out("> ");
  }
  lines.close();
  return 0;
}
