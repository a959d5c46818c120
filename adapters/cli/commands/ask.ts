import type { Card } from "../../../src/cards/card-schema.ts";
import type { Platform } from "../../../src/core/bot-event.ts";
import type { CliCommand, CliIO } from "../command.ts";
import { parseCommandArgs } from "../parse-command-args.ts";
import type { ShownCard } from "../terminal-transport.ts";

const formats = ["text", "slack", "teams"] as const;
type Format = (typeof formats)[number];

const usage = `Usage: cpbot ask TEXT [--format text|slack|teams] [--playbooks DIR]

Answers TEXT exactly as the bot answers "/cp TEXT": the same grammar, matcher, cards and rendering.
Runs on an in-memory store, so it leaves nothing behind.

  --format text    the readable version, buttons numbered (default)
  --format slack   the Block Kit message JSON ({"text", "blocks"}; an array when the answer needs several)
  --format teams   the Adaptive Card JSON (an array when the answer needs several)
  --playbooks DIR  playbook YAML folder (default: the package's playbooks/)
  -h, --help       show this help

Examples:
  cpbot ask "fault 303-RSC"
  cpbot ask "station screen says access denied" --format slack
  cpbot ask "msg Closed today | Back at 8am"

Exits 1 when the answer is an error card (unknown fault code, unknown playbook id, …).`;

const platformOf: Record<Format, Platform> = { text: "cli", slack: "slack", teams: "teams" };

export const command: CliCommand = {
  name: "ask",
  summary: 'Answer TEXT as "/cp TEXT" would, printed as text, Slack Block Kit or a Teams Adaptive Card',
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      { name: "ask", usage },
      { format: { type: "string" }, playbooks: { type: "string" } },
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    const format = (values.format ?? "text") as Format;
    if (!formats.includes(format)) {
      io.err(`cpbot ask: --format must be one of ${formats.join(", ")}, not "${values.format}".`);
      return 2;
    }
    const text = positionals.join(" ").trim();
    if (!text) {
      io.err(`cpbot ask: give the question or /cp words to answer, e.g. cpbot ask "fault 303-RSC".\n\n${usage}`);
      return 2;
    }

    // One answer validates each card schema once or twice: zod's compiled fast path costs more to build
    // than it saves here (about a tenth of the command's time), and jitless validates exactly the same.
    const { z } = await import("zod");
    z.config({ jitless: true });
    const [{ bootEngine }, { TerminalTransport }, { resolve }] = await Promise.all([
      import("../boot-engine.ts"),
      import("../terminal-transport.ts"),
      import("node:path"),
    ]);
    // Handoffs an "escalate" would post elsewhere are kept, to print after the answer in text form.
    const elsewhere: ShownCard[] = [];
    let booted: Awaited<ReturnType<typeof bootEngine>>;
    try {
      booted = await bootEngine({
        env: io.env,
        cwd: io.cwd,
        transport: new TerminalTransport((shown) => elsewhere.push(shown)),
        databaseUrl: ":memory:",
        ...(values.playbooks ? { playbooksDir: resolve(io.cwd, values.playbooks) } : {}),
        defaultEscalationDestination: "escalations",
        defaultLogLevel: "error",
        write: io.err,
      });
    } catch (error) {
      io.err(`cpbot ask: cannot start.\n${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    try {
      const reply = await booted.engine.handle({
        kind: "command",
        text,
        eventId: "cpbot-ask",
        conversation: { platform: platformOf[format], channelId: "cpbot-ask" },
        user: { id: "cpbot-ask", name: io.env.USER ?? "cpbot ask" },
      });
      io.out(await render(reply.cards, elsewhere, format));
      return reply.cards.some((c) => c.kind === "error") ? 1 : 0;
    } finally {
      await booted.close();
    }
  },
};

/** One JSON value per answer: an object for one message, an array when a card had to be split. */
const oneOrMany = <T>(items: T[]): T | T[] => (items.length === 1 ? (items[0] as T) : items);

async function render(cards: Card[], elsewhere: ShownCard[], format: Format): Promise<string> {
  if (format === "slack") {
    const { cardToBlockKit } = await import("../../slack/card-to-block-kit.ts");
    return JSON.stringify(oneOrMany(cards.flatMap(cardToBlockKit)), null, 2);
  }
  if (format === "teams") {
    const { cardToAdaptiveCard } = await import("../../teams/card-to-adaptive-card.ts");
    return JSON.stringify(oneOrMany(cards.flatMap(cardToAdaptiveCard)), null, 2);
  }
  const { cardToText } = await import("../card-to-text.ts");
  const answer = cards.map((c) => cardToText(c).text);
  const posted = elsewhere.map(
    (s) => `── ${s.via ?? "posted"} in #${s.conversation.channelId} ──\n${cardToText(s.card).text}`,
  );
  return [...answer, ...posted].join("\n\n");
}
