import { webApi } from "@slack/bolt";
import { BotError } from "../../src/core/bot-error.ts";
import { slackErrorCode } from "./slack-api-error.ts";
import type { SlackConfig } from "./slack-config.ts";
import type { SlackIdentity } from "./slack-listener-deps.ts";

const startupRetries = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 4000 };

const tokenProblems: Record<string, string> = {
  invalid_auth: "Slack does not recognise SLACK_BOT_TOKEN",
  not_authed: "Slack received no token",
  account_inactive: "the app or its bot user was deactivated",
  token_revoked: "SLACK_BOT_TOKEN was revoked (the app was uninstalled or reinstalled)",
  token_expired: "SLACK_BOT_TOKEN has expired (token rotation is on)",
};

/**
 * auth.test once at start-up: it proves the token works before cpbot says it is running, and it tells
 * cpbot its own bot user, which Bolt needs to ignore the bot's own messages and which strips @cpbot
 * from questions. A bad token stops start-up with the fix; the token itself is never shown.
 */
export async function checkSlackIdentity(
  config: SlackConfig,
  clientOptions: webApi.WebClientOptions,
): Promise<SlackIdentity> {
  // Start-up should fail within seconds when Slack is unreachable, not retry for half an hour as the
  // WebClient does by default for the calls that answer people.
  const client = new webApi.WebClient(config.botToken, { retryConfig: startupRetries, ...clientOptions });
  let result: webApi.AuthTestResponse;
  try {
    result = await client.auth.test();
  } catch (error) {
    const code = slackErrorCode(error);
    if (code && code in tokenProblems) {
      throw new BotError(
        `Slack rejected the bot token at start-up: ${tokenProblems[code]} (${code}). Copy the Bot User OAuth Token (xoxb-…) again from your app's OAuth & Permissions page into SLACK_BOT_TOKEN and start again.`,
        "config_invalid",
        { cause: error },
      );
    }
    const where = config.apiUrl ?? "https://slack.com/api/";
    throw new BotError(
      `Could not reach Slack's Web API at ${where} to check SLACK_BOT_TOKEN (${code ?? (error as Error).message}). Check the network, proxy settings and SLACK_API_URL, then start again.`,
      "platform_error",
      { cause: error },
    );
  }
  if (!result.user_id || !result.bot_id) {
    throw new BotError(
      "SLACK_BOT_TOKEN does not belong to a bot user (auth.test returned no bot_id). Use the Bot User OAuth Token (xoxb-…) from OAuth & Permissions.",
      "config_invalid",
    );
  }
  return {
    botUserId: result.user_id,
    botId: result.bot_id,
    ...(result.user ? { botName: result.user } : {}),
    ...(result.team_id ? { teamId: result.team_id } : {}),
    ...(result.team ? { team: result.team } : {}),
  };
}
