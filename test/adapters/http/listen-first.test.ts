import { afterEach, describe, expect, it } from "vitest";
import { consolePlatform } from "../../../adapters/console/console-platform.ts";
import { createHttpServer, type HttpServer } from "../../../adapters/http/http-server.ts";
import type { PlatformFactory } from "../../../adapters/http/platform-adapter.ts";
import { type RunningServer, startServer } from "../../../adapters/http/start-server.ts";
import { teamsPlatform } from "../../../adapters/teams/teams-platform.ts";
import { createLogger } from "../../../src/core/logger.ts";
import { freePort } from "../../pg/throwaway-cluster.ts";

/**
 * `cpbot serve` listens as soon as its settings are read: /healthz says the process is alive while the
 * playbooks, the database and the platforms start behind it, /readyz says "starting" until they have, and a
 * platform's request that arrives meanwhile waits for them instead of getting a 404.
 */
const logger = createLogger({ level: "silent" });
let server: HttpServer | undefined;
let running: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  await running?.close();
  server = undefined;
  running = undefined;
});

function gate() {
  let open = () => {};
  let fail: (error: Error) => void = () => {};
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  promise.catch(() => {});
  return { promise, open, fail };
}

const json = async (res: Response) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> });

describe("the HTTP server while start-up is under way", () => {
  it("answers the probes at once and holds other requests until the routes are mounted", async () => {
    const starting = gate();
    server = createHttpServer({ logger, starting: starting.promise });
    const { port } = await server.listen(0, "127.0.0.1");
    const url = `http://127.0.0.1:${port}`;
    expect(await json(await fetch(`${url}/healthz`))).toMatchObject({
      status: 200,
      body: { status: "ok", starting: true },
    });
    expect(await json(await fetch(`${url}/readyz`))).toEqual({ status: 503, body: { status: "starting" } });

    let answered = false;
    const held = fetch(`${url}/slack/events`, { method: "POST", body: "payload" }).then(async (res) => {
      answered = true;
      return { status: res.status, text: await res.text() };
    });
    // Well past a round trip on loopback: the request is still waiting, not 404.
    await fetch(`${url}/healthz`);
    expect(answered).toBe(false);

    server.mount({
      routes: [
        {
          method: "POST",
          path: "/slack/events",
          async handle(req, res) {
            let body = "";
            for await (const chunk of req) body += chunk;
            res.end(`got ${body}`);
          },
        },
      ],
      health: () => ({ platforms: ["slack"] }),
      readiness: [{ name: "database", check: () => "ok" }],
    });
    starting.open();
    // The body sent while it waited is read in full once it is routed.
    expect(await held).toEqual({ status: 200, text: "got payload" });
    expect(await json(await fetch(`${url}/healthz`))).toMatchObject({ status: 200, body: { platforms: ["slack"] } });
    expect(await json(await fetch(`${url}/readyz`))).toEqual({
      status: 200,
      body: { status: "ready", checks: { database: "ok" } },
    });
  });

  it("answers a held request 503 when start-up fails", async () => {
    const starting = gate();
    server = createHttpServer({ logger, starting: starting.promise });
    const { port } = await server.listen(0, "127.0.0.1");
    const held = fetch(`http://127.0.0.1:${port}/api/messages`, { method: "POST", body: "{}" });
    await fetch(`http://127.0.0.1:${port}/healthz`);
    starting.fail(new Error("the database is unusable"));
    const res = await held;
    expect(res.status).toBe(503);
    expect(await res.text()).not.toContain("database");
  });
});

describe("startServer listens before the platforms start", () => {
  /** The console, whose adapter is built only once `release` is called. */
  function slowConsole(release: Promise<void>): PlatformFactory {
    const real = consolePlatform();
    return {
      ...real,
      async create(deps) {
        await release;
        return real.create(deps);
      },
    };
  }

  /** Starts Teams (Emulator) and the slow console on a free port; resolves once /healthz first answers. */
  async function startGated(release: Promise<void>) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const started = startServer({
      env: { LOG_LEVEL: "silent" },
      cwd: process.cwd(),
      platforms: [teamsPlatform(), slowConsole(release)],
      port,
      databaseUrl: ":memory:",
    });
    started.catch(() => {});
    // Teams in Emulator mode binds loopback, decided from the settings before any adapter exists.
    let health: Response | undefined;
    while (!health) health = await fetch(`${url}/healthz`).catch(() => undefined);
    return { url, started, health };
  }

  it("is alive and not ready while a platform is still being built, then ready with every route", async () => {
    const release = gate();
    const { url, started, health } = await startGated(release.promise);
    expect(await json(health)).toMatchObject({ status: 200, body: { status: "ok", starting: true } });
    expect((await fetch(`${url}/readyz`)).status).toBe(503);
    const page = fetch(`${url}/console/`);
    await fetch(`${url}/healthz`);
    release.open();
    running = await started;
    expect((await page).status).toBe(200);
    expect(await json(await fetch(`${url}/readyz`))).toMatchObject({ status: 200, body: { status: "ready" } });
    expect(await json(await fetch(`${url}/healthz`))).toMatchObject({ body: { platforms: ["teams", "console"] } });
  });

  it("closes the port and rejects when start-up fails behind it", async () => {
    const release = gate();
    const { url, started } = await startGated(release.promise);
    const held = fetch(`${url}/console/`);
    // A round trip on another connection: the held request has reached the server by then.
    await fetch(`${url}/healthz`);
    release.fail(new Error("console assets missing"));
    await expect(started).rejects.toThrow("console assets missing");
    expect((await held).status).toBe(503);
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it("refuses an unauthenticated Teams endpoint on a public address before opening any port", async () => {
    await expect(
      startServer({
        env: { LOG_LEVEL: "silent" },
        cwd: process.cwd(),
        platforms: [teamsPlatform()],
        port: 0,
        host: "0.0.0.0",
        databaseUrl: ":memory:",
      }),
    ).rejects.toThrow(/MicrosoftAppId is not set.*HOST is "0.0.0.0"/s);
  });
});
