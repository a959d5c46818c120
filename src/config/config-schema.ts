import { z } from "zod";
import { synchronousModes } from "../store/synchronous-mode.ts";
import { parseDuration } from "./parse-duration.ts";

/** Log levels in increasing severity; "silent" turns logging off (tests, `cpbot ask`). */
export const logLevels = ["debug", "info", "warn", "error", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];
/** auto: pretty on a terminal, JSON lines otherwise (production, containers, pipes). */
export const logFormats = ["auto", "json", "pretty"] as const;
export type LogFormat = (typeof logFormats)[number];

const remindHelp =
  "ESCALATION_REMIND_AFTER must be a duration such as 90s, 30m or 2h (a whole number, then s, m or h; from 10s to 168h); leave it unset to send no reminders";
const moduleLevelsHelp = `LOG_LEVELS must be module=level pairs separated by commas, e.g. "slack=debug,http=warn" (levels: ${logLevels.join(", ")})`;

/**
 * The core settings, read from the environment. Each setting carries the sentence that tells a person how
 * to fix it, so a bad value at start-up names the variable, what was wrong and what is accepted.
 * Adapter settings (Slack, Teams) live in their own schemas beside the adapters.
 */
export const ConfigSchema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL must be a SQLite file path, e.g. ./data/cpbot.db or sqlite:./data/cpbot.db" })
    .trim()
    .min(1, "DATABASE_URL is empty: unset it to use ./data/cpbot.db, or give a SQLite file path")
    .default("./data/cpbot.db"),
  PORT: z.coerce
    .number({ error: "PORT must be a whole number from 1 to 65535, e.g. 3978" })
    .int("PORT must be a whole number from 1 to 65535, e.g. 3978")
    .min(1, "PORT must be a whole number from 1 to 65535, e.g. 3978")
    .max(65535, "PORT must be a whole number from 1 to 65535, e.g. 3978")
    .default(3978),
  CPBOT_ESCALATION_DESTINATION: z
    .string()
    .trim()
    .regex(
      /^[^\s]+$/,
      "CPBOT_ESCALATION_DESTINATION must be one channel id without spaces (Slack C0123ABCD, Teams 19:…@thread.tacv2)",
    )
    .optional(),
  CPBOT_LOW_CONFIDENCE: z.coerce
    .number({ error: "CPBOT_LOW_CONFIDENCE must be a number from 0 to 1, e.g. 0.6" })
    .min(0, "CPBOT_LOW_CONFIDENCE must be a number from 0 to 1, e.g. 0.6")
    .max(1, "CPBOT_LOW_CONFIDENCE must be a number from 0 to 1, e.g. 0.6")
    .default(0.6),
  CONSOLE_TOKEN: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9._~-]{16,}$/,
      "CONSOLE_TOKEN must be at least 16 letters, digits or . _ ~ - (make one with `openssl rand -hex 24`)",
    )
    .optional(),
  ESCALATION_RESPONDERS: z
    .string()
    .trim()
    .regex(
      /^[^\s,]+(?:\s*,\s*[^\s,]+)*$/,
      "ESCALATION_RESPONDERS must be user ids separated by commas, e.g. U0123ABCD,U0456EFGH (Slack) or 29:1abc… (Teams)",
    )
    .optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce
    .number({
      error:
        "RATE_LIMIT_PER_MINUTE must be a whole number of requests per person per minute, e.g. 30; 0 turns limits off",
    })
    .int("RATE_LIMIT_PER_MINUTE must be a whole number, e.g. 30; 0 turns limits off")
    .min(0, "RATE_LIMIT_PER_MINUTE must be 0 (off) or more, e.g. 30")
    .max(100_000, "RATE_LIMIT_PER_MINUTE must be at most 100000; 0 turns limits off")
    .default(30),
  ESCALATION_REMIND_AFTER: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const ms = parseDuration(value);
      // At least 10 s: the reminder timer runs every few seconds; at most a week.
      if (ms === undefined || ms < 10_000 || ms > 7 * 24 * 3_600_000) {
        ctx.addIssue({ code: "custom", message: remindHelp });
        return z.NEVER;
      }
      return ms;
    })
    .optional(),
  LOG_LEVEL: z.enum(logLevels, { error: `LOG_LEVEL must be one of ${logLevels.join(", ")}` }).default("info"),
  LOG_LEVELS: z
    .string()
    .transform((value, ctx) => {
      const levels: Record<string, LogLevel> = {};
      for (const pair of value
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [module, level] = pair.split("=").map((p) => p.trim());
        if (!module || !logLevels.includes(level as LogLevel)) {
          ctx.addIssue({ code: "custom", message: moduleLevelsHelp });
          return z.NEVER;
        }
        levels[module] = level as LogLevel;
      }
      return levels;
    })
    .default({}),
  RETAIN_QUESTIONS_DAYS: z.coerce
    .number({ error: "RETAIN_QUESTIONS_DAYS must be a whole number of days, e.g. 90; unset keeps text forever" })
    .int("RETAIN_QUESTIONS_DAYS must be a whole number of days, e.g. 90; unset keeps text forever")
    .min(1, "RETAIN_QUESTIONS_DAYS must be 1 or more days, e.g. 90; unset it to keep text forever")
    .max(36_500, "RETAIN_QUESTIONS_DAYS must be at most 36500 (100 years); unset it to keep text forever")
    .optional(),
  SQLITE_SYNCHRONOUS: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(
      z.enum(synchronousModes, {
        error:
          "SQLITE_SYNCHRONOUS must be full (every commit synced to disk: survives a power loss) or normal (faster; a power loss may lose the last commits, a crash of cpbot loses nothing)",
      }),
    )
    .default("full"),
  OUTBOX_LEASE_MS: z.coerce
    .number({ error: "OUTBOX_LEASE_MS must be a whole number of milliseconds, e.g. 30000" })
    .int("OUTBOX_LEASE_MS must be a whole number of milliseconds, e.g. 30000")
    .min(1000, "OUTBOX_LEASE_MS must be at least 1000 (a delivery needs time to finish), e.g. 30000")
    .max(600_000, "OUTBOX_LEASE_MS must be at most 600000 (10 minutes), e.g. 30000")
    .default(30_000),
  OUTBOX_MARK_GATHER_MS: z.coerce
    .number({ error: "OUTBOX_MARK_GATHER_MS must be a whole number of milliseconds, e.g. 5" })
    .int("OUTBOX_MARK_GATHER_MS must be a whole number of milliseconds, e.g. 5")
    .min(0, "OUTBOX_MARK_GATHER_MS must be 0 or more milliseconds, e.g. 5")
    .max(60_000, "OUTBOX_MARK_GATHER_MS must be at most 60000 (and is held under a tenth of OUTBOX_LEASE_MS), e.g. 5")
    .default(5),
  OUTBOX_GIVE_UP_MS: z.coerce
    .number({ error: "OUTBOX_GIVE_UP_MS must be a whole number of milliseconds, e.g. 900000 (15 minutes)" })
    .int("OUTBOX_GIVE_UP_MS must be a whole number of milliseconds, e.g. 900000 (15 minutes)")
    .min(5000, "OUTBOX_GIVE_UP_MS must be at least 5000, e.g. 900000 (15 minutes)")
    .max(86_400_000, "OUTBOX_GIVE_UP_MS must be at most 86400000 (a day); Slack's response_url lasts 30 minutes")
    .default(900_000),
  SHUTDOWN_GRACE_MS: z.coerce
    .number({ error: "SHUTDOWN_GRACE_MS must be a whole number of milliseconds, e.g. 10000" })
    .int("SHUTDOWN_GRACE_MS must be a whole number of milliseconds, e.g. 10000")
    .min(0, "SHUTDOWN_GRACE_MS must be 0 or more milliseconds, e.g. 10000")
    .max(600_000, "SHUTDOWN_GRACE_MS must be at most 600000 (10 minutes)")
    .default(10_000),
  METRICS_TOKEN: z
    .string()
    .trim()
    .min(
      16,
      "METRICS_TOKEN must be at least 16 characters (e.g. `openssl rand -hex 24`), or unset to leave /metrics open",
    )
    .optional(),
  LOG_FORMAT: z.enum(logFormats, { error: `LOG_FORMAT must be one of ${logFormats.join(", ")}` }).default("auto"),
});
