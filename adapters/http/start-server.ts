import { loadConfig } from "../../src/config/load-config.ts";
import type { Logger } from "../../src/core/logger.ts";
import { createLogger, resolveLogFormat } from "../../src/core/logger.ts";
import type { OutboxDispatcher } from "../../src/delivery/outbox-dispatcher.ts";
import type { Engine } from "../../src/engine/create-engine.ts";
import type { Store } from "../../src/store/store.ts";
import { createHttpServer } from "./http-server.ts";
import type { PlatformAdapter, PlatformFactory } from "./platform-adapter.ts";

export interface StartServerOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  /** The platforms this build can serve; each turns itself on from the environment. */
  platforms: readonly PlatformFactory[];
  /** Overrides PORT (0: any free port). */
  port?: number;
  /** Overrides HOST. */
  host?: string;
  playbooksDir?: string;
  databaseUrl?: string;
  /** Where log lines go (stderr by default). */
  write?: (line: string) => void;
  /** `write` goes to a terminal: LOG_FORMAT=auto then logs pretty lines. */
  isTTY?: boolean;
  clock?: () => Date;
  /** How often stored handoffs that never reached their channel are posted again; default 5 minutes. */
  retryEveryMs?: number;
  /** How often due escalation reminders are looked for (default every 2 s; tests go faster). */
  reminderEveryMs?: number;
}

export interface RunningServer {
  /** Delivers every decided reply (see src/delivery/outbox-dispatcher.ts). */
  outbox: OutboxDispatcher;
  /** http://host:port of the shared server. */
  url: string;
  port: number;
  adapters: PlatformAdapter[];
  engine: Engine;
  store: Store;
  logger: Logger;
  /** What runs and where, one line each, for the start-up message. */
  summary: string[];
  /** Resolves when no platform is handling an event and no retry is running. */
  idle(): Promise<void>;
  /** Graceful stop: no new requests, events in progress finish, then the database closes. */
  close(): Promise<void>;
}

/**
 * The composition root of `cpbot serve`. It reads the settings (a bad one stops start-up before any port
 * opens), decides the address from them, and listens at once: /healthz answers (alive) while the rest
 * loads and starts behind it (compose-server.ts: playbooks, the database, the platforms, the engine), and
 * /readyz says "starting" until all of it is done; requests for the platforms' routes wait for it. A
 * failure on the way closes the port and rejects, as before.
 */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { env } = options;
  const config = loadConfig(env);
  const logger = createLogger({
    level: config.logLevel,
    moduleLevels: config.moduleLevels,
    format: resolveLogFormat(config.logFormat, options.write ? options.isTTY : process.stderr.isTTY),
    ...(options.write ? { write: options.write } : {}),
  });
  const requestedHost = options.host ?? (env.HOST?.trim() || undefined);
  const host = listenHost(options.platforms, env, requestedHost);
  let startupDone = () => {};
  let startupFailed: (error: unknown) => void = () => {};
  const starting = new Promise<void>((resolve, reject) => {
    startupDone = resolve;
    startupFailed = reject;
  });
  // The server and the requests it holds read the outcome; nothing else awaits this promise.
  starting.catch(() => {});
  const http = createHttpServer({ logger: logger.child({ module: "http" }), starting });
  const address = await http.listen(options.port ?? config.port, host);
  try {
    const { composeServer } = await import("./compose-server.ts");
    const running = await composeServer({ options, config, logger, http, port: address.port, host, requestedHost });
    startupDone();
    return running;
  } catch (error) {
    startupFailed(error);
    await http.close();
    throw error;
  }
}

/** The address the platforms need (Teams without authentication: loopback), or HOST as given. */
function listenHost(
  platforms: readonly PlatformFactory[],
  env: Record<string, string | undefined>,
  requestedHost: string | undefined,
): string | undefined {
  for (const factory of platforms) {
    const othersConfigured = platforms.some((other) => other !== factory && other.configured(env));
    const host = factory.listenHost?.(env, othersConfigured, requestedHost);
    if (host) return host;
  }
  return requestedHost;
}
