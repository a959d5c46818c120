import type { CliCommand, CliIO } from "../command.ts";
import { parseCommandArgs } from "../parse-command-args.ts";
import { readStoredEvents } from "../read-stored-events.ts";
import { parseDay } from "./report.ts";

const usage = `Usage: cpbot audit [--since DATE] [--until DATE] [--json] [--database URL]

The append-only audit log: every answer cpbot sent (with the content hash of its cards), escalations
opened (with their note), claimed, sent back for information, resolved and reopened, evidence added,
and the settings and playbook versions each server started with. Personal data is masked, and text
older than RETAIN_QUESTIONS_DAYS is gone from the store.

Options:
  --since DATE      only entries on or after DATE (YYYY-MM-DD, UTC)
  --until DATE      only entries before DATE (YYYY-MM-DD, UTC)
  --json            print the entries as a JSON array
  --database URL    the database to read (default: DATABASE_URL, else ./data/cpbot.db); never created
  -h, --help        show this help

Example: cpbot audit --since 2026-11-01 --json > audit.json`;

export const command: CliCommand = {
  name: "audit",
  summary: "The audit log: answers sent (with content hashes), escalation changes, start-up settings",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    const parsed = parseCommandArgs(
      args,
      io,
      { name: "audit", usage },
      { since: { type: "string" }, until: { type: "string" }, json: { type: "boolean" }, database: { type: "string" } },
    );
    if (!parsed) return 2;
    const { values, positionals } = parsed;
    if (positionals.length > 0) return usageError(io, `unexpected "${positionals[0]}".`);
    const bounds: { since?: string; until?: string } = {};
    for (const key of ["since", "until"] as const) {
      if (values[key] === undefined) continue;
      const day = parseDay(values[key]);
      if (day === null) return usageError(io, `--${key} "${values[key]}" is not a date; expected YYYY-MM-DD.`);
      bounds[key] = day;
    }
    const { openStore } = await import("../../../src/store/open-store.ts");
    const { auditEntries, auditToText } = await import("../../../src/audit/audit-log.ts");
    const store = await openStore(values.database ?? io.env.DATABASE_URL, { mustExist: true, cwd: io.cwd });
    const entries = auditEntries(await readStoredEvents(store, { ...bounds, types: ["audit"] }));
    io.out(values.json ? JSON.stringify(entries, null, 2) : auditToText(entries));
    return 0;
  },
};

function usageError(io: CliIO, message: string): number {
  io.err(`cpbot audit: ${message}\n\n${usage}`);
  return 2;
}
