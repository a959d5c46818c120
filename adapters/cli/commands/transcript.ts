import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { CliCommand, CliIO } from "../command.ts";
import { parseCommandArgs } from "../parse-command-args.ts";
import { readStoredEvents } from "../read-stored-events.ts";
import { parseDay } from "./report.ts";

const usage = `Usage: cpbot transcript list [--since DATE] [--json] [--database URL]
       cpbot transcript export --thread ID [--out FILE] [--database URL]

Stored conversations, for playbook authors. \`list\` shows the recent threads, newest first: when each
started, how many questions it had, the playbooks it met and how it ended. \`export\` turns one thread
into a conversation test (the YAML that \`cpbot test conversations DIR\` runs), with personal data
masked and people renamed, so a thread that went wrong becomes a regression test.

Options:
  --thread ID       the thread to export, as \`list\` names it (e.g. cli:terminal:printer-jam)
  --out FILE        write the YAML there instead of printing it
  --since DATE      list only threads with activity on or after DATE (YYYY-MM-DD, UTC)
  --json            list as a JSON array of {thread, startedAt, questions, playbooks, outcome}
  --database URL    the database to read (default: DATABASE_URL, else ./data/cpbot.db); never created
  -h, --help        show this help

Example: cpbot chat --thread printer-jam, then cpbot transcript export --thread cli:terminal:printer-jam --out test/conversations/printer-jam.yaml`;

export const command: CliCommand = {
  name: "transcript",
  summary: "List stored conversations, or export one as a conversation test",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      { name: "transcript", usage },
      {
        thread: { type: "string" },
        out: { type: "string" },
        since: { type: "string" },
        json: { type: "boolean" },
        database: { type: "string" },
      },
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    const [verb, ...extra] = positionals;
    if ((verb !== "list" && verb !== "export") || extra.length > 0) {
      return usageError(io, verb ? `unknown subcommand "${verb}"; use list or export.` : "say list or export.");
    }
    const since = values.since === undefined ? undefined : parseDay(values.since);
    if (since === null) return usageError(io, `--since "${values.since}" is not a date; expected YYYY-MM-DD.`);
    if (verb === "export" && !values.thread)
      return usageError(io, "export needs --thread ID (see `cpbot transcript list`).");

    const { openStore } = await import("../../../src/store/open-store.ts");
    const store = await openStore(values.database ?? io.env.DATABASE_URL, { mustExist: true, cwd: io.cwd });
    const events = await readStoredEvents(store, since !== undefined ? { since } : {});

    if (verb === "list") {
      const { listTranscripts } = await import("../../../src/audit/transcripts.ts");
      const list = listTranscripts(events);
      if (values.json) io.out(JSON.stringify(list, null, 2));
      else if (list.length === 0) io.out("No stored conversations yet.");
      else {
        for (const t of list) {
          const playbooks = t.playbooks.length > 0 ? t.playbooks.join(", ") : "no playbook";
          io.out(
            `${t.startedAt.slice(0, 16).replace("T", " ")}  ${t.thread}  ${t.questions} question(s), ${playbooks}, ${t.outcome}`,
          );
        }
      }
      return 0;
    }
    const { exportConversation, conversationToYaml } = await import("../../../src/audit/export-conversation.ts");
    const conversation = exportConversation(events, values.thread!);
    if (!conversation) {
      io.err(
        `cpbot transcript: no stored conversation "${values.thread}". \`cpbot transcript list\` names the threads.`,
      );
      return 1;
    }
    const yaml = `# ${conversation.about}\n${conversationToYaml(conversation)}`;
    if (values.out) {
      const target = path.resolve(io.cwd, values.out);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, yaml);
      io.err(
        `cpbot transcript: wrote ${conversation.turns.length} turn(s) to ${target}; run it with cpbot test conversations ${path.dirname(target)}`,
      );
    } else {
      io.out(yaml.trimEnd());
    }
    return 0;
  },
};

function usageError(io: CliIO, message: string): number {
  io.err(`cpbot transcript: ${message}\n\n${usage}`);
  return 2;
}
