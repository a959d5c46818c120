import type { Route } from "./http-server.ts";
import { send } from "./send-json.ts";

/** One readiness condition: resolves with a short detail when met, throws (or rejects) when not. */
export interface ReadinessCheck {
  name: string;
  check(): unknown;
}

/**
 * GET /readyz: 200 when every check passes (the database answers, the playbooks are loaded, the platforms
 * started), 503 with the failing checks' names otherwise, 503 "starting" while `cpbot serve` is still
 * starting (it listens first), and 503 "stopping" once a graceful shutdown has
 * begun so a load balancer stops sending traffic before the server closes. /healthz stays 200 meanwhile:
 * the process is alive and must not be restarted mid-shutdown.
 */
export function readinessRoute(
  checks: readonly ReadinessCheck[],
  stopping: () => boolean,
  starting: () => boolean = () => false,
): Route {
  return {
    method: "GET",
    path: "/readyz",
    async handle(_req, res) {
      if (stopping()) return send(res, 503, { status: "stopping" });
      // Start-up has not built the database, playbooks and platforms these checks are about yet.
      if (starting()) return send(res, 503, { status: "starting" });
      const results: Record<string, unknown> = {};
      let ready = true;
      for (const { name, check } of checks) {
        try {
          results[name] = (await check()) ?? "ok";
        } catch {
          // The reason is in the log of whatever failed; a public probe gets the verdict only.
          results[name] = "failing";
          ready = false;
        }
      }
      send(res, ready ? 200 : 503, { status: ready ? "ready" : "not_ready", checks: results });
    },
  };
}
