import { parseArgs } from "node:util";
import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot db migrate [--database URL]
       cpbot db copy --from sqlite:PATH --to postgres://USER:PASSWORD@HOST:5432/DATABASE

migrate  applies the pending schema migrations of the database and nothing else, under the same lock
         \`cpbot serve\` takes at start (an advisory lock on PostgreSQL), and prints what it applied.
         --database defaults to DATABASE_URL, else ./data/cpbot.db.
copy     moves everything cpbot stored in the embedded SQLite file (sessions, escalations and their
         history, analytics, audit and feedback events, handled event ids) into an EMPTY PostgreSQL
         database in one transaction, keeping every escalation id, then compares the row count of every
         table and prints it. A target that holds any row is refused; a failed copy leaves it empty.
         Exits 1 with the reason on a bad URL, an unreachable server, a non-empty target or a mismatch.

Example: cpbot db copy --from sqlite:./data/cpbot.db --to postgres://cpbot:secret@db.internal:5432/cpbot`;

export const command: CliCommand = {
  name: "db",
  summary: "db migrate | db copy: apply schema migrations; move the SQLite database to PostgreSQL",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const [action, ...rest] = args;
    let values: { database?: string; from?: string; to?: string };
    try {
      ({ values } = parseArgs({
        args: rest,
        options: { database: { type: "string" }, from: { type: "string" }, to: { type: "string" } },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      return usageError(io, error instanceof Error ? error.message : String(error));
    }
    try {
      if (action === "migrate") {
        if (values.from || values.to) return usageError(io, "migrate takes --database, not --from/--to.");
        return await migrate(values.database ?? io.env.DATABASE_URL, io);
      }
      if (action === "copy") {
        if (!values.from || !values.to) return usageError(io, "copy needs both --from and --to.");
        return await copy(values.from, values.to, io);
      }
    } catch (error) {
      io.err(`cpbot db ${action}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    return usageError(
      io,
      action ? `unknown action "${action}"; expected migrate or copy.` : "expected migrate or copy.",
    );
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

function usageError(io: CliIO, message: string): number {
  io.err(`cpbot db: ${message}\n\n${usage}`);
  return 2;
}
