import { z } from "zod";
import { BotError } from "../../src/core/bot-error.ts";

/**
 * Teams settings. botbuilder reads the camel-case names (`MicrosoftAppId`); hosting platforms that only
 * allow upper snake case get `MICROSOFT_APP_ID` etc. as the same setting. Messages say how to fix each
 * problem and never repeat the password.
 */
const names = {
  appId: ["MicrosoftAppId", "MICROSOFT_APP_ID"],
  appPassword: ["MicrosoftAppPassword", "MICROSOFT_APP_PASSWORD"],
  appType: ["MicrosoftAppType", "MICROSOFT_APP_TYPE"],
  tenantId: ["MicrosoftAppTenantId", "MICROSOFT_APP_TENANT_ID"],
  openIdMetadata: ["BotOpenIdMetadata", "BOT_OPEN_ID_METADATA"],
  escalationConversation: ["TEAMS_ESCALATION_CONVERSATION"],
  serviceUrl: ["TEAMS_SERVICE_URL"],
  admins: ["TEAMS_ADMINS"],
} as const;
type Key = keyof typeof names;

export const appTypes = ["MultiTenant", "SingleTenant", "UserAssignedMSI"] as const;
export type AppType = (typeof appTypes)[number];

/** Where Teams (Bot Framework) posts activities. */
export const teamsPath = "/api/messages";

/** Teams' global endpoint for proactive messages when no activity has told us the regional one yet. */
export const defaultServiceUrl = "https://smba.trafficmanager.net/teams/";

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TeamsSettingsSchema = z.object({
  appId: z
    .string()
    .regex(
      guid,
      "MicrosoftAppId must be the bot's Microsoft App ID, a GUID like 00000000-0000-0000-0000-000000000000 (Azure Bot resource → Configuration)",
    )
    .optional(),
  appPassword: z.string().optional(),
  appType: z
    .string()
    .transform((v) => appTypes.find((t) => t.toLowerCase() === v.toLowerCase()))
    .pipe(z.enum(appTypes, { error: `MicrosoftAppType must be one of ${appTypes.join(", ")} (default SingleTenant)` }))
    // Azure no longer offers MultiTenant for new bots; an existing MultiTenant bot says so explicitly.
    .default("SingleTenant"),
  tenantId: z.string().regex(guid, "MicrosoftAppTenantId must be your Microsoft Entra tenant id, a GUID").optional(),
  openIdMetadata: z.url({ protocol: /^https$/, error: "BotOpenIdMetadata must be an https URL" }).optional(),
  escalationConversation: z
    .string()
    .regex(/^\S+$/, "TEAMS_ESCALATION_CONVERSATION must be one Teams channel id like 19:abc…@thread.tacv2 (no spaces)")
    .optional(),
  serviceUrl: z
    .url({
      protocol: /^https?$/,
      error: "TEAMS_SERVICE_URL must be an http(s) URL, e.g. https://smba.trafficmanager.net/teams/",
    })
    .default(defaultServiceUrl),
  admins: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .default([]),
});

export interface TeamsConfig {
  /** Unset: no authentication (Bot Framework Emulator only, loopback only). */
  appId?: string;
  appPassword?: string;
  appType: AppType;
  tenantId?: string;
  openIdMetadata?: string;
  /** Channel id receiving escalation handoffs unless an admin typed `escalations here` somewhere. */
  escalationConversation?: string;
  serviceUrl: string;
  /** AAD object ids or Teams user ids (29:…) allowed to run `escalations here`. */
  admins: string[];
}

/** Reads one setting under either of its names; a conflict between the two is a mistake worth stopping for. */
function pick(env: Record<string, string | undefined>, key: Key, problems: string[]): string | undefined {
  const found = names[key]
    .map((name) => ({ name, value: env[name]?.trim() }))
    .filter((f): f is { name: (typeof names)[Key][number]; value: string } => Boolean(f.value));
  const [first, second] = found;
  if (first && second && first.value !== second.value) {
    const shown = key === "appPassword" ? "" : ` ("${first.value}" vs "${second.value}")`;
    problems.push(`- ${first.name} and ${second.name} are both set to different values${shown}: keep one of them`);
  }
  return first?.value;
}

/** True when the environment asks for an authenticated Teams bot (any app id given). */
export function hasTeamsAppId(env: Record<string, string | undefined>): boolean {
  return names.appId.some((n) => Boolean(env[n]?.trim()));
}

/** Parses the Teams settings; throws BotError "config_invalid" listing every problem at once. */
export function loadTeamsConfig(env: Record<string, string | undefined>): TeamsConfig {
  const problems: string[] = [];
  const raw: Partial<Record<Key, string>> = {};
  for (const key of Object.keys(names) as Key[]) {
    const value = pick(env, key, problems);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = TeamsSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as Key;
      const given = key === "appPassword" || raw[key] === undefined ? "" : ` = "${raw[key]}"`;
      problems.push(`- ${names[key]?.[0] ?? key}${given}: ${issue.message}`);
    }
  }
  const c = parsed.data;
  if (c?.appId) {
    if (c.appType === "UserAssignedMSI" && c.appPassword) {
      problems.push(
        "- MicrosoftAppPassword must be unset for MicrosoftAppType UserAssignedMSI (the managed identity signs in)",
      );
    }
    if (c.appType !== "UserAssignedMSI" && !c.appPassword) {
      problems.push(
        "- MicrosoftAppPassword is missing: create a client secret for the app registration (Azure Bot → Configuration → Manage Password) and set it",
      );
    }
    if (c.appType !== "MultiTenant" && !c.tenantId) {
      problems.push(
        `- MicrosoftAppTenantId is required for MicrosoftAppType ${c.appType}: set your Microsoft Entra tenant id`,
      );
    }
  } else if (c && (c.appPassword || c.tenantId)) {
    problems.push(
      "- MicrosoftAppId is missing while MicrosoftAppPassword or MicrosoftAppTenantId is set: set the bot's app id too",
    );
  }
  if (problems.length > 0 || !c) {
    throw new BotError(
      `Teams configuration is invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.join("\n")}\nSet these in the environment or .env and start again.`,
      "config_invalid",
    );
  }
  return {
    ...(c.appId ? { appId: c.appId } : {}),
    ...(c.appPassword ? { appPassword: c.appPassword } : {}),
    appType: c.appType,
    ...(c.tenantId ? { tenantId: c.tenantId } : {}),
    ...(c.openIdMetadata ? { openIdMetadata: c.openIdMetadata } : {}),
    ...(c.escalationConversation ? { escalationConversation: c.escalationConversation } : {}),
    serviceUrl: c.serviceUrl,
    admins: c.admins,
  };
}

/** The options ConfigurationBotFrameworkAuthentication reads, in botbuilder's own names. */
export function botFrameworkOptions(config: TeamsConfig): Record<string, string> {
  return {
    MicrosoftAppId: config.appId ?? "",
    MicrosoftAppPassword: config.appPassword ?? "",
    // Emulator mode (no app id) authenticates nobody; botbuilder refuses SingleTenant without an app id,
    // so the unauthenticated endpoint is described to it the way it expects one.
    MicrosoftAppType: config.appId ? config.appType : "MultiTenant",
    MicrosoftAppTenantId: config.tenantId ?? "",
    ...(config.openIdMetadata ? { BotOpenIdMetadata: config.openIdMetadata } : {}),
  };
}
