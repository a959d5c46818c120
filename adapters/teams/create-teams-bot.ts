import type { IncomingMessage, ServerResponse } from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import type { ServiceClientCredentialsFactory } from "botframework-connector";
import { BotError } from "../../src/core/bot-error.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { Deliverer, OutboxDispatcher } from "../../src/delivery/outbox-dispatcher.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import { databaseDownCard } from "../../src/render/database-down-card.ts";
import { errorCard } from "../../src/render/error-card.ts";
import type { Store } from "../../src/store/store.ts";
import { singleCardActivity } from "./card-activities.ts";
import { type RetryOptions, statusOf } from "./connector-retry.ts";
import { ConversationReferences } from "./conversation-references.ts";
import { replyInTurn, sendCard } from "./send-card.ts";
import { cloudSettings } from "./teams-cloud-settings.ts";
import { botFrameworkOptions, type TeamsConfig } from "./teams-config.ts";
import { teamsDeliverer } from "./teams-delivery.ts";
import { teamsHttpHandler } from "./teams-http-handler.ts";
import { TeamsTransport, teamsEscalationAlias } from "./teams-transport.ts";
import { createTeamsTurn } from "./teams-turn.ts";

export interface TeamsBotOptions {
  config: TeamsConfig;
  store: Store;
  logger: Logger;
  clock?: () => Date;
  /** Backoff for connector calls; tests inject a sleep that does not wait. */
  retry?: RetryOptions;
  /** Outbound credentials; default MSAL client credentials from MicrosoftAppId/MicrosoftAppPassword. */
  credentialsFactory?: ServiceClientCredentialsFactory;
  maxBodyBytes?: number;
  /** See TeamsHttpDeps.authTimeoutMs. */
  authTimeoutMs?: number;
}

export interface TeamsBot {
  /** Give this to the engine: it posts handoffs and mirrors status into Teams conversations. */
  transport: TeamsTransport;
  /** Where the engine should send Teams handoffs when the core settings name no channel. */
  escalationDestination: string;
  /** False without an app id: Emulator mode, loopback only. */
  authenticated: boolean;
  /** The POST /api/messages handler, once the engine exists (the engine needs the transport first). */
  handler(engine: Engine, outbox?: OutboxDispatcher): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** Delivers stored replies as proactive messages (the outbox, after a failure or on another replica). */
  deliverer: Deliverer;
}

/**
 * Wires botbuilder for cpbot: CloudAdapter over ConfigurationBotFrameworkAuthentication (JWT checks on the
 * way in, MSAL tokens on the way out), the Teams transport, and the turn handler.
 */
export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const { config, store, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const retry: RetryOptions = { logger, ...options.retry };
  const auth = new ConfigurationBotFrameworkAuthentication(
    { ...botFrameworkOptions(config), ...cloudSettings(config.openIdMetadata) },
    options.credentialsFactory,
  );
  const adapter = new CloudAdapter(auth);
  const references = new ConversationReferences(store);

  adapter.onTurnError = async (ctx: TurnContext, error: Error) => {
    // The logger redacts tokens; the person gets a plain card, never the error's internals.
    logger.error("Teams turn failed", {
      error,
      status: statusOf(error),
      activity: ctx.activity?.id,
      type: ctx.activity?.type,
    });
    try {
      const code = error instanceof BotError ? error.code : "internal_error";
      await ctx.sendActivity(
        singleCardActivity(
          errorCard("Something went wrong on my side while handling that. It has been logged; please try again.", code),
        ),
      );
    } catch (sendError) {
      logger.warn("could not send the error card either", { error: sendError });
    }
  };

  const transport = new TeamsTransport({
    adapter,
    appId: config.appId ?? "",
    references,
    escalationChannel: async () =>
      (await references.escalationChannel())?.conversationId ?? config.escalationConversation,
    serviceUrl: config.serviceUrl,
    ...(config.tenantId ? { tenantId: config.tenantId } : {}),
    retry,
    logger,
    clock,
  });

  return {
    transport,
    escalationDestination: teamsEscalationAlias,
    authenticated: Boolean(config.appId),
    deliverer: teamsDeliverer(adapter, config.appId ?? "", { retry, logger }),
    handler(engine, outbox) {
      const onTurn = createTeamsTurn({
        engine,
        store,
        references,
        config,
        logger,
        retry,
        clock,
        ...(outbox ? { outbox } : {}),
      });
      return teamsHttpHandler({
        adapter,
        auth,
        onTurn,
        logger,
        authenticated: Boolean(config.appId),
        ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}),
        ...(options.authTimeoutMs ? { authTimeoutMs: options.authTimeoutMs } : {}),
        ping: () => store.ping(),
        onDatabaseDown: async (ctx) =>
          void (await sendCard(replyInTurn(ctx, retry), databaseDownCard("not-acted"), { retry, logger })),
      });
    },
  };
}
