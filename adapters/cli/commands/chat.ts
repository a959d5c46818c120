import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import type { Actor, ConversationRef } from "../../../src/core/bot-event.ts";
import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot chat [--thread NAME] [--user NAME] [--database URL] [--playbooks DIR]

An interactive terminal over the same engine and store as Slack and Teams. Type a question
("station screen says access denied") or the /cp words (help, list, fault 303-RSC, open <id>,
msg …, escalate [note], escalations, stats), with or without "/cp". Press a card's button by typing
its number; "N text" presses it with text for the card's input field. Escalation handoffs and the
updates mirrored into the thread are printed and stored. Reads a pipe as well as a keyboard; ends at
end of input or on quit / exit.

Options:
  --thread NAME     the conversation to continue (default "main"); each thread is its own session
  --user NAME       who you are in handoffs and history (default: your login name)
  --database URL    SQLite file (default DATABASE_URL, else ./data/cpbot.db)
  --playbooks DIR   playbook YAML folder (default: the package's playbooks/)
  -h, --help        show this help

Settings: DATABASE_URL, CPBOT_ESCALATION_DESTINATION (default "escalations"), CPBOT_LOW_CONFIDENCE,
LOG_LEVEL (default warn here, so the conversation stays readable).`;

function loginName(env: Record<string, string | undefined>): string {
  try {
    return env.USER ?? env.USERNAME ?? userInfo().username;
  } catch {
    return "terminal";
  }
}

export const command: CliCommand = {
  name: "chat",
  summary: "Talk to the bot in the terminal (questions, /cp words, numbered buttons); reads pipes too",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let values: { thread?: string; user?: string; database?: string; playbooks?: string };
    try {
      ({ values } = parseArgs({
        args,
        options: {
          thread: { type: "string" },
          user: { type: "string" },
          database: { type: "string" },
          playbooks: { type: "string" },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      io.err(`cpbot chat: ${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
      return 2;
    }
    const [{ bootEngine }, { createTerminalChat, runTerminalChat }, { TerminalTransport }, { resolve }] =
      await Promise.all([
        import("../boot-engine.ts"),
        import("../terminal-chat.ts"),
        import("../terminal-transport.ts"),
        import("node:path"),
      ]);
    const name = values.user ?? loginName(io.env);
    const user: Actor = { id: `cli:${name}`, name };
    const conversation: ConversationRef = { platform: "cli", channelId: "terminal", threadId: values.thread ?? "main" };
    const chat = createTerminalChat({ out: io.out, conversation, user });
    let booted: Awaited<ReturnType<typeof bootEngine>>;
    try {
      booted = await bootEngine({
        env: io.env,
        cwd: io.cwd,
        transport: new TerminalTransport(chat.show),
        ...(values.database ? { databaseUrl: values.database } : {}),
        ...(values.playbooks ? { playbooksDir: resolve(io.cwd, values.playbooks) } : {}),
        defaultEscalationDestination: "escalations",
        defaultLogLevel: "warn",
        write: io.err,
      });
    } catch (error) {
      io.err(`cpbot chat: cannot start.\n${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    try {
      // Handoffs stored before a crash or an outage go out first.
      await booted.engine.retryPendingDeliveries();
      const stdin = io.stdin as NodeJS.ReadableStream & { isTTY?: boolean };
      return await runTerminalChat({
        chat,
        engine: booted.engine,
        input: stdin,
        out: io.out,
        interactive: stdin.isTTY === true,
      });
    } finally {
      await booted.close();
    }
  },
};
