import { z } from "zod";
import { BotError } from "../../src/core/bot-error.ts";

/** How cpbot reaches Slack: Events API over HTTP (needs a public URL) or Socket Mode (an outgoing WebSocket). */
export type SlackMode = "http" | "socket";

export interface SlackConfig {
  botToken: string;
  /** Required over HTTP, where every request's signature is checked; unused in Socket Mode. */
  signingSecret?: string;
  /** Set: Socket Mode. */
  appToken?: string;
  mode: SlackMode;
  /** Channel id that receives escalation handoffs. */
  escalationChannel: string;
  /** Web API base URL ending in "/", when not Slack's own (tests, a proxy). */
  apiUrl?: string;
  /** The slash command as created in the app (SLACK_COMMAND, default /cp), for texts that name it. */
  command: string;
}

/** The slash command when SLACK_COMMAND is unset: the one in slack/manifest.yml. */
export const defaultSlackCommand = "/cp";

const botTokenHelp =
  "copy the Bot User OAuth Token (it starts with xoxb-) from your app's settings: OAuth & Permissions → OAuth Tokens (install the app to the workspace first)";
const appTokenHelp =
  "generate an app-level token with the connections:write scope under Basic Information → App-Level Tokens (it starts with xapp-), or unset SLACK_APP_TOKEN to receive events over HTTP";
const channelHelp =
  "give the channel ID, e.g. C0123ABCD: open the channel, click its name, and copy the Channel ID shown at the bottom of the About tab; then invite cpbot there with /invite @cpbot";

const secret = (name: string, help: string) =>
  z
    .string({ error: `${name} is not set: ${help}` })
    .trim()
    .superRefine((value, ctx) => {
      if (/\s/.test(value))
        ctx.addIssue({ code: "custom", message: `${name} contains spaces or line breaks: ${help}` });
    });

export const SlackConfigSchema = z.object({
  SLACK_BOT_TOKEN: secret("SLACK_BOT_TOKEN", botTokenHelp).superRefine((value, ctx) => {
    // Say which token was pasted by mistake: the three kinds are easy to confuse in Slack's settings.
    if (value.startsWith("xoxb-")) return;
    const kind = value.startsWith("xoxp-")
      ? "a user token (xoxp-); cpbot acts as its bot user"
      : value.startsWith("xapp-")
        ? "an app-level token (xapp-), which belongs in SLACK_APP_TOKEN"
        : "not a bot token";
    ctx.addIssue({ code: "custom", message: `SLACK_BOT_TOKEN is ${kind}: ${botTokenHelp}` });
  }),
  SLACK_SIGNING_SECRET: secret(
    "SLACK_SIGNING_SECRET",
    "copy the Signing Secret from Basic Information → App Credentials",
  ).optional(),
  SLACK_APP_TOKEN: secret("SLACK_APP_TOKEN", appTokenHelp)
    .refine((value) => value.startsWith("xapp-"), {
      message: `SLACK_APP_TOKEN is not an app-level token: ${appTokenHelp}`,
    })
    .optional(),
  SLACK_ESCALATION_CHANNEL: z
    .string({ error: `SLACK_ESCALATION_CHANNEL is not set: ${channelHelp}` })
    .trim()
    .regex(/^[CG][A-Z0-9]{8,}$/, `SLACK_ESCALATION_CHANNEL must be a channel ID, not a name: ${channelHelp}`),
  // Slack's rule for command names: a slash, then at most 31 lowercase letters, digits, - or _.
  SLACK_COMMAND: z
    .string()
    .trim()
    .regex(
      /^\/[a-z0-9_-]{1,31}$/,
      "SLACK_COMMAND must be the slash command exactly as in the app's manifest, a slash and up to 31 lowercase letters, digits, - or _ (e.g. /cp or /chargepoint)",
    )
    .optional(),
  SLACK_API_URL: z
    .url({
      protocol: /^https?$/,
      error: "SLACK_API_URL must be an http(s) URL such as https://slack.com/api/; leave it unset to use Slack itself",
    })
    .optional(),
});

const keys = Object.keys(SlackConfigSchema.shape) as (keyof typeof SlackConfigSchema.shape)[];
/** Values that may be shown back in an error; tokens and the signing secret never are. */
const showable = new Set<string>(["SLACK_ESCALATION_CHANNEL", "SLACK_API_URL", "SLACK_COMMAND"]);

const isSet = (value: string | undefined): value is string => value !== undefined && value.trim() !== "";

/** Slack is on when a bot token is set; the other settings are then checked by loadSlackConfig. */
export function hasSlackCredentials(env: Record<string, string | undefined>): boolean {
  return isSet(env.SLACK_BOT_TOKEN);
}

/**
 * Reads the Slack settings. Empty strings count as unset. Throws BotError "config_invalid" listing every
 * problem with how to fix it; a token's or secret's value is never part of the message.
 */
export function loadSlackConfig(env: Record<string, string | undefined>): SlackConfig {
  const input: Record<string, string> = {};
  for (const key of keys) if (isSet(env[key])) input[key] = env[key];
  const parsed = SlackConfigSchema.safeParse(input);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? "Slack settings");
        const given = showable.has(key) ? input[key] : undefined;
        // Every message starts with the setting's name, so only the value (when harmless) is added.
        return `- ${issue.message}${given === undefined ? "" : ` (given: "${given}")`}`;
      });
  if (!input.SLACK_APP_TOKEN && !input.SLACK_SIGNING_SECRET) {
    problems.push(
      "- SLACK_SIGNING_SECRET is not set: Slack signs every HTTP request with it; copy the Signing Secret from Basic Information → App Credentials (or set SLACK_APP_TOKEN to use Socket Mode, which needs no signing secret)",
    );
  }
  if (!parsed.success || problems.length > 0) {
    throw new BotError(
      `Slack settings are invalid (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n${problems.join("\n")}\nSet these in the environment or .env and start again (see .env.example).`,
      "config_invalid",
    );
  }
  const c = parsed.data;
  return {
    botToken: c.SLACK_BOT_TOKEN,
    ...(c.SLACK_SIGNING_SECRET ? { signingSecret: c.SLACK_SIGNING_SECRET } : {}),
    ...(c.SLACK_APP_TOKEN ? { appToken: c.SLACK_APP_TOKEN } : {}),
    mode: c.SLACK_APP_TOKEN ? "socket" : "http",
    escalationChannel: c.SLACK_ESCALATION_CHANNEL,
    command: c.SLACK_COMMAND ?? defaultSlackCommand,
    ...(c.SLACK_API_URL ? { apiUrl: c.SLACK_API_URL.endsWith("/") ? c.SLACK_API_URL : `${c.SLACK_API_URL}/` } : {}),
  };
}
