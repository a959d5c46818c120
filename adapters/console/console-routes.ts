import type { IncomingMessage, ServerResponse } from "node:http";
import type { Engine } from "../../src/engine/create-engine.ts";
import type { Matcher } from "../../src/matcher/match-result.ts";
import type { PlaybookRegistry } from "../../src/playbooks/playbook-registry.ts";
import type { Store } from "../../src/store/store.ts";
import type { Route } from "../http/http-server.ts";
import { readJsonBody } from "../teams/read-json-body.ts";
import { analyticsPage } from "./analytics-page.ts";
import { type ConsoleAccess, checkAccess, checkSameOrigin, securityHeaders, tokenLogin } from "./console-access.ts";
import type { ConsoleAsset } from "./console-assets.ts";
import { loadChartData, loadEscalations } from "./console-data.ts";
import type { ConsoleTransport } from "./console-transport.ts";
import { consoleTurn, TurnRequestSchema } from "./console-turn.ts";
import { escalationsPage } from "./escalations-page.ts";
import { playbooksPage } from "./playbooks-page.ts";
import { playgroundPage } from "./playground-page.ts";

export interface ConsoleRouteDeps {
  engine: Engine;
  matcher: Matcher;
  registry: PlaybookRegistry;
  store: Store;
  transport: ConsoleTransport;
  access: ConsoleAccess;
  csrf: string;
  assets: ReadonlyMap<string, ConsoleAsset>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

function sendText(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, body: unknown) =>
  sendText(res, status, "application/json; charset=utf-8", JSON.stringify(body));

const sendPage = (res: ServerResponse, page: string) => {
  res.setHeader("cache-control", "no-store");
  sendText(res, 200, "text/html; charset=utf-8", page);
};

function redirect(res: ServerResponse, status: 303 | 308, location: string, cookie?: string): void {
  if (cookie) res.setHeader("set-cookie", cookie);
  res.writeHead(status, { location, "content-length": 0 });
  res.end();
}

/** Every console request: security headers, the token (or loopback) check, then the handler. */
function guarded(access: ConsoleAccess, handle: Handler): Handler {
  return (req, res) => {
    securityHeaders(res);
    const login = req.method === "GET" ? tokenLogin(req, access) : undefined;
    if (login) return redirect(res, 303, login.location, login.cookie);
    const verdict = checkAccess(req, access);
    if (!verdict.ok) return sendJson(res, verdict.status, { error: "forbidden", message: verdict.message });
    return handle(req, res);
  };
}

const query = (req: IncomingMessage, name: string) =>
  new URL(req.url ?? "/", "http://console.invalid").searchParams.get(name) ?? undefined;

/** The console's routes on the shared HTTP server: four pages, two JSON endpoints, the bundles, and / → /console/. */
export function consoleRoutes(deps: ConsoleRouteDeps): Route[] {
  const { access, csrf, registry } = deps;
  const get = (path: string, handle: Handler): Route => ({ method: "GET", path, handle: guarded(access, handle) });
  const routes: Route[] = [
    get("/", (_req, res) => redirect(res, 303, "/console/")),
    get("/console", (_req, res) => redirect(res, 308, "/console/")),
    get("/console/", (req, res) => {
      const tryPlaybook = query(req, "try");
      sendPage(res, playgroundPage({ csrf, registry, ...(tryPlaybook ? { tryPlaybook } : {}) }));
    }),
    get("/console/playbooks", (_req, res) => sendPage(res, playbooksPage({ csrf, registry }))),
    get("/console/analytics", (_req, res) => sendPage(res, analyticsPage({ csrf }))),
    get("/console/escalations", async (_req, res) =>
      sendPage(
        res,
        escalationsPage({
          csrf,
          escalations: await loadEscalations(deps.store),
          titleOf: (id) => registry.get(id)?.title,
        }),
      ),
    ),
    get("/console/api/analytics", async (_req, res) => {
      res.setHeader("cache-control", "no-store");
      sendJson(res, 200, await loadChartData(deps.store, registry));
    }),
    {
      method: "POST",
      path: "/console/api/turn",
      handle: guarded(access, async (req, res) => {
        res.setHeader("cache-control", "no-store");
        const refused = checkSameOrigin(req, csrf);
        if (refused) return sendJson(res, 403, { error: "forbidden", message: `Refused: ${refused}.` });
        if (!/^application\/json\b/.test(req.headers["content-type"] ?? ""))
          return sendJson(res, 415, { error: "unsupported_media_type", message: "Send application/json." });
        const body = await readJsonBody(req, 64 * 1024);
        if (!body.ok) return sendJson(res, body.status, { error: "bad_request", message: body.message });
        const parsed = TurnRequestSchema.safeParse(body.value);
        if (!parsed.success) {
          const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`);
          return sendJson(res, 400, { error: "bad_request", message: `Invalid turn: ${problems.join("; ")}` });
        }
        sendJson(res, 200, await consoleTurn(parsed.data, deps));
      }),
    },
  ];
  for (const asset of deps.assets.values()) {
    routes.push(
      get(`/console/assets/${asset.name}`, (req, res) => {
        res.setHeader("etag", asset.etag);
        res.setHeader("cache-control", "no-cache");
        if (req.headers["if-none-match"] === asset.etag) {
          res.writeHead(304);
          res.end();
        } else sendText(res, 200, asset.contentType, asset.body);
      }),
    );
  }
  return routes;
}
