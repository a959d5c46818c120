import { BotError } from "../core/bot-error.ts";
import type { SynchronousMode } from "../store/synchronous-mode.ts";
import { ConfigSchema, type LogFormat, type LogLevel } from "./config-schema.ts";

/** The core settings the engine and the CLI need, in the names the code uses. */
export interface CoreConfig {
  /** SQLite file path (or sqlite:/file: URL, or :memory:). */
  databaseUrl: string;
  /** `PRAGMA synchronous` of the SQLite store (SQLITE_SYNCHRONOUS): full or normal. */
  sqliteSynchronous: SynchronousMode;
  /** Where the HTTP server listens (Teams, Slack over HTTP). */
  port: number;
  /** Channel that receives escalation handoffs; unset: the handoff is posted in the requester's thread. */
  escalationDestination?: string;
  /** Matches below this confidence are recorded as low-confidence for playbook authors. */
  lowConfidence: number;
  logLevel: LogLevel;
  /**
   * The web console's access token: required on every console request when the server listens on an
   * address other than loopback; without it the console is only served on loopback.
   */
  consoleToken?: string;
  /** Levels by module (LOG_LEVELS), applied to the module's child logger. */
  moduleLevels: Record<string, LogLevel>;
  logFormat: LogFormat;
  /** How long a stopping server lets requests and events in progress finish (SHUTDOWN_GRACE_MS). */
  shutdownGraceMs: number;
  /** Days question text is kept (RETAIN_QUESTIONS_DAYS); undefined: forever. */
  retainQuestionsDays?: number;
  /** How long a replica holds a reply it is delivering (OUTBOX_LEASE_MS). */
  outboxLeaseMs: number;
  /** How long delivered marks gather before one write (OUTBOX_MARK_GATHER_MS). */
  outboxMarkGatherMs: number;
  /** How long a reply is retried before it is given up (OUTBOX_GIVE_UP_MS). */
  outboxGiveUpMs: number;
  /** Bearer token GET /metrics asks for; unset: /metrics is open (keep it off the public internet). */
  metricsToken?: string;
  /** Ids that may act on every escalation besides the escalation channel's members (ESCALATION_RESPONDERS). */
  responders: string[];
  /** Messages, commands and presses one person may send a minute; 0: no limit. A channel gets ten times this. */
  rateLimitPerMinute: number;
  /**
   * ESCALATION_REMIND_AFTER in ms: an escalation nobody claimed gets a reminder after this, the responders'
   * mention after twice this, a claimed one with no change for this long reminds its claimer. Unset: off.
   */
  remindAfterMs?: number;
}

/** Settings whose values are never repeated in an error message (it goes to logs and terminals). */
const secretKeys = new Set<string>(["CONSOLE_TOKEN", "METRICS_TOKEN"]);

const keys = Object.keys(ConfigSchema.shape) as (keyof typeof ConfigSchema.shape)[];

/**
 * Reads the core settings from `env` (process.env in production). Empty strings count as unset, the way a
 * `.env` line like `PORT=` is meant. Throws BotError "config_invalid" listing every problem at once.
 */
export function loadConfig(env: Record<string, string | undefined>): CoreConfig {
  const input: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") input[key] = value;
  }
  const parsed = ConfigSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "configuration");
      const given = input[key];
      const shown = given === undefined || secretKeys.has(key) ? "" : ` = "${given}"`;
      return `- ${key}${shown}: ${issue.message}`;
    });
    throw new BotError(
      `Configuration is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.join("\n")}\nSet these in the environment or .env and start again.`,
      "config_invalid",
    );
  }
  const c = parsed.data;
  return {
    databaseUrl: c.DATABASE_URL,
    sqliteSynchronous: c.SQLITE_SYNCHRONOUS,
    port: c.PORT,
    ...(c.CPBOT_ESCALATION_DESTINATION ? { escalationDestination: c.CPBOT_ESCALATION_DESTINATION } : {}),
    lowConfidence: c.CPBOT_LOW_CONFIDENCE,
    logLevel: c.LOG_LEVEL,
    ...(c.CONSOLE_TOKEN ? { consoleToken: c.CONSOLE_TOKEN } : {}),
    moduleLevels: c.LOG_LEVELS,
    logFormat: c.LOG_FORMAT,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    ...(c.RETAIN_QUESTIONS_DAYS !== undefined ? { retainQuestionsDays: c.RETAIN_QUESTIONS_DAYS } : {}),
    outboxLeaseMs: c.OUTBOX_LEASE_MS,
    outboxMarkGatherMs: c.OUTBOX_MARK_GATHER_MS,
    outboxGiveUpMs: c.OUTBOX_GIVE_UP_MS,
    ...(c.METRICS_TOKEN ? { metricsToken: c.METRICS_TOKEN } : {}),
    responders: c.ESCALATION_RESPONDERS ? c.ESCALATION_RESPONDERS.split(",").map((id) => id.trim()) : [],
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    ...(c.ESCALATION_REMIND_AFTER ? { remindAfterMs: c.ESCALATION_REMIND_AFTER } : {}),
  };
}
