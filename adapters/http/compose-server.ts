import { auditedEngine } from "../../src/audit/audited-engine.ts";
import { recordReload, recordStart } from "../../src/audit/record-start.ts";
import type { CoreConfig } from "../../src/config/load-config.ts";
import { formatDuration } from "../../src/config/parse-duration.ts";
import { BotError } from "../../src/core/bot-error.ts";
import type { Logger } from "../../src/core/logger.ts";
import { defaultPlaybooksDir, defaultTemplatesDir } from "../../src/core/paths.ts";
import { defaultOutboxSettings, OutboxDispatcher } from "../../src/delivery/outbox-dispatcher.ts";
import { createEngine } from "../../src/engine/create-engine.ts";
import { cachedMatcher } from "../../src/matcher/cached-matcher.ts";
import { createBotMetrics } from "../../src/metrics/bot-metrics.ts";
import { observeStore } from "../../src/metrics/observe-store.ts";
import { formatLintReport } from "../../src/playbooks/lint-playbooks.ts";
import { lintTemplates } from "../../src/playbooks/lint-templates.ts";
import { LivePlaybooks } from "../../src/playbooks/live-playbooks.ts";
import { loadRegistry } from "../../src/playbooks/playbook-registry.ts";
import { templatesCached, templatesDir } from "../../src/render/card-templates.ts";
import { openStore } from "../../src/store/open-store.ts";
import { watchPlaybooks } from "../cli/watch-playbooks.ts";
import { startReminderTimer } from "./escalation-reminder-timer.ts";
import type { HttpServer } from "./http-server.ts";
import { retryPendingDeliveries } from "./pending-deliveries.ts";
import type { PlatformAdapter } from "./platform-adapter.ts";
import { platformMembers } from "./platform-members.ts";
import { engineEscalationDestination, PlatformTransport } from "./platform-transport.ts";
import { startRetention } from "./retention-job.ts";
import { platformsReady, playbookCount, settleWithin } from "./server-checks.ts";
import type { RunningServer, StartServerOptions } from "./start-server.ts";

/** What start-server.ts has done before the rest of start-up is loaded: settings read, the port open. */
export interface Listening {
  options: StartServerOptions;
  config: CoreConfig;
  logger: Logger;
  http: HttpServer;
  /** The port the server listens on, and the address it shows (undefined: all interfaces). */
  port: number;
  host: string | undefined;
  requestedHost: string | undefined;
}

/**
 * The rest of `cpbot serve`'s start, behind the open port: playbooks and templates (a broken one stops
 * start-up with the lint report) → the database → the enabled platforms → one engine over their transports
 * → their routes mounted on the server. Stored escalations that never reached their channel are posted at
 * start and then every few minutes. Until this resolves /readyz says "starting" (see http-server.ts).
 */
