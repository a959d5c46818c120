import { BotError } from "../core/bot-error.ts";

/** The last time converted and its canonical form (see isoTime); starts as a valid pair. */
let last = { value: "1970-01-01T00:00:00.000Z", iso: "1970-01-01T00:00:00.000Z" };

/**
 * Canonical UTC ISO form of a caller-supplied time. Stores compare times as strings (SQLite has no date
 * type), which is only correct when every value has the same shape: "2024-05-01T09:00:00+02:00" and
 * "2024-05-01T07:00:00Z" must sort as the same instant. A bad value is an engine bug, named loudly.
 */
export function isoTime(value: string, what = "time"): string {
  // A turn passes the same time to each of its statements (claim, session, events, outbox): the last
  // answer is kept, since parsing and formatting a date costs about as much as a small statement.
  if (value === last.value) return last.iso;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new BotError(`The store was given ${what} "${value}", which is not an ISO 8601 time.`, "invalid_input");
  }
  const iso = new Date(ms).toISOString();
  last = { value, iso };
  return iso;
}

/** JSON text of a caller's document; a document that cannot be serialised is refused before any write. */
export function toJson(value: unknown, what: string): string {
  try {
    return JSON.stringify(value ?? null);
  } catch (error) {
    throw new BotError(
      `The store cannot save ${what}: it is not JSON-serialisable (${String(error)}).`,
      "invalid_input",
      {
        cause: error,
      },
    );
  }
}
