import { BotError } from "../core/bot-error.ts";

/** SQLSTATEs after which PostgreSQL has rolled the whole transaction back, so running it again is safe. */
const retryableStates = new Set([
  "40001", // serialization_failure
  "40P01", // deadlock_detected
]);

/** Node socket codes and PostgreSQL classes that mean the connection, not the statement, failed. */
const connectionCodes = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"]);

export function sqlState(error: unknown): string {
  return String((error as { code?: unknown })?.code ?? "");
}

/** A transaction the server rolled back on its own: run it again. */
export function isRetryableConflict(error: unknown): boolean {
  return retryableStates.has(sqlState(error));
}

/**
 * The connection broke or never came up (server restart, failover, network). Whether a statement that
 * was in flight took effect is unknown, so callers retry only what had not been committed yet.
 */
export function isConnectionError(error: unknown): boolean {
  const code = sqlState(error);
  if (connectionCodes.has(code) || code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03") {
    return true;
  }
  const message = error instanceof Error ? error.message : "";
  return /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i.test(
    message,
  );
}

/** statement_timeout fired (57014 query_canceled) or the pool had no free connection in time. */
export function isTimeout(error: unknown): boolean {
  return sqlState(error) === "57014" || /timeout exceeded when trying to connect/i.test(String(error));
}

/** postgres://user:secret@host:5432/db → postgres://user@host:5432/db, for messages and logs. */
export function describePgUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    parsed.search = "";
    return parsed.toString();
  } catch {
    return "the PostgreSQL database in DATABASE_URL";
  }
}

/** The one error the engine shows as "I cannot reach my database right now"; the cause stays attached. */
export function pgUnavailable(target: string, error: unknown): BotError {
  const text = error instanceof Error ? error.message : String(error);
  const advice = isTimeout(error)
    ? "The database took too long (statement_timeout or no free connection); check its load and locks."
    : "Check that PostgreSQL is running and reachable, and the user, password and database in DATABASE_URL.";
  return new BotError(`Cannot use the database ${target}: ${text}. ${advice}`, "store_unavailable", { cause: error });
}
