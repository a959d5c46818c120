import { BotError } from "../../src/core/bot-error.ts";
import type { TeamsConfig } from "./teams-config.ts";

const loopback = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export interface ListenDecision {
  /** The address the HTTP server must bind to; undefined: the server's own default. */
  host?: string;
  /** Said loudly at start-up (logged at warn level). */
  warning?: string;
}

/**
 * Where the server may listen while Teams is on. Without MicrosoftAppId nobody checks the Bot Framework
 * token, which is what the Bot Framework Emulator expects and what an attacker would love: cpbot then
 * binds to 127.0.0.1 only and refuses any other address.
 */
export function teamsListenAddress(config: TeamsConfig, requestedHost: string | undefined): ListenDecision {
  if (config.appId) return requestedHost ? { host: requestedHost } : {};
  const host = requestedHost?.trim() || "127.0.0.1";
  if (!loopback.has(host)) {
    throw new BotError(
      `MicrosoftAppId is not set, so Teams' /api/messages would accept requests without authentication, and HOST is "${host}". cpbot runs unauthenticated only on 127.0.0.1 (for the Bot Framework Emulator). Set MicrosoftAppId and MicrosoftAppPassword for a real Teams bot, or set HOST=127.0.0.1 (or unset it) to test with the Emulator.`,
      "config_invalid",
    );
  }
  return {
    host,
    warning:
      "TEAMS ENDPOINT UNAUTHENTICATED: MicrosoftAppId is not set, so POST /api/messages accepts requests without a Bot Framework token (Bot Framework Emulator mode). Listening on 127.0.0.1 only; never expose this port. Set MicrosoftAppId and MicrosoftAppPassword to connect to Teams.",
  };
}
