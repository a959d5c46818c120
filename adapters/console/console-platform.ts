import { loadConfig } from "../../src/config/load-config.ts";
import type { Route } from "../http/http-server.ts";
import type { PlatformAdapter, PlatformFactory } from "../http/platform-adapter.ts";
import { consoleAccess, newCsrfToken } from "./console-access.ts";
import { loadConsoleAssets } from "./console-assets.ts";
import { consoleRoutes } from "./console-routes.ts";
import { ConsoleTransport, consoleEscalationChannel } from "./console-transport.ts";

/**
 * The web console as a third platform of `cpbot serve`: it needs no credentials, so it never counts as
 * "configured" (Teams keeps its Emulator mode beside it), and it mounts its routes only where its access
 * rule allows: a loopback listener, or CONSOLE_TOKEN.
 */
export function consolePlatform(): PlatformFactory {
  return {
    name: "console",
    configured: () => false,
    async create(deps): Promise<PlatformAdapter> {
      const token = loadConfig(deps.env).consoleToken;
      const assets = await loadConsoleAssets();
      const transport = new ConsoleTransport();
      const adapter: PlatformAdapter = {
        platform: "console",
        transport,
        escalationDestination: consoleEscalationChannel,
        summary: "Console: starting",
        connect(engine, listen): Route[] {
          const access = consoleAccess(listen?.host, token);
          if (access.mode === "off") {
            adapter.summary = `Console: off (${access.reason}; set CONSOLE_TOKEN to serve it there)`;
            return [];
          }
          adapter.summary =
            access.mode === "token" ? "Console (CONSOLE_TOKEN required on every request)" : "Console (loopback only)";
          adapter.page = "/console/";
          const { registry, matcher, store } = deps;
          return consoleRoutes({ engine, matcher, registry, store, transport, access, csrf: newCsrfToken(), assets });
        },
      };
      return adapter;
    },
  };
}