export async function composeServer(listening: Listening): Promise<RunningServer> {
  const { options, config, logger, http, host, requestedHost } = listening;
  const { env } = options;
  const clock = options.clock ?? (() => new Date());
  const registry = options.playbooksDir ? loadRegistry(options.playbooksDir) : loadRegistry();
  // Templates the build cache holds precompiled passed these checks when stored; only others are linted.
  const templates = templatesCached(defaultTemplatesDir) ? { problems: [] } : lintTemplates();
  if (templates.problems.length > 0) {
    throw new BotError(
      `The card templates have problems; fix them and start again.\n\n${formatLintReport(templates.problems)}`,
      "templates_invalid",
    );
  }
  // One matcher, built from the build cache when the playbooks are unchanged; the engine reads it from here.
  // A damaged build-cache file is reported in the server's log and rebuilt, never a failed start.
  const live = new LivePlaybooks(registry, options.playbooksDir ?? defaultPlaybooksDir, templatesDir(), (r) =>
    cachedMatcher(r.all(), {}, undefined, (message) => logger.child({ module: "matcher" }).warn(message)),
  );
  const matcher = live.matcher;
  const store = await openStore(options.databaseUrl ?? config.databaseUrl, {
    cwd: options.cwd,
    synchronous: config.sqliteSynchronous,
  });
  const adapters: PlatformAdapter[] = [];
  let stopTimer = () => {};
  let started = false;
  const metrics = createBotMetrics(store);
  try {
    for (const factory of options.platforms) {
      const othersConfigured = options.platforms.some((other) => other !== factory && other.configured(env));
      const adapter = await factory.create({
        env,
        store,
        logger: logger.child({ module: factory.name }),
        clock,
        othersConfigured,
        registry,
        matcher,
        ...(requestedHost ? { requestedHost } : {}),
      });
      if (adapter) adapters.push(adapter);
    }
    if (adapters.length === 0) {
      throw new BotError(
        "No chat platform is configured, so there is nothing to serve. Set SLACK_BOT_TOKEN (and the other SLACK_ settings) for Slack, or MicrosoftAppId for Teams (see .env.example); `cpbot chat` runs the bot in the terminal without either.",
        "config_invalid",
      );
    }
    const escalationDestination = engineEscalationDestination(config.escalationDestination, adapters);
    const transport = new PlatformTransport(adapters);
    const outbox = new OutboxDispatcher({
      store,
      transport,
      deliverers: Object.fromEntries(adapters.flatMap((a) => (a.deliverer ? [[a.platform, a.deliverer]] : []))),
      settings: {
        ...defaultOutboxSettings(),
        leaseMs: config.outboxLeaseMs,
        giveUpAfterMs: config.outboxGiveUpMs,
        markGatherMs: config.outboxMarkGatherMs,
      },
      clock,
      logger: logger.child({ module: "outbox" }),
      counters: {
        delivered: (platform) => metrics.outbox.delivered.inc({ platform }),
        retried: (platform) => metrics.outbox.retried.inc({ platform }),
        dead: (platform) => metrics.outbox.dead.inc({ platform }),
      },
    });
    const decided = createEngine({
      // Getters, so a hot reload of playbooks/ and templates/ reaches the next turn without a restart.
      get registry() {
        return live.registry;
      },
      get matcher() {
        return live.matcher;
      },
      store: observeStore(store, metrics),
      transport,
      config: {
        lowConfidence: config.lowConfidence,
        responders: config.responders,
        rateLimitPerMinute: config.rateLimitPerMinute,
        ...(escalationDestination ? { escalationDestination } : {}),
      },
      members: platformMembers(adapters),
      clock,
      logger: logger.child({ module: "engine" }),
      outbox,
    });
    const engine = auditedEngine(decided, store, clock, logger.child({ module: "audit" }));
    await recordStart(store, clock, live, config);
    const stopWatching = watchPlaybooks(live, logger.child({ module: "playbooks" }), (outcome) => {
      if (!outcome.ok) return;
      recordReload(store, clock, live).catch((error) => logger.warn("could not audit the reload", { error }));
    });
    // The listen address was decided from the settings before the platforms were built; they must agree.
    const required = adapters.find((a) => a.host && a.host !== host);
    if (required) {
      throw new BotError(
        `${required.platform} must listen on ${required.host}, not ${host ?? "all interfaces"}`,
        "config_invalid",
      );
    }
    // Trained (or read from the cache) before the server says it is ready, so the first question is not
    // the slow one.
    matcher.warmUp?.();
    http.mount({
      routes: adapters.flatMap((a) => a.connect(engine, host ? { host } : {}, outbox)),
      health: async () => {
        try {
          // Goes through the store's checks, the database file's identity included.
          return {
            platforms: adapters.map((a) => a.platform),
            pendingEscalations: (await store.listPendingDeliveries()).length,
          };
        } catch (error) {
          logger.error("health check failed", { error });
          throw error;
        }
      },
      metrics,
      ...(config.metricsToken ? { metricsToken: config.metricsToken } : {}),
      readiness: [
        { name: "database", check: async () => void (await store.listPendingDeliveries()) },
        { name: "playbooks", check: () => playbookCount(registry.all().length) },
        { name: "platforms", check: () => platformsReady(started, adapters) },
      ],
    });
    for (const adapter of adapters) await adapter.start?.();
    started = true;
    // Replies this or a dead replica decided but did not deliver: due ones go out now, the rest when due.
    outbox.start();

    const retries = retryPendingDeliveries(engine, options.retryEveryMs ?? 5 * 60_000, logger, {
      pending: async () => (await store.listPendingDeliveries(new Date().toISOString())).length,
      retried: (n) => metrics.deliveryRetries.inc(n),
      failed: (n) => metrics.deliveryFailures.inc(n),
    });
    const retention = config.retainQuestionsDays
      ? startRetention({
          store,
          days: config.retainQuestionsDays,
          clock,
          logger: logger.child({ module: "store" }),
        })
      : undefined;
    const reminders = config.remindAfterMs
      ? startReminderTimer(engine, config.remindAfterMs, logger.child({ module: "reminders" }), options.reminderEveryMs)
      : undefined;
    stopTimer = () => {
      retries.stop();
      retention?.stop();
      reminders?.stop();
      void outbox.stop();
    };

    const shownHost = !host || host === "0.0.0.0" || host === "::" ? "localhost" : host;
    const url = `http://${shownHost.includes(":") ? `[${shownHost}]` : shownHost}:${listening.port}`;
    const idle = async () => {
      await Promise.all(adapters.map((a) => a.idle?.()));
      await retries.settled();
      await retention?.settled();
      await reminders?.settled();
      await outbox.idle();
    };
    let closing: Promise<void> | undefined;
    return {
      url,
      port: listening.port,
      adapters,
      engine,
      outbox,
      store,
      logger,
      summary: [
        `cpbot serve: listening on ${url} (GET /healthz, /readyz, /metrics), ${registry.all().length} playbooks, database ${options.databaseUrl ?? config.databaseUrl}`,
        ...adapters.map((a) => (a.page ? `${a.summary}: ${url}${a.page}` : a.summary)),
        ...(config.remindAfterMs
          ? [`Escalation reminders: after ${formatDuration(config.remindAfterMs)} unclaimed or idle`]
          : []),
      ],
      idle,
      close() {
        closing ??= (async () => {
          // Stop accepting, let requests and events in progress finish within the grace period, then close
          // the database. Handoffs not yet delivered are already stored and are retried by the next start.
          const graceMs = config.shutdownGraceMs;
          const deadline = Date.now() + graceMs;
          stopTimer();
          stopWatching();
          await http.close(graceMs);
          for (const adapter of adapters) await adapter.stop?.();
          const finished = await settleWithin(idle(), Math.max(0, deadline - Date.now()));
          if (!finished) logger.warn("shutdown grace period over; closing with work still in progress", { graceMs });
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    stopTimer();
    for (const adapter of adapters) await adapter.stop?.().catch(() => {});
    await store.close();
    throw error;
  }
}
