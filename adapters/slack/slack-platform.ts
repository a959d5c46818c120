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
        deliveryTimeoutMs: deliveryTimeout(deps.env.OUTBOX_LEASE_MS),
        ...overrides,
      });
    },
  };
}

/**
 * One delivery attempt must end well inside the outbox lease (OUTBOX_LEASE_MS, checked by the core config),
 * or another replica could take the row while this one is still sending it: a third of it, at most 10 s.
 */
function deliveryTimeout(lease: string | undefined): number {
  const ms = Number(lease?.trim() || 30_000);
  return Math.max(300, Math.min(10_000, Math.floor((Number.isFinite(ms) ? ms : 30_000) / 3)));
}
