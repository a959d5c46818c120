import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";

/**
 * Bolt, its WebClient and the Socket Mode client log through this, so their lines go through cpbot's
 * JSON logger: one format, one level (LOG_LEVEL), and every string passes the logger's token redaction.
 * Bolt's own setLevel() is recorded for getLevel() only; LOG_LEVEL stays in charge.
 */
export function slackLogger(logger: Logger, initial: LogLevel = LogLevel.INFO): BoltLogger {
  let level = initial;
  let name = "slack";
  const write =
    (method: "debug" | "info" | "warn" | "error") =>
    (...parts: unknown[]) => {
      const errors = parts.filter((p): p is Error => p instanceof Error);
      const text = parts
        .filter((p) => !(p instanceof Error))
        .map((p) => (typeof p === "string" ? p : safeJson(p)))
        .join(" ");
      const message = text || errors[0]?.message || "(no message)";
      logger[method](message, {
        source: name,
        ...(errors.length === 1 ? { error: errors[0] } : errors.length > 1 ? { errors } : {}),
      });
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
