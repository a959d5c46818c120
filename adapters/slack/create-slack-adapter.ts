import { App, HTTPReceiver, type webApi } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";
import type { OutboxDispatcher } from "../../src/delivery/outbox-dispatcher.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import type { Store } from "../../src/store/store.ts";
import { CachedMembers } from "../http/cached-members.ts";
import type { Route } from "../http/http-server.ts";
import type { PlatformAdapter } from "../http/platform-adapter.ts";
import type { DeliverDeps } from "./deliver-reply.ts";
import { deliveryClient } from "./delivery-client.ts";
import { answerCommandsDirectly } from "./direct-commands.ts";
import { holdEventsWhileDatabaseDown } from "./hold-events-while-database-down.ts";
import { InFlight } from "./in-flight.ts";
import { onAction } from "./on-action.ts";
import { onAppHomeOpened } from "./on-app-home-opened.ts";
import { onCommand } from "./on-command.ts";
import { onEscalateView } from "./on-escalate-view.ts";
import { onMessageEvents } from "./on-message-events.ts";
import { onMessageShortcut } from "./on-message-shortcut.ts";
import { onStationMessageView } from "./on-station-message-view.ts";
import { RecentIds } from "./recent-ids.ts";
import { respondToUrl } from "./respond-to-url.ts";
import { slackDeliverer } from "./send-reply.ts";
import type { SlackConfig } from "./slack-config.ts";
import { checkSlackIdentity } from "./slack-identity.ts";
import type { SlackIdentity } from "./slack-listener-deps.ts";
import { slackLogger } from "./slack-logger.ts";
import { slackChannelMembers } from "./slack-members.ts";
import { guardSlackRequests, slackBodyLimit, verifiedOnly } from "./slack-request-guard.ts";
import { routeSlackRequests } from "./slack-router.ts";
import { SlackTransport } from "./slack-transport.ts";

/** Slack's request URL path for events, slash commands and interactivity alike (the manifest uses it). */
export const slackEventsPath = "/slack/events";

export interface SlackAdapterOptions {
  config: SlackConfig;
  store: Store;
  logger: Logger;
  /** Who the bot is; when absent, auth.test runs once here (and a bad token stops start-up). */
  identity?: SlackIdentity;
  /** Where handoffs really go when CPBOT_ESCALATION_DESTINATION overrides SLACK_ESCALATION_CHANNEL. */
  handoffChannel?: string;
  /** WebClient options on top of the defaults (tests turn retries off: `retryConfig: { retries: 0 }`). */
  clientOptions?: Omit<webApi.WebClientOptions, "logger" | "slackApiUrl">;
  /** How long one reply delivery call may take (a third of the outbox lease); clientOptions.timeout wins. */
  deliveryTimeoutMs?: number;
}

export interface SlackAdapter extends PlatformAdapter {
  app: App;
  transport: SlackTransport;
  identity: SlackIdentity;
  idle(): Promise<void>;
}

/**
 * Builds cpbot's Slack side: a Bolt App with an HTTPReceiver whose requestListener the shared HTTP server
 * mounts (or Socket Mode when SLACK_APP_TOKEN is set), the transport for escalations, and the listeners.
 * The production WebClient keeps Slack's retry policy, which waits out a 429's Retry-After.
 */
