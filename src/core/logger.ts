import { createRequire } from "node:module";
import type { Logger as PinoLogger } from "pino";
import type { LogFormat, LogLevel } from "../config/config-schema.ts";
import { redact, redactString } from "./redact.ts";

export { redact, redacted, redactString } from "./redact.ts";

/** What the code logs through; pino underneath. `child` adds fields (module, reqId, eventId) to every line. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines carry `bindings`; `{ module }` also picks that module's level (LOG_LEVELS). */
  child(bindings: Record<string, unknown>): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Levels by module, e.g. { slack: "debug" }, applied to child({ module }). */
  moduleLevels?: Readonly<Record<string, LogLevel>>;
  /** json (one object per line, production) or pretty (coloured, for a person at a terminal). */
  format?: Exclude<LogFormat, "auto">;
  /** Where a finished line goes; stderr by default so stdout stays free for command output. */
  write?: (line: string) => void;
  now?: () => Date;
}

/** "auto" means pretty for a person at a terminal and JSON for everything else (containers, files, pipes). */
export function resolveLogFormat(format: LogFormat, isTTY: boolean | undefined): "json" | "pretty" {
  if (format !== "auto") return format;
  return isTTY && prettifier() ? "pretty" : "json";
}

let pretty: ((line: string) => string) | null | undefined;
/** pino-pretty is a dev dependency: a production install has none and always logs JSON. */
function prettifier(): ((line: string) => string) | null {
  if (pretty !== undefined) return pretty;
  try {
    const { prettyFactory } = createRequire(import.meta.url)("pino-pretty") as {
      prettyFactory: (options: Record<string, unknown>) => (line: string) => string;
    };
    pretty = prettyFactory({ colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "" });
  } catch {
    pretty = null;
  }
  return pretty;
}

const severity: Record<LogLevel, number> = {
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  silent: Number.POSITIVE_INFINITY,
};

/**
 * pino (and each child) is built on the first line that passes its level, so a command that logs nothing
 * (`cpbot ask` at "error") never loads it: about a tenth of such a command's start. The level is checked
 * here with pino's own numbers, and a child takes its module's level or its parent's, as pino does.
 */
function wrap(make: () => PinoLogger, level: LogLevel, options: LoggerOptions): Logger {
  let made: PinoLogger | undefined;
  const base = () => {
    made ??= make();
    return made;
  };
  const log = (at: "debug" | "info" | "warn" | "error") => (message: string, fields?: Record<string, unknown>) => {
    if (severity[at] < severity[level]) return;
    // Redacted before pino sees them: token shapes anywhere in a string, secret-named keys at any depth.
    if (fields) base()[at](redact(fields) as object, redactString(message));
    else base()[at](redactString(message));
  };
  return {
    debug: log("debug"),
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    child(bindings) {
      const module = typeof bindings.module === "string" ? bindings.module : undefined;
      const own = module ? options.moduleLevels?.[module] : undefined;
      const make = () => base().child(redact(bindings) as object, own ? { level: own } : {});
      return wrap(make, own ?? level, options);
    },
  };
}

/**
 * A leveled logger on pino: JSON lines `{"level":"info","time":"…","msg":"…",…}` in production, pretty
 * on a terminal, secrets redacted before anything is written, Errors with their causes.
 */
export function createLogger(options: LoggerOptions): Logger {
  return wrap(() => makePino(options), options.level, options);
}

function makePino(options: LoggerOptions): PinoLogger {
  const { pino } = createRequire(import.meta.url)("pino") as typeof import("pino");
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const format = options.format === "pretty" ? prettifier() : null;
  return pino(
    {
      level: options.level,
      base: undefined,
      messageKey: "msg",
      timestamp: () => `,"time":"${now().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
      // Belt and braces behind redact(): the paths a request or a config object would put a secret in.
      redact: {
        paths: [
          "headers.authorization",
          "headers.cookie",
          "req.headers.authorization",
          "*.token",
          "*.botToken",
          "*.appToken",
          "*.signingSecret",
          "*.password",
          "*.appPassword",
        ],
        censor: "[redacted]",
      },
    },
    { write: (line: string) => write(format ? format(line).replace(/\n$/, "") : line.replace(/\n$/, "")) },
  );
}

/** For tests and commands that must print nothing but their answer. */
export const silentLogger: Logger = createLogger({ level: "silent", write: () => {} });
