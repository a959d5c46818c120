import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServer } from "../../../adapters/http/http-server.ts";
import { retryPendingDeliveries } from "../../../adapters/http/pending-deliveries.ts";
import { createLogger } from "../../../src/core/logger.ts";
import type { Engine } from "../../../src/engine/create-engine.ts";
import { createBotMetrics } from "../../../src/metrics/bot-metrics.ts";
import { observeStore } from "../../../src/metrics/observe-store.ts";
import { openSqliteStore } from "../../../src/store/sqlite-store.ts";
import type { Store } from "../../../src/store/store.ts";

let server: HttpServer | undefined;
let store: Store | undefined;
afterEach(async () => {
  await server?.close();
  await store?.close();
  server = undefined;
  store = undefined;
});

const lines: string[] = [];
const logger = createLogger({ level: "debug", write: (line) => lines.push(line) });

async function start(options: Partial<Parameters<typeof createHttpServer>[0]> = {}) {
  store = openSqliteStore(":memory:");
  const metrics = createBotMetrics(store);
  server = createHttpServer({
    routes: [
      { method: "POST", path: "/slack/events", handle: (_req, res) => res.end("ok") },
      {
        method: "POST",
        path: "/boom",
        handle: () => {
          throw new Error("route failed", { cause: new Error("the database went away") });
        },
      },
    ],
    logger,
    metrics,
    ...options,
  });
  const address = await server.listen(0, "127.0.0.1");
  return { url: `http://127.0.0.1:${address.port}`, metrics, store };
}

const event = (type: "match" | "abstain" | "question", playbook?: string) => ({
  type,
  at: "2026-01-01T00:00:00.000Z",
  platform: "slack" as const,
  ...(playbook ? { playbook } : {}),
});

describe("GET /metrics", () => {
  it("counts requests by matched route, method and status, with a duration histogram", async () => {
    const { url } = await start();
    await fetch(`${url}/slack/events`, { method: "POST" });
    await fetch(`${url}/slack/events`, { method: "POST" });
    await fetch(`${url}/wp-login.php`);
    await fetch(`${url}/boom`, { method: "POST" });
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('http_requests_total{route="/slack/events",method="POST",status="200"} 2');
    expect(text).toContain('http_requests_total{route="unmatched",method="GET",status="404"} 1');
    expect(text).toContain('http_requests_total{route="/boom",method="POST",status="500"} 1');
    expect(text).toMatch(
      /http_request_duration_seconds_bucket\{le="0\.005",route="\/slack\/events",method="POST",status="200"\} \d/,
    );
    expect(text).toContain("nodejs_eventloop_lag_seconds");
    expect(text).toContain("process_resident_memory_bytes");
    // The failing route's log line keeps the cause and the request id.
    const failure = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === "http route failed");
    expect(failure).toMatchObject({ error: { message: "route failed", cause: { message: "the database went away" } } });
    expect(typeof failure?.reqId).toBe("string");
  });

  it("counts matcher outcomes and playbook hits from the events the engine stores, and escalations by state", async () => {
    const { url, metrics, store } = await start();
    const observed = observeStore(store, metrics);
    observed.recordEvent(event("question"));
    observed.recordEvent(event("match", "offline-station"));
    observed.recordEvent(event("match", "offline-station"));
    observed.recordEvent(event("abstain"));
    expect(await store.listEvents()).toHaveLength(4);
    const text = await (await fetch(`${url}/metrics`)).text();
    expect(text).toContain('cpbot_matcher_outcomes_total{outcome="match"} 2');
    expect(text).toContain('cpbot_matcher_outcomes_total{outcome="abstain"} 1');
    expect(text).toContain('cpbot_playbook_hits_total{playbook="offline-station"} 2');
    expect(text).toContain('cpbot_escalations{state="open"} 0');
    expect(text).toContain("cpbot_pending_deliveries 0");
  });

  it("asks for the bearer token when METRICS_TOKEN is set", async () => {
    const { url } = await start({ metricsToken: "a-long-enough-metrics-token" });
    const refused = await fetch(`${url}/metrics`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).not.toContain("http_requests_total");
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer a-long-enough-metrics-tokeX" } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`${url}/metrics`, { headers: { authorization: "Bearer a-long-enough-metrics-token" } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
  });

  it("counts delivery retries and the ones that still failed", async () => {
    store = openSqliteStore(":memory:");
    const metrics = createBotMetrics(store);
    let pending = 3;
    // Of three stored handoffs, the retry delivers two.
    const engine = {
      retryPendingDeliveries: async () => {
        pending = 1;
      },
    } as unknown as Engine;
    const sweeps = retryPendingDeliveries(engine, 60_000, logger, {
      pending: () => pending,
      retried: (n) => metrics.deliveryRetries.inc(n),
      failed: (n) => metrics.deliveryFailures.inc(n),
    });
    await sweeps.settled();
    sweeps.stop();
    const text = await metrics.registry.metrics();
    expect(text).toContain("cpbot_delivery_retries_total 3");
    expect(text).toContain("cpbot_delivery_failures_total 1");
  });
});

describe("GET /readyz", () => {
  it("is ready when every check passes, and says which one fails without the reason", async () => {
    let databaseUp = true;
    const { url } = await start({
      readiness: [
        {
          name: "database",
          check: () => {
            if (!databaseUp) throw new Error("SQLITE_CANTOPEN /var/lib/secret.db");
          },
        },
        { name: "playbooks", check: () => 20 },
      ],
    });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", checks: { database: "ok", playbooks: 20 } });
    databaseUp = false;
    const failing = await fetch(`${url}/readyz`);
    expect(failing.status).toBe(503);
    const body = await failing.text();
    expect(JSON.parse(body)).toEqual({ status: "not_ready", checks: { database: "failing", playbooks: 20 } });
    expect(body).not.toContain("secret");
  });

  it("answers 503 stopping once a graceful close has begun, while a slow request still finishes", async () => {
    let release: () => void = () => {};
    const { url } = await start({
      routes: [
        {
          method: "POST",
          path: "/slow",
          handle: (_req, res) =>
            new Promise<void>((resolve) => {
              release = () => {
                res.end("finished");
                resolve();
              };
            }),
        },
      ],
    });
    const slow = fetch(`${url}/slow`, { method: "POST" }).then((r) => r.text());
    await new Promise((r) => setTimeout(r, 50));
    const closing = server!.close(5000);
    const readyz = await fetch(`${url}/readyz`).then(
      (r) => r.status,
      () => "refused",
    );
    // New connections are refused once the listener closed; either way nothing new is accepted as ready.
    expect([503, "refused"]).toContain(readyz);
    release();
    expect(await slow).toBe("finished");
    await closing;
  });
});
