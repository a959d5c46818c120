import { parseArgs } from "node:util";
import type { CliCommand, CliIO } from "../command.ts";

const usage = `Usage: cpbot report [--since DATE] [--until DATE] [--low-confidence N] [--csv | --json] [--database URL]

What playbook authors need from the recorded analytics: questions per playbook, the questions nothing
matched and those matched with low confidence (add triggers for these), walkthrough completion and the
step where unfinished walkthroughs stopped, fixes and escalation rate per playbook.

Options:
  --since DATE          only events on or after DATE (YYYY-MM-DD, UTC)
  --until DATE          only events before DATE (YYYY-MM-DD, UTC)
  --low-confidence N    list matches below this confidence (0..1, default 0.6)
  --csv                 one CSV table (a "section" column tells rows apart) for a spreadsheet
  --json                the report as JSON
  --database URL        the database to read (default: DATABASE_URL, else ./data/cpbot.db); never created
  -h, --help            show this help

Example: cpbot report --since 2024-05-01 --csv > report.csv`;

interface Options {
  since?: string;
  until?: string;
  "low-confidence"?: string;
  csv?: boolean;
  json?: boolean;
  database?: string;
}

export const command: CliCommand = {
  name: "report",
  summary: "Analytics for playbook authors: unmatched questions, drop-off steps, escalation rates",
  usage,
  async run(args: string[], io: CliIO): Promise<number> {
    let values: Options;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          since: { type: "string" },
          until: { type: "string" },
          "low-confidence": { type: "string" },
          csv: { type: "boolean" },
          json: { type: "boolean" },
          database: { type: "string" },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      return usageError(io, error instanceof Error ? error.message : String(error));
    }
    if (values.csv && values.json) return usageError(io, "choose one of --csv and --json.");
    const since = values.since === undefined ? undefined : parseDay(values.since);
    if (since === null) return usageError(io, `--since "${values.since}" is not a date; expected YYYY-MM-DD.`);
    const until = values.until === undefined ? undefined : parseDay(values.until);
    if (until === null) return usageError(io, `--until "${values.until}" is not a date; expected YYYY-MM-DD.`);
    const threshold = values["low-confidence"] === undefined ? undefined : Number(values["low-confidence"]);
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
      return usageError(io, `--low-confidence "${values["low-confidence"]}" must be a number from 0 to 1, e.g. 0.6.`);
    }

    // SQLite and the report code load only when a report is asked for, keeping `cpbot --help` fast.
    const { openStore } = await import("../../../src/store/open-store.ts");
    const { buildReport } = await import("../../../src/analytics/build-report.ts");
    // A report reads; creating an empty database for it would hide a wrong path behind "no events".
    const store = await openStore(values.database ?? io.env.DATABASE_URL, { mustExist: true, cwd: io.cwd });
    try {
      const events = await store.listEvents({
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
      });
      const report = buildReport(events, {
        ...(since !== undefined ? { since } : {}),
        ...(until !== undefined ? { until } : {}),
        ...(threshold !== undefined ? { lowConfidence: threshold } : {}),
      });
      if (values.json) {
        io.out(JSON.stringify(report, null, 2));
      } else if (values.csv) {
        const { reportToCsv } = await import("../../../src/analytics/report-to-csv.ts");
        // csvRow ends every line in CRLF already; out() adds one more newline, so drop the last one.
        io.out(reportToCsv(report).replace(/\r\n$/, ""));
      } else {
        const { reportToText } = await import("../../../src/analytics/report-to-text.ts");
        io.out(reportToText(report));
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};

/** The UTC start of a YYYY-MM-DD day as an ISO time; null when it is not a real calendar date. */
export function parseDay(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00.000Z`);
  // Date rolls 2024-02-30 over to March 1; a round trip catches it.
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date.toISOString() : null;
}

function usageError(io: CliIO, message: string): number {
  io.err(`cpbot report: ${message}\n\n${usage}`);
  return 2;
}
