import type { PlatformFactory } from "../http/platform-adapter.ts";
import type { SlackAdapterOptions } from "./create-slack-adapter.ts";
import { hasSlackCredentials, loadSlackConfig } from "./slack-config.ts";

/**
 * Slack for `cpbot serve`: on when SLACK_BOT_TOKEN is set. This file stays light: Bolt is imported only
 * when Slack is configured, so a Teams-only server never loads it.
 */
export function slackPlatform(
  overrides: Pick<SlackAdapterOptions, "clientOptions" | "identity"> = {},
): PlatformFactory {
  return {
    name: "slack",
    configured: hasSlackCredentials,
    async create(deps) {
      if (!hasSlackCredentials(deps.env)) return undefined;
      const config = loadSlackConfig(deps.env);
      const override = deps.env.CPBOT_ESCALATION_DESTINATION?.trim();
      const { createSlackAdapter } = await import("./create-slack-adapter.ts");
      return createSlackAdapter({
        config,
        store: deps.store,
        logger: deps.logger,
        ...(override ? { handoffChannel: override } : {}),
        ...overrides,
      });
    },
  };
}
