import type { MessageEvent } from "../core/bot-event.ts";
import { type CommandContext, parseCommand, subcommands } from "./command-parser.ts";
import { continueThread } from "./continue-thread.ts";
import { handleCommand } from "./handle-command.ts";
import type { Turn, TurnReply } from "./turn.ts";

/**
 * A plain message in a thread. What the thread waits for comes first (the dialogue in continue-thread.ts:
 * a step's answer, "ok", "still faulted", evidence, small talk); a subcommand, or anything the thread does
 * not wait for, is a command or a new question.
 */
export async function handleMessage(turn: Turn, event: MessageEvent, ctx: CommandContext): Promise<TurnReply> {
  const text = event.text.trim();
  const first = text.split(/\s+/)[0]?.toLowerCase() ?? "";
  // Tool words are left out on purpose: "status …" may well be the paste a step asks for.
  const isCommand = text.startsWith("/") || (subcommands as readonly string[]).includes(first) || first === "share";
  if (!isCommand && (text || event.files?.length)) {
    const answered = await continueThread(turn, text, ctx, event.files);
    if (answered) return answered;
  }
  const parsed = parseCommand(text, ctx);
  turn.visibility = parsed.visibility;
  return handleCommand(turn, parsed.command, ctx);
}
