import { auditedEngine } from "../../src/audit/audited-engine.ts";
import { type CoreConfig, loadConfig } from "../../src/config/load-config.ts";
import { createLogger, type Logger, resolveLogFormat } from "../../src/core/logger.ts";
import type { Transport } from "../../src/core/transport.ts";
import { createEngine, type Engine } from "../../src/engine/create-engine.ts";
import { cachedMatcher } from "../../src/matcher/cached-matcher.ts";
import { loadRegistry, type PlaybookRegistry } from "../../src/playbooks/playbook-registry.ts";
import { openStore } from "../../src/store/open-store.ts";
import type { Store } from "../../src/store/store.ts";

export interface BootOptions {
  env: Record<string, string | undefined>;
  cwd: string;
  transport: Transport;
  /** ":memory:" for a run that must leave nothing behind (`cpbot ask`); default DATABASE_URL. */
  databaseUrl?: string;
  playbooksDir?: string;
  /** Where no escalation channel is configured, handoffs go here (the terminal prints them). */
  defaultEscalationDestination?: string;
  /** Log level when LOG_LEVEL is unset; interactive commands keep the terminal quiet. */
  defaultLogLevel?: CoreConfig["logLevel"];
  write?: (line: string) => void;
  clock?: () => Date;
}

export interface Booted {
  engine: Engine;
  store: Store;
  registry: PlaybookRegistry;
  config: CoreConfig;
  logger: Logger;
  close(): Promise<void>;
}

/**
 * The composition root shared by the terminal commands: config → playbooks → matcher → store → engine.
 * A bad setting, a broken playbook or an unusable database throws a BotError whose message is the full
 * report; the command prints it and exits 1.
 */
export async function bootEngine(options: BootOptions): Promise<Booted> {
  const config = loadConfig(options.env);
  const level = options.env.LOG_LEVEL?.trim() ? config.logLevel : (options.defaultLogLevel ?? config.logLevel);
  const logger = createLogger({
    level,
    moduleLevels: config.moduleLevels,
    format: resolveLogFormat(config.logFormat, options.write ? false : process.stderr.isTTY),
    ...(options.write ? { write: options.write } : {}),
  });
  const registry = options.playbooksDir ? loadRegistry(options.playbooksDir) : loadRegistry();
  const matcher = cachedMatcher(registry.all());
  const store = await openStore(options.databaseUrl ?? config.databaseUrl, {
    cwd: options.cwd,
    synchronous: config.sqliteSynchronous,
  });
  const destination = config.escalationDestination ?? options.defaultEscalationDestination;
  const decided = createEngine({
    registry,
    matcher,
    store,
    transport: options.transport,
    config: { lowConfidence: config.lowConfidence, ...(destination ? { escalationDestination: destination } : {}) },
    clock: options.clock ?? (() => new Date()),
    logger,
  });
  const engine = auditedEngine(decided, store, options.clock ?? (() => new Date()), logger);
  return { engine, store, registry, config, logger, close: () => store.close() };
}
