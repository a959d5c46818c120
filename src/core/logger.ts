import type { LogLevel } from "../config/config-schema.ts";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

// Token shapes that must never reach a log, wherever they hide in a string (an error message echoing a
// request, a URL with a token in its query).
const secretPatterns: RegExp[] = [
  /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g,
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\b(?:eyJ[A-Za-z0-9_-]+)\.(?:eyJ[A-Za-z0-9_-]+)\.[A-Za-z0-9_-]+/g,
];
// Keys whose values are secrets whatever they look like.
const secretKey = /pass(?:word|wd)?|secret|token|authori[sz]ation|api[-_]?key|credential|signing/i;

export const redacted = "[redacted]";

export function redactString(text: string): string {
  let out = text;
  for (const pattern of secretPatterns) out = out.replace(pattern, redacted);
  return out;
}

/** A copy of `value` with secrets replaced; Errors become plain objects so their message is redacted too. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactString(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 8) return "[deep]";
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return redact(
      { name: value.name, message: value.message, ...(code === undefined ? {} : { code }), stack: value.stack },
      depth + 1,
    );
  }
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = secretKey.test(key) && v !== undefined && v !== null && v !== "" ? redacted : redact(v, depth + 1);
  }
  return out;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Where a finished line goes; stderr by default so stdout stays free for command output. */
  write?: (line: string) => void;
  now?: () => Date;
}

/** A leveled JSON-lines logger: one object per line, secrets redacted before anything is written. */
export function createLogger(options: LoggerOptions): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const threshold = rank[options.level];
  const log = (level: Exclude<LogLevel, "silent">) => (message: string, fields?: Record<string, unknown>) => {
    if (rank[level] < threshold) return;
    const line = { time: now().toISOString(), level, msg: redactString(message), ...(redact(fields ?? {}) as object) };
    write(JSON.stringify(line));
  };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}

/** For tests and commands that must print nothing but their answer. */
export const silentLogger: Logger = createLogger({ level: "silent", write: () => {} });
