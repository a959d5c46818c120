import { BotError } from "../core/bot-error.ts";

/**
 * Canonical UTC ISO form of a caller-supplied time. Stores compare times as strings (SQLite has no date
 * type), which is only correct when every value has the same shape: "2024-05-01T09:00:00+02:00" and
 * "2024-05-01T07:00:00Z" must sort as the same instant. A bad value is an engine bug, named loudly.
 */
export function isoTime(value: string, what = "time"): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new BotError(`The store was given ${what} "${value}", which is not an ISO 8601 time.`, "invalid_input");
  }
  return new Date(ms).toISOString();
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
