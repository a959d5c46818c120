import { z } from "zod";

export type SettingGroup = "core" | "slack" | "teams" | "teams-package";

export interface SettingInfo {
  group: SettingGroup;
  /** One line for `cpbot config check` and the docs. */
  summary: string;
  /** Never printed: `cpbot config check` shows only that it is set. */
  secret?: boolean;
  /** The value used when unset, as a person would write it. */
  default?: string;
  /** Other names read for the same setting (hosts that allow only upper snake case). */
  aliases?: readonly string[];
}

/**
 * Every setting cpbot reads from the environment, in one place: `cpbot config check` lists them with their
 * effective values, a test keeps .env.example in step, and each part's own zod schema (core ConfigSchema,
 * Slack, Teams) checks the values. Empty values count as unset everywhere.
 */
export const settings = {
  DATABASE_URL: { group: "core", summary: "SQLite database file", default: "./data/cpbot.db" },
  PORT: { group: "core", summary: "port of the HTTP server of `cpbot serve`", default: "3978" },
  HOST: { group: "core", summary: "listen address of `cpbot serve`", default: "all interfaces" },
  LOG_LEVEL: { group: "core", summary: "debug, info, warn, error or silent", default: "info" },
  LOG_LEVELS: { group: "core", summary: "levels by module, e.g. slack=debug,http=warn" },
  LOG_FORMAT: { group: "core", summary: "auto (pretty on a terminal), json or pretty", default: "auto" },
  SHUTDOWN_GRACE_MS: {
    group: "core",
    summary: "how long a stopping server lets work in progress finish",
    default: "10000",
  },
  RETAIN_QUESTIONS_DAYS: {
    group: "core",
    summary: "days question text is kept; older text is cleared daily, counts stay",
    default: "forever",
  },
  SQLITE_SYNCHRONOUS: {
    group: "core",
    summary: "full: every SQLite commit synced to disk; normal: faster, a power loss may lose the last commits",
    default: "full",
  },
  OUTBOX_LEASE_MS: {
    group: "core",
    summary: "how long a replica holds a reply it is delivering; a dead replica's replies wait this long",
    default: "30000",
  },
  OUTBOX_MARK_GATHER_MS: {
    group: "core",
    summary: "how long the delivered marks of slash commands answered in their acknowledgement gather into one write",
    default: "5",
  },
  OUTBOX_GIVE_UP_MS: {
    group: "core",
    summary: "how long a reply is retried before it is given up (logged, counted)",
    default: "900000",
  },
  METRICS_TOKEN: { group: "core", summary: "bearer token GET /metrics asks for", secret: true },
  CONSOLE_TOKEN: {
    group: "core",
    summary: "token the web console asks for; without it the console is served on loopback only",
    secret: true,
  },
  CPBOT_ESCALATION_DESTINATION: { group: "core", summary: "one escalation channel for every platform" },
  CPBOT_LOW_CONFIDENCE: { group: "core", summary: "confidence below which a match counts as low", default: "0.6" },
  ESCALATION_RESPONDERS: { group: "core", summary: "user ids that may act on every escalation" },
  ESCALATION_REMIND_AFTER: { group: "core", summary: "remind Support of waiting escalations after (90s, 30m, 2h)" },
  RATE_LIMIT_PER_MINUTE: {
    group: "core",
    summary: "messages one person may send a minute; 0: no limit",
    default: "30",
  },
  CPBOT_DEBUG: { group: "core", summary: "1: print stack traces of CLI errors" },
  SLACK_BOT_TOKEN: { group: "slack", summary: "Bot User OAuth Token (xoxb-)", secret: true },
  SLACK_SIGNING_SECRET: { group: "slack", summary: "Signing Secret (HTTP mode)", secret: true },
  SLACK_APP_TOKEN: { group: "slack", summary: "app-level token (xapp-): Socket Mode", secret: true },
  SLACK_ESCALATION_CHANNEL: { group: "slack", summary: "channel ID that receives escalations" },
  SLACK_API_URL: { group: "slack", summary: "Web API base URL", default: "https://slack.com/api/" },
  SLACK_COMMAND: { group: "slack", summary: "the slash command's name, as in the manifest", default: "/cp" },
  MicrosoftAppId: { group: "teams", summary: "the bot's Microsoft App ID", aliases: ["MICROSOFT_APP_ID"] },
  MicrosoftAppPassword: {
    group: "teams",
    summary: "the app's client secret",
    secret: true,
    aliases: ["MICROSOFT_APP_PASSWORD"],
  },
  MicrosoftAppType: {
    group: "teams",
    summary: "SingleTenant, UserAssignedMSI or MultiTenant (existing bots)",
    default: "SingleTenant",
    aliases: ["MICROSOFT_APP_TYPE"],
  },
  MicrosoftAppTenantId: { group: "teams", summary: "Microsoft Entra tenant id", aliases: ["MICROSOFT_APP_TENANT_ID"] },
  TEAMS_ESCALATION_CONVERSATION: { group: "teams", summary: "channel that receives Teams escalations" },
  TEAMS_ADMINS: { group: "teams", summary: "ids allowed to run `escalations here`" },
  TEAMS_SERVICE_URL: {
    group: "teams",
    summary: "service URL for proactive posts",
    default: "https://smba.trafficmanager.net/teams/",
  },
  BotOpenIdMetadata: {
    group: "teams",
    summary: "OpenID metadata URL (sovereign clouds)",
    aliases: ["BOT_OPEN_ID_METADATA"],
  },
  TEAMS_DEVELOPER_NAME: { group: "teams-package", summary: "developer name in the Teams app", default: "cpbot" },
  TEAMS_DEVELOPER_URL: { group: "teams-package", summary: "developer URL", default: "https://example.com" },
  TEAMS_PRIVACY_URL: { group: "teams-package", summary: "privacy statement URL", default: "https://example.com" },
  TEAMS_TERMS_URL: { group: "teams-package", summary: "terms of use URL", default: "https://example.com" },
  TEAMS_APP_VERSION: { group: "teams-package", summary: "Teams app version", default: "package.json's" },
} as const satisfies Record<string, SettingInfo>;

export type SettingName = keyof typeof settings;

const unsetIfEmpty = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  z.string().trim().optional(),
);

/** The environment narrowed to cpbot's settings, empty values dropped, each under its main name. */
export const SettingsSchema = z.object(
  Object.fromEntries(Object.keys(settings).map((name) => [name, unsetIfEmpty])) as Record<
    SettingName,
    typeof unsetIfEmpty
  >,
);

/** Each setting's effective raw value, read under its main name or an alias. */
export function readSettings(env: Record<string, string | undefined>): Partial<Record<SettingName, string>> {
  const input: Record<string, string | undefined> = {};
  for (const [name, info] of Object.entries(settings) as [SettingName, SettingInfo][]) {
    input[name] = [name, ...(info.aliases ?? [])].map((n) => env[n]).find((v) => v !== undefined && v.trim() !== "");
  }
  const parsed = SettingsSchema.parse(input) as Partial<Record<SettingName, string | undefined>>;
  return Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined)) as Partial<
    Record<SettingName, string>
  >;
}
