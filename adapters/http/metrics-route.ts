import { timingSafeEqual } from "node:crypto";
import type { Registry } from "prom-client";
import type { Route } from "./http-server.ts";
import { send } from "./send-json.ts";

/** GET /metrics in Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
export function metricsRoute(registry: Registry, token?: string): Route {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  return {
    method: "GET",
    path: "/metrics",
    async handle(req, res) {
      if (expected) {
        const given = Buffer.from(req.headers.authorization ?? "");
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
          res.setHeader("www-authenticate", 'Bearer realm="metrics"');
          return send(res, 401, {
            error: "unauthorized",
            message: "GET /metrics needs the METRICS_TOKEN bearer token",
          });
        }
      }
      const text = await registry.metrics();
      res.writeHead(200, { "content-type": registry.contentType, "content-length": Buffer.byteLength(text) });
      res.end(text);
    },
  };
}
