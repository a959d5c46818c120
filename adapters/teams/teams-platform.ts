import type { PlatformFactory } from "../http/platform-adapter.ts";
import type { RetryOptions } from "./connector-retry.ts";
import { hasTeamsAppId, loadTeamsConfig, teamsPath } from "./teams-config.ts";
import { teamsListenAddress } from "./teams-listen-address.ts";

/**
 * Teams for `cpbot serve`: POST /api/messages on the shared server, the Teams transport for the engine,
 * and the Teams escalation channel as this platform's destination. On with MicrosoftAppId; without one,
 * and with no other platform configured, in Bot Framework Emulator mode on 127.0.0.1 only. Whether Teams
 * runs is decided from the settings alone, before botbuilder (a quarter of a second to load) is imported.
 */
export function teamsPlatform(options: { retry?: RetryOptions } = {}): PlatformFactory {
  return {
    name: "teams",
    configured: hasTeamsAppId,
    // Emulator mode (no app id, no other platform) binds loopback only; set-up-teams.ts decides the same.
    listenHost: (env, othersConfigured, requestedHost) =>
      hasTeamsAppId(env) || othersConfigured ? undefined : teamsListenAddress(loadTeamsConfig(env), requestedHost).host,
    async create(deps) {
      if (!hasTeamsAppId(deps.env) && deps.othersConfigured) return undefined;
      const { setUpTeams } = await import("./set-up-teams.ts");
      const teams = setUpTeams({
        env: deps.env,
        store: deps.store,
        logger: deps.logger,
        othersConfigured: deps.othersConfigured,
        clock: deps.clock,
        // Tests shorten the connector timeout; serve uses the defaults.
        ...(options.retry ? { retry: options.retry } : {}),
        ...(deps.requestedHost ? { requestedHost: deps.requestedHost } : {}),
      });
      if (!teams) return undefined;
      return {
        platform: "teams",
        transport: teams.transport,
        members: teams.members,
        escalationDestination: teams.escalationDestination,
        ...(teams.host ? { host: teams.host } : {}),
        summary: teams.summary,
        deliverer: teams.deliverer,
        connect: (engine, _listen, outbox) => [
          { method: "POST", path: teamsPath, handle: teams.handler(engine, outbox) },
        ],
      };
    },
  };
}
