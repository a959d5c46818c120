import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../../src/core/logger.ts";
import type { BotMetrics } from "../../src/metrics/bot-metrics.ts";
import { metricsRoute } from "./metrics-route.ts";
import { type ReadinessCheck, readinessRoute } from "./readiness.ts";
import { send } from "./send-json.ts";

/** How long one request may take to arrive in full (headers and body). */
export const requestTimeoutMs = 15_000;

/** One endpoint: Slack's POST /slack/events, Teams' POST /api/messages, … */
export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  path: string;
  /** May return a promise; a rejection becomes a 500. */
  handle(req: IncomingMessage, res: ServerResponse): unknown;
}

/** What `cpbot serve` mounts once start-up is done (or at once, when given to createHttpServer). */
export interface ServedParts {
  routes: readonly Route[];
  /** Extra fields for GET /healthz; throwing (or rejecting) makes the answer 503 (the database is gone, say). */
  health?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Counts every request and serves GET /metrics. */
  metrics?: BotMetrics;
  /** When set, GET /metrics asks for `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** What GET /readyz checks (database, playbooks, platforms); all must pass. */
  readiness?: readonly ReadinessCheck[];
}

export interface HttpServerOptions extends Partial<ServedParts> {
  logger: Logger;
  /**
   * Start-up still under way (serve listens before it loads the engine, the store and the platforms): until
   * it settles /healthz says "starting" (alive), /readyz answers 503 "starting", and any other request
   * waits for it, then is routed, or gets 503 if start-up failed. Resolve it after `mount`.
   */
  starting?: Promise<void>;
}

export interface HttpServer {
  server: Server;
  /** Starts listening; port 0 picks a free port (tests). */
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Adds the routes, health details, metrics and readiness checks (once start-up has built them). */
  mount(parts: ServedParts): void;
  /** Stops accepting, lets requests in progress finish (up to `graceMs`), then drops what is left. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The one HTTP server of `cpbot serve`: a small route table shared by the platforms, GET /healthz for
 * load balancers and orchestrators, 404 for anything else. Paths match exactly; a query string is ignored.
 */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger } = options;
  const table = new Map<string, Map<string, Route>>();
  const add = (route: Route) => {
    const byMethod = table.get(route.path) ?? new Map<string, Route>();
    if (byMethod.has(route.method)) throw new Error(`Two routes for ${route.method} ${route.path}`);
    byMethod.set(route.method, route);
    table.set(route.path, byMethod);
  };
  // Responses in progress, so a graceful close can end their connections once they are answered.
  const active = new Set<ServerResponse>();
  let closing = false;
  let started = options.starting === undefined;
  let startFailed = false;
  options.starting?.then(
    () => {
      started = true;
    },
    () => {
      startFailed = true;
    },
  );
  let served: Omit<ServedParts, "routes"> = {};
  const checks: ReadinessCheck[] = [];
  add({
    method: "GET",
    path: "/healthz",
    handle: (_req, res) => (started ? health(res, served.health) : send(res, 200, starting())),
  });
  add(
    readinessRoute(
      checks,
      () => closing,
      () => !started,
    ),
  );
  const mount = (parts: ServedParts) => {
    served = parts;
    checks.push(...(parts.readiness ?? []));
    if (parts.metrics) add(metricsRoute(parts.metrics.registry, parts.metricsToken));
    for (const route of parts.routes) add(route);
  };
  if (options.routes) mount({ ...options, routes: options.routes });

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = pathOf(req.url);
    if (!started && path !== "/healthz" && path !== "/readyz") {
      // Not lost and not a 404 that would make Slack give up: held until the routes exist.
      options.starting?.then(
        () => handle(req, res),
        () => send(res, 503, { error: "unavailable", message: "cpbot could not start; see its log" }),
      );
      return;
    }
    if (startFailed) {
      send(res, 503, { error: "unavailable", message: "cpbot could not start; see its log" });
      return;
    }
    const { metrics } = served;
    if (metrics) countRequest(metrics, path, req, res, table);
    active.add(res);
    res.on("close", () => {
      active.delete(res);
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
    if (closing) res.shouldKeepAlive = false;
    const byMethod = table.get(path);
    const method = req.method === "HEAD" ? "GET" : (req.method ?? "GET");
    const route = byMethod?.get(method);
    if (!byMethod) {
      send(res, 404, { error: "not_found", message: `Nothing here: ${req.method} ${path}` });
      return;
    }
    if (!route) {
      res.setHeader("allow", [...byMethod.keys()].join(", "));
      send(res, 405, { error: "method_not_allowed", message: `Use ${[...byMethod.keys()].join(" or ")}` });
      return;
    }
    // A request id ties every line about one request together; a proxy's X-Request-Id is kept.
    const given = req.headers["x-request-id"];
    const reqId = typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    res.setHeader("x-request-id", reqId);
    // The id as a field of each line, not a child logger: a child per request was garbage for two lines.
    logger.debug("http request", { reqId, method: req.method, path });
    Promise.resolve()
      .then(() => route.handle(req, res))
      .catch((error: unknown) => {
        logger.error("http route failed", { reqId, method: req.method, path, error });
        if (!res.headersSent) send(res, 500, { error: "internal_error", message: "The request could not be handled" });
        else res.end();
      });
  };
  const server = createServer(handle);

  // Node's defaults let a slow sender hold a socket for 300 s; no platform takes longer than a few seconds
  // to send its request.
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = Math.min(server.headersTimeout, requestTimeoutMs);
  return {
    server,
    mount,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once("error", onError);
        server.listen(port, host, () => {
          server.off("error", onError);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    close(graceMs = 10_000) {
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        closing = true;
        // A keep-alive connection would hold close() open until it times out: answer the requests in
        // progress with Connection: close, and drop connections that are idle.
        for (const res of active) if (!res.headersSent) res.shouldKeepAlive = false;
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}

/** One sample per answered request; unknown paths share one label so a scan cannot create thousands. */
function countRequest(
  metrics: BotMetrics,
  path: string,
  req: IncomingMessage,
  res: ServerResponse,
  table: Map<string, Map<string, Route>>,
): void {
  const started = process.hrtime.bigint();
  res.once("finish", () => {
    const labels = { route: table.has(path) ? path : "unmatched", method: req.method ?? "GET", status: res.statusCode };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  });
}

/** A path of plain segments (letters, digits, _ and -), which URL parsing would return unchanged. */
const plainPath = /^\/(?:[\w-]+\/)*[\w-]*$/;

export function pathOf(url: string | undefined): string {
  // Every platform request takes this branch; only an unusual URL (a query, dots, escapes) is parsed.
  if (url !== undefined && plainPath.test(url)) return url;
  try {
    return new URL(url ?? "/", "http://localhost").pathname;
  } catch {
    return "/";
  }
}

/** /healthz while start-up is under way: the process is alive; /readyz says when it can take traffic. */
const starting = () => ({ status: "ok", starting: true, uptimeSeconds: Math.round(process.uptime()) });

async function health(res: ServerResponse, extra: HttpServerOptions["health"]): Promise<void> {
  try {
    send(res, 200, { status: "ok", uptimeSeconds: Math.round(process.uptime()), ...((await extra?.()) ?? {}) });
  } catch {
    // The reason stays in the log of whatever failed; a health probe is public and needs only the verdict.
    send(res, 503, { status: "unavailable" });
  }
}
