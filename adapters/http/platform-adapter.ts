import type { Platform } from "../../src/core/bot-event.ts";
import type { Logger } from "../../src/core/logger.ts";
import type { Transport } from "../../src/core/transport.ts";
import type { Deliverer, OutboxDispatcher } from "../../src/delivery/outbox-dispatcher.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import type { Matcher } from "../../src/matcher/match-result.ts";
import type { PlaybookRegistry } from "../../src/playbooks/playbook-registry.ts";
import type { Store } from "../../src/store/store.ts";
import type { Route } from "./http-server.ts";

/**
 * The seam between `cpbot serve` and a chat platform. serve builds each enabled platform's adapter, hands
 * their transports to one engine, mounts their routes on the one HTTP server, then starts them. Adding a
 * platform is one PlatformFactory in adapters/cli/commands/serve.ts.
 */
export interface PlatformAdapter {
  platform: Platform;
  /** How the engine posts escalation handoffs and mirrored status into this platform's conversations. */
  transport: Transport;
  /** This platform's escalation channel, used unless CPBOT_ESCALATION_DESTINATION names one for all. */
  escalationDestination?: string;
  /** Membership of this platform's escalation channel, cached briefly (who may act on escalations). */
  members?: { isMember(userId: string): Promise<boolean> };
  /** An address the HTTP server must bind to (Teams without authentication: loopback only). */
  host?: string;
  /** Delivers this platform's stored replies (the outbox calls it, on whichever replica takes the row). */
  deliverer?: Deliverer;
  /**
   * Registers the engine and returns the HTTP routes to mount (none in Slack's Socket Mode). `listen` is
   * where the server is about to listen, for adapters whose routes depend on it (the console); `outbox`
   * delivers the replies the engine queues.
   */
  connect(engine: Engine, listen?: ListenAddress, outbox?: OutboxDispatcher): Route[];
  /** After the server listens: open outgoing connections (Socket Mode). */
  start?(): Promise<void>;
  /** Stop taking events and wait for those being handled. */
  stop?(): Promise<void>;
  /** Resolves when no event is being handled (tests, graceful shutdown). */
  idle?(): Promise<void>;
  /** One line for the start-up message: what runs and where (never a secret). */
  summary: string;
  /** A page a person opens in a browser (the console), printed with the server's address after `summary`. */
  page?: string;
}

/** Where the one HTTP server listens; host undefined means all interfaces. */
export interface ListenAddress {
  host?: string;
}

export interface PlatformDeps {
  env: Record<string, string | undefined>;
  store: Store;
  logger: Logger;
  clock: () => Date;
  /** HOST as the operator set it. */
  requestedHost?: string;
  /** The playbooks and the matcher the engine uses (the console shows them and explains matches). */
  registry: PlaybookRegistry;
  matcher: Matcher;
  /** Another platform has credentials (Teams stays off without its own then, instead of Emulator mode). */
  othersConfigured: boolean;
}

export interface PlatformFactory {
  name: Platform;
  /** The platform's credentials are in the environment (names only are read here, never printed). */
  configured(env: Record<string, string | undefined>): boolean;
  /**
   * The address the server must listen on when this platform runs (Teams without authentication:
   * loopback), decided from the settings alone because the server listens before any adapter is built;
   * undefined: no requirement. Throws BotError "config_invalid" when HOST cannot be allowed.
   */
  listenHost?(
    env: Record<string, string | undefined>,
    othersConfigured: boolean,
    requestedHost: string | undefined,
  ): string | undefined;
  /** Builds the adapter; undefined when the platform stays off. Throws BotError "config_invalid" on bad settings. */
  create(deps: PlatformDeps): Promise<PlatformAdapter | undefined>;
}