export async function createSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const { config, logger } = options;
  const boltLogger = slackLogger(logger);
  const clientOptions: webApi.WebClientOptions = {
    ...options.clientOptions,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
  };
  const identity = options.identity ?? (await checkSlackIdentity(config, { ...clientOptions, logger: boltLogger }));
  // botId and botUserId are known, so Bolt makes no auth.test call of its own.
  const common = {
    token: config.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    logger: boltLogger,
    clientOptions,
    // Bolt's conversation store keeps per-conversation state in memory for context.conversation, which
    // cpbot never reads (its sessions are in the database); for every new conversation it built and threw
    // an Error ("Conversation not found"), stack trace and all, on each event.
    convoStore: false as const,
  };
  let receiver: HTTPReceiver | undefined;
  let app: App;
  if (config.mode === "socket") {
    app = new App({ ...common, socketMode: true, appToken: config.appToken as string });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: config.signingSecret as string,
      endpoints: [slackEventsPath],
      logger: boltLogger,
      // Events are acknowledged before the listeners run, so a slow reply never makes Slack retry.
      processBeforeResponse: false,
      bodyLimit: slackBodyLimit,
      // guardSlackRequests has checked the signature over these very bytes; the listener below refuses
      // any request that did not pass it (verifiedOnly), so Bolt need not compute it again.
      signatureVerification: false,
    });
    app = new App({ ...common, receiver });
  }
  const transport = new SlackTransport({
    client: app.client,
    escalationChannel: options.handoffChannel ?? config.escalationChannel,
    logger,
  });
  // Replies go through the outbox, which retries with its own backoff: this client fails fast (no retries
  // of its own, a 429 comes back as an error with its Retry-After) instead of holding a delivery for minutes.
  const deliveryTimeoutMs = options.clientOptions?.timeout ?? options.deliveryTimeoutMs ?? 10_000;
  const delivery: DeliverDeps = {
    client: deliveryClient({
      token: config.botToken,
      ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
      timeoutMs: deliveryTimeoutMs,
    }),
    logger,
    respond: respondToUrl(deliveryTimeoutMs),
  };
  const inFlight = new InFlight();
  const membersOf = options.handoffChannel ?? config.escalationChannel;
  const members = new CachedMembers(() => slackChannelMembers(app.client, membersOf), { channel: membersOf }, logger);
  const name = identity.botName ? `@${identity.botName} (${identity.botUserId})` : `@${identity.botUserId}`;
  const who = `${name}${identity.team ? ` in ${identity.team}` : ""}`;

  return {
    platform: "slack",
    app,
    transport,
    identity,
    escalationDestination: config.escalationChannel,
    members,
    deliverer: slackDeliverer(delivery),
    summary:
      config.mode === "socket"
        ? `Slack (Socket Mode) as ${who}; escalations to channel ${config.escalationChannel}`
        : `Slack (HTTP) as ${who}: POST ${slackEventsPath} for events, /cp and buttons; escalations to channel ${config.escalationChannel}`,
    connect(engine: Engine, _listen?: unknown, outbox?: OutboxDispatcher): Route[] {
      const deps = {
        delivery,
        ...(outbox ? { outbox } : {}),
        engine,
        store: options.store,
        client: app.client,
        logger,
        identity,
        inFlight,
        recent: new RecentIds(),
        links: transport.links,
        command: config.command,
      };
      const command = onCommand(deps);
      routeSlackRequests(app, {
        ...onMessageEvents(deps),
        command,
        action: onAction(deps),
        stationMessageView: onStationMessageView(deps),
        homeOpened: onAppHomeOpened(deps),
        askShortcut: onMessageShortcut(deps),
        escalateView: onEscalateView(deps),
      });
      app.error(async (error) => {
        logger.error("Slack listener failed", { code: error.code, error });
      });
      if (!receiver) return [];
      const store = options.store;
      const listener = holdEventsWhileDatabaseDown(
        { ping: () => store.ping(), client: app.client, delivery, logger, inFlight, botUserId: identity.botUserId },
        answerCommandsDirectly(command, logger, verifiedOnly(receiver.requestListener, logger)),
      );
      const guarded = guardSlackRequests({ signingSecret: config.signingSecret as string, logger }, listener);
      return [{ method: "POST", path: slackEventsPath, handle: guarded }];
    },
    async start() {
      if (config.mode === "socket") await app.start();
    },
    async stop() {
      if (config.mode === "socket") await app.stop();
      await inFlight.idle();
    },
    idle: () => inFlight.idle(),
  };
}
