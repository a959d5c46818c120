import { fieldError } from "./invalid-result.ts";
import { parseDuration } from "./parse-duration.ts";
import type { FieldError } from "./tool-result.ts";

export interface SessionRow {
  label: string;
  energyKwh: number;
  chargingSeconds: number;
}

export interface ParsedRows {
  sessions: SessionRow[];
  errors: FieldError[];
  /** Lines with no Charging Time, left for the caller: a hardware setup, or a row missing its time. */
  other: { line: number; text: string }[];
}

const date = /^\d{4}-\d{2}-\d{2}$/;
const clockTime = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const duration = /^\d+:\d{2}:\d{2}$/;
const plainNumber = /^-?\d+(?:\.\d+)?$/;
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
const isHeader = (line: string) => /charging\s*time|energy\s*\(kwh\)|mac\s*address|start\s*date/i.test(line);

/** Column positions from a tab-separated header, when the person copied it along with the rows. */
function headerColumns(line: string): { time: number; energy: number; start: number } | undefined {
  const cells = line.split("\t").map((c) => c.trim().toLowerCase());
  const time = cells.findIndex((c) => c.startsWith("charging time"));
  const energy = cells.findIndex((c) => c.startsWith("energy"));
  return time >= 0 && energy >= 0
    ? { time, energy, start: cells.findIndex((c) => c.startsWith("start date")) }
    : undefined;
}

/**
 * Reads one row by shape, for rows copied without a header or with runs of spaces instead of tabs: date
 * and time pairs (Start Date, End Date, Transaction Date) are set aside, the durations left are Total
 * Duration then Charging Time, and the energy is the first number after the Charging Time.
 */
function rowByShape(line: string): { start?: string; time?: string; energy?: string } {
  const tokens = line.split(/\s+/).filter(Boolean);
  let start: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (date.test(tokens[i]!) && clockTime.test(tokens[i + 1] ?? "")) {
      start ??= `${tokens[i]} ${tokens[i + 1]!.slice(0, 5)}`;
      i++;
    } else rest.push(tokens[i]!);
  }
  const durations = rest.map((t, i) => [t, i] as const).filter(([t]) => duration.test(t));
  const [time, at] = durations.length >= 2 ? durations[1]! : (durations[0] ?? [undefined, -1]);
  const unitIndex = rest.findIndex((t) => /^kwh$/i.test(t));
  const withUnit = rest.find((t) => /^\d+(?:\.\d+)?kwh$/i.test(t))?.replace(/kwh$/i, "");
  const energy =
    withUnit ??
    (unitIndex > 0 && plainNumber.test(rest[unitIndex - 1]!) ? rest[unitIndex - 1] : undefined) ??
    rest.slice(at + 1).find((t) => plainNumber.test(t)) ??
    rest.slice(0, Math.max(at, 0)).findLast((t) => plainNumber.test(t));
  return { start, time, energy };
}

/** Reads Historical Sessions rows as copied from the dashboard (tabs or spaces, with or without header). */
export function parseSessionRows(text: string): ParsedRows {
  const sessions: SessionRow[] = [];
  const errors: FieldError[] = [];
  const other: ParsedRows["other"] = [];
  let columns: ReturnType<typeof headerColumns>;

  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (line === "") return;
    if (isHeader(line)) {
      columns = headerColumns(raw) ?? columns;
      return;
    }
    const cells = raw.split("\t").map((c) => c.trim());
    const fromColumns =
      columns && cells.length > Math.max(columns.time, columns.energy)
        ? { start: cells[columns.start]?.slice(0, 16), time: cells[columns.time], energy: cells[columns.energy] }
        : undefined;
    const row = fromColumns ?? rowByShape(line);
    if (row.time === undefined) {
      other.push({ line: lineNo, text: short(line) });
      return;
    }
    const seconds = parseDuration(row.time);
    if (seconds === undefined) {
      const message = `Line ${lineNo}: Charging Time "${row.time}" is not a time: expected hh:mm:ss with minutes and seconds under 60, e.g. 04:36:54`;
      errors.push(fieldError(`line ${lineNo}`, "bad_charging_time", message));
      return;
    }
    if (row.energy === undefined || !plainNumber.test(row.energy)) {
      const got = row.energy === undefined ? "none found" : `got "${row.energy}"`;
      const message = `Line ${lineNo} ("${short(line)}") has no Energy (kWh) figure (${got}): expected a number such as 29.860 after the Charging Time`;
      errors.push(fieldError(`line ${lineNo}`, "missing_energy", message));
      return;
    }
    sessions.push({ label: row.start || `Row ${lineNo}`, energyKwh: Number(row.energy), chargingSeconds: seconds });
  });
  return { sessions, errors, other };
}
