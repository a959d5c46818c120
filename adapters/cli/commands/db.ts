import type { CliCommand, CliIO } from "../command.ts";
import { parseCommandArgs } from "../parse-command-args.ts";

const usage = `Usage: cpbot db migrate [--database URL]
       cpbot db copy --from sqlite:PATH --to postgres://USER:PASSWORD@HOST:5432/DATABASE
       cpbot db vacuum [--database URL]
       cpbot db forget [--days N] [--database URL]

Database upkeep.
  migrate  applies the pending schema migrations of the database and nothing else, under the same lock
           \`cpbot serve\` takes at start (an advisory lock on PostgreSQL), and prints what it applied.
  copy     moves everything cpbot stored in the embedded SQLite file (sessions, escalations and their
           history, analytics, audit and feedback events, handled event ids, replies in the outbox not yet
           delivered) into an EMPTY PostgreSQL database in one transaction, keeping every escalation id,
           then compares the row count of every table, and of pending replies, and prints it. Stop cpbot
           first. A target that holds any row is refused; a failed copy leaves it empty.
           Exits 1 with the reason on a bad URL, an unreachable server, a non-empty target or a mismatch.
  vacuum   gives the space of deleted and cleared rows back and refreshes the planner's statistics
           (SQLite VACUUM; PostgreSQL VACUUM ANALYZE when DATABASE_URL is postgres://…). SQLite rewrites
           the whole file and needs as much free disk again; run it when the bot is quiet.
  forget   clears the text people wrote more than N days ago now (default RETAIN_QUESTIONS_DAYS), as
           \`cpbot serve\` does once a day: events keep their counts, idle sessions are deleted,
           escalations are kept whole.

Options:
  --database URL    the database (default: DATABASE_URL, else ./data/cpbot.db); never created by vacuum/forget
  --from, --to      copy: the SQLite source and the PostgreSQL target
  --days N          forget: the retention period in days (1 or more)
  -h, --help        show this help

Examples: cpbot db copy --from sqlite:./data/cpbot.db --to postgres://cpbot:secret@db.internal:5432/cpbot
          cpbot db forget --days 90 && cpbot db vacuum`;

const actions = ["migrate", "copy", "vacuum", "forget"] as const;
type Action = (typeof actions)[number];
const isAction = (a: string | undefined): a is Action => actions.includes(a as Action);

export const command: CliCommand = {
  name: "db",
  summary: "Database: migrate, copy SQLite to PostgreSQL, vacuum (give space back), forget (clear old text)",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      { name: "db", usage },
      {
        days: { type: "string" },
        database: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
      },
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    const [action, extra] = positionals;
    if (!isAction(action)) {
      return usageError(
        io,
        action ? `unknown action "${action}"; expected ${actions.join(", ")}.` : `expected ${actions.join(", ")}.`,
      );
    }
    if (extra !== undefined) return usageError(io, `unexpected "${extra}".`);
    if (action !== "copy" && (values.from || values.to)) {
      return usageError(io, `${action} takes --database, not --from/--to.`);
    }
    try {
      if (action === "migrate") return await migrate(values.database ?? io.env.DATABASE_URL, io);
      if (action === "copy") {
        if (!values.from || !values.to) return usageError(io, "copy needs both --from and --to.");
        return await copy(values.from, values.to, io);
      }
      return await upkeep(action, values, io);
    } catch (error) {
      io.err(`cpbot db ${action}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  },
};

async function migrate(url: string | undefined, io: CliIO): Promise<number> {
  const { migrateDatabase } = await import("../../../src/store/migrate-database.ts");
  const report = await migrateDatabase(url, io.cwd);
  if (report.applied.length === 0) {
    io.out(`${report.target}: schema is current (version ${report.version}); nothing to apply.`);
  } else {
    for (const m of report.applied) io.out(`applied ${m.version}: ${m.name}`);
    io.out(`${report.target}: schema now at version ${report.version}.`);
  }
  return 0;
}

async function copy(from: string, to: string, io: CliIO): Promise<number> {
  const { copyDatabase } = await import("../../../src/store/copy-database.ts");
  const report = await copyDatabase(from, to, io.cwd);
  const width = Math.max(...report.tables.map((t) => t.table.length));
  io.out(`Copied ${report.from} to ${report.to}:`);
  for (const t of report.tables) io.out(`  ${t.table.padEnd(width)}  ${t.source} → ${t.target} rows  ok`);
  io.out("Every table's row count matches. Set DATABASE_URL to the PostgreSQL URL and restart cpbot.");
  return 0;
}

async function upkeep(
  action: "vacuum" | "forget",
  values: { days?: string | undefined; database?: string | undefined },
  io: CliIO,
): Promise<number> {
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
}

function usageError(io: CliIO, message: string): number {
  io.err(`cpbot db: ${message}\n\n${usage}`);
  return 2;
}
