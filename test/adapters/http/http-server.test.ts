import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServer, pathOf, type Route } from "../../../adapters/http/http-server.ts";
import { createLogger } from "../../../src/core/logger.ts";

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const logLines: string[] = [];
const logger = createLogger({ level: "debug", write: (line) => logLines.push(line) });

async function start(routes: Route[] = [], health?: () => Record<string, unknown>): Promise<string> {
  server = createHttpServer({ routes, logger, ...(health ? { health } : {}) });
  const address = await server.listen(0, "127.0.0.1");
  return `http://127.0.0.1:${address.port}`;
}

describe("the shared HTTP server", () => {
  it("answers GET /healthz with status ok and the extra fields", async () => {
    const url = await start([], () => ({ platforms: ["slack"], pendingEscalations: 2 }));
    const res = await fetch(`${url}/healthz?probe=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: "ok", platforms: ["slack"], pendingEscalations: 2 });
    expect(typeof body.uptimeSeconds).toBe("number");
  });

  it("answers 503 when a health check fails, without the reason", async () => {
    const url = await start([], () => {
      throw new Error("database is locked at /secret/path");
    });
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.text()).toBe('{"status":"unavailable"}');
  });

  it("routes by method and path; 404 for unknown paths, 405 with Allow for a wrong method", async () => {
    const url = await start([
      { method: "POST", path: "/slack/events", handle: (_req, res) => res.end("slack") },
      { method: "POST", path: "/api/messages", handle: (_req, res) => res.end("teams") },
    ]);
    expect(await (await fetch(`${url}/slack/events`, { method: "POST" })).text()).toBe("slack");
    expect(await (await fetch(`${url}/api/messages`, { method: "POST" })).text()).toBe("teams");
    expect((await fetch(`${url}/slack/events/x`, { method: "POST" })).status).toBe(404);
    expect((await fetch(`${url}/`)).status).toBe(404);
    const wrong = await fetch(`${url}/slack/events`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
  });

  it("answers 500 when a route fails, and logs it", async () => {
    const url = await start([
      {
        method: "POST",
        path: "/boom",
        handle: async () => {
          throw new Error("kaput");
        },
      },
    ]);
    const res = await fetch(`${url}/boom`, { method: "POST" });
    expect(res.status).toBe(500);
    expect(logLines.join("\n")).toContain("http route failed");
  });

  it("refuses two routes for the same method and path", () => {
    const route: Route = { method: "POST", path: "/x", handle: (_req, res) => res.end() };
    expect(() => createHttpServer({ routes: [route, route], logger })).toThrow("Two routes for POST /x");
  });

  it("closes gracefully: a request in progress still gets its answer", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    const url = await start([
      {
        method: "POST",
        path: "/slow",
        handle: async (_req, res) => {
          started();
          await gate;
          res.end("finished");
        },
      },
    ]);
    const pending = fetch(`${url}/slow`, { method: "POST" });
    await inside;
    const closed = server?.close();
    release();
    const res = await pending;
    expect(await res.text()).toBe("finished");
    await closed;
    expect(server?.server.listening).toBe(false);
  });
});

describe("pathOf: the route path of a request URL", () => {
  it("returns a plain path as it is, exactly what URL parsing gives", () => {
    for (const url of ["/", "/slack/events", "/api/messages", "/healthz", "/console/api/", "/a_b-c/d"]) {
      expect(pathOf(url)).toBe(url);
      expect(pathOf(url)).toBe(new URL(url, "http://localhost").pathname);
    }
  });

  it("parses anything else: a query, dot segments, escapes, a doubled slash", () => {
    expect(pathOf("/slack/events?ssl_check=1")).toBe("/slack/events");
    expect(pathOf("/slack/../slack/events")).toBe("/slack/events");
    expect(pathOf("/slack/%65vents")).toBe("/slack/%65vents");
    expect(pathOf("//evil.example/healthz")).toBe("/healthz");
    expect(pathOf(undefined)).toBe("/");
  });

  it("agrees with URL parsing on any path-like string, a long hostile one included", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\/[\w\-/.%?#]{0,40}$/), (url) => {
        let parsed: string;
        try {
          parsed = new URL(url, "http://localhost").pathname;
        } catch {
          parsed = "/";
        }
        expect(pathOf(url)).toBe(parsed);
      }),
    );
    // A pattern with nested repetition would backtrack exponentially here (the test would never end); this
    // one has a single way to match each segment.
    const hostile = `/${"a/".repeat(5_000)}${"a".repeat(5_000)}!`;
    expect(pathOf(hostile)).toBe(hostile);
  });
});
