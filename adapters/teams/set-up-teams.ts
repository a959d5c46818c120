import type { IncomingMessage, ServerResponse } from "node:http";
import type { ServiceClientCredentialsFactory } from "botframework-connector";
import type { Logger } from "../../src/core/logger.ts";
import type { Deliverer, OutboxDispatcher } from "../../src/delivery/outbox-dispatcher.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import type { Store } from "../../src/store/store.ts";
import { CachedMembers } from "../http/cached-members.ts";
import type { RetryOptions } from "./connector-retry.ts";
import { createTeamsBot } from "./create-teams-bot.ts";
import { hasTeamsAppId, loadTeamsConfig, teamsPath } from "./teams-config.ts";
import { teamsListenAddress } from "./teams-listen-address.ts";
import type { TeamsTransport } from "./teams-transport.ts";

export { teamsPath };

export interface TeamsSetupOptions {
  env: Record<string, string | undefined>;
  store: Store;
  logger: Logger;
  /** HOST as the operator set it; undefined when unset. */
  requestedHost?: string;
  /** Another platform (Slack) is configured: then Teams runs only with an app id, never in Emulator mode. */
  othersConfigured: boolean;
  clock?: () => Date;
  retry?: RetryOptions;
  credentialsFactory?: ServiceClientCredentialsFactory;
}

export interface TeamsService {
  /** The engine's transport for Teams conversations. */
  transport: TeamsTransport;
  /** The engine's escalation destination for Teams when CPBOT_ESCALATION_DESTINATION is unset. */
  escalationDestination: string;
  /** Who is on the escalation channel's team (may act on escalations). */
  members: { isMember(userId: string): Promise<boolean> };
  /** Where the server must listen; undefined: wherever it would anyway. */
  host?: string;
  /** POST /api/messages, once the engine exists. */
  handler(engine: Engine, outbox?: OutboxDispatcher): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Delivers stored Teams replies (the outbox). */
  deliverer: Deliverer;
  /** One line for the start-up log. */
  summary: string;
}

/**
 * Teams' part of `cpbot serve`. Teams is on when MicrosoftAppId is set, or, with no other platform
 * configured, in Bot Framework Emulator mode (no app id: unauthenticated, loopback only, said loudly).
 * Returns undefined when Teams stays off. Throws BotError "config_invalid" for bad settings or a
 * non-loopback HOST in Emulator mode.
 */
export function setUpTeams(options: TeamsSetupOptions): TeamsService | undefined {
  if (!hasTeamsAppId(options.env) && options.othersConfigured) return undefined;
  const config = loadTeamsConfig(options.env);
  const listen = teamsListenAddress(config, options.requestedHost);
  if (listen.warning) options.logger.warn(listen.warning);
  const bot = createTeamsBot({
    config,
    store: options.store,
    logger: options.logger,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.credentialsFactory ? { credentialsFactory: options.credentialsFactory } : {}),
  });
  const where = config.escalationConversation
    ? `escalations to ${config.escalationConversation} unless an admin typed "escalations here"`
    : `escalations to the channel where an admin types "escalations here"`;
  // Emulator mode has no Teams to ask and no authentication: whoever reaches the loopback port could
  // forge any identity anyway, so everyone counts as Support there.
  const members = config.appId
    ? new CachedMembers(() => bot.transport.escalationRoster(), { platform: "teams" }, options.logger)
    : { isMember: async () => true };
  return {
    members,
    transport: bot.transport,
    escalationDestination: bot.escalationDestination,
    ...(listen.host ? { host: listen.host } : {}),
    handler: (engine, outbox) => bot.handler(engine, outbox),
    deliverer: bot.deliverer,
    summary: config.appId
      ? `Teams: POST ${teamsPath} for app ${config.appId} (${config.appType}); ${where}`
      : `Teams: POST ${teamsPath} UNAUTHENTICATED for the Bot Framework Emulator on ${listen.host}; ${where}`,
  };
}
