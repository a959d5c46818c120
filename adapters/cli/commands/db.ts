import type { CliCommand, CliIO } from "../command.ts";
import { parseCommandArgs } from "../parse-command-args.ts";

const usage = `Usage: cpbot db vacuum [--database URL]
       cpbot db forget [--days N] [--database URL]

Database upkeep.
  vacuum   gives the space of deleted and cleared rows back and refreshes the planner's statistics
           (SQLite VACUUM; PostgreSQL VACUUM ANALYZE when DATABASE_URL is postgres://…). SQLite rewrites
           the whole file and needs as much free disk again; run it when the bot is quiet.
  forget   clears the text people wrote more than N days ago now (default RETAIN_QUESTIONS_DAYS), as
           \`cpbot serve\` does once a day: events keep their counts, idle sessions are deleted,
           escalations are kept whole.

Options:
  --days N          forget: the retention period in days (1 or more)
  --database URL    the database (default: DATABASE_URL, else ./data/cpbot.db); never created
  -h, --help        show this help

Example: cpbot db forget --days 90 && cpbot db vacuum`;

export const command: CliCommand = {
  name: "db",
  summary: "Database upkeep: vacuum (give space back), forget (clear text older than N days)",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      { name: "db", usage },
      { days: { type: "string" }, database: { type: "string" } },
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    const [action, extra] = positionals;
    if (action !== "vacuum" && action !== "forget") {
      return usageError(io, action ? `unknown action "${action}".` : "say what to do: vacuum or forget.");
    }
    if (extra !== undefined) return usageError(io, `unexpected "${extra}".`);
    const daysText = values.days ?? io.env.RETAIN_QUESTIONS_DAYS?.trim();
    const days = Number(daysText);
    if (action === "forget" && !(daysText && Number.isInteger(days) && days >= 1)) {
      return usageError(
        io,
        daysText
          ? `--days "${daysText}" is not a whole number of days of 1 or more.`
          : "give --days N (or set RETAIN_QUESTIONS_DAYS).",
      );
    }
    const { openStore } = await import("../../../src/store/open-store.ts");
    const store = await openStore(values.database ?? io.env.DATABASE_URL, { mustExist: true, cwd: io.cwd });
    try {
      if (action === "vacuum") {
        const started = Date.now();
        await store.vacuum();
        io.out(`cpbot db vacuum: done in ${Date.now() - started} ms.`);
      } else {
        const { forgetOldText } = await import("../../../src/store/forget-old-text.ts");
        const done = await forgetOldText(store, days, new Date());
        io.out(
          `cpbot db forget: cleared the text of ${done.events} event(s) and deleted ${done.sessions} idle session(s) from before ${done.before}. Run \`cpbot db vacuum\` to give the space back.`,
        );
      }
    } finally {
      await store.close();
    }
    return 0;
  },
};

function usageError(io: CliIO, message: string): number {
  io.err(`cpbot db: ${message}\n\n${usage}`);
  return 2;
}
