import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type Activity,
  type CloudAdapter,
  type ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  type TurnContext,
} from "botbuilder";
import type { Logger } from "../../src/core/logger.ts";
import { readJsonBody } from "./read-json-body.ts";

export interface TeamsHttpDeps {
  adapter: CloudAdapter;
  auth: ConfigurationBotFrameworkAuthentication;
  onTurn: (ctx: TurnContext) => Promise<void>;
  logger: Logger;
  /** False without an app id (Emulator mode): only loopback callers are served. */
  authenticated: boolean;
  maxBodyBytes?: number;
}

/** Activities are a few KB; cards a user submits stay far below Teams' 40 KB message limit. */
const defaultMaxBodyBytes = 256 * 1024;
const tokenErrors = new Set(["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"]);

/**
 * POST /api/messages. The request is authenticated before anything else happens, and the turn runs with
 * that result through CloudAdapter.processActivityDirect. CloudAdapter.process() is not used because it
 * answers 500 (not 401) when jsonwebtoken rejects a signature and prints errors with console.error.
 */
export function teamsHttpHandler(deps: TeamsHttpDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const limit = deps.maxBodyBytes ?? defaultMaxBodyBytes;
  const end = (res: ServerResponse, status: number, message?: string) => {
    if (res.headersSent) return;
    res.writeHead(status, message ? { "content-type": "text/plain; charset=utf-8" } : {});
    res.end(message);
  };

  return async (req, res) => {
    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return end(res, 405, "Use POST for /api/messages");
    }
    if (!deps.authenticated && !isLoopback(req.socket.remoteAddress)) {
      // Defence in depth: the server binds to 127.0.0.1 in this mode, but never serve a remote caller unauthenticated.
      return end(res, 403, "This bot runs without authentication and only accepts local requests");
    }
    const body = await readJsonBody(req, limit);
    if (!body.ok) return end(res, body.status, body.message);
    const activity = body.value as Activity;
    if (!activity || typeof activity !== "object" || Array.isArray(activity) || typeof activity.type !== "string") {
      return end(res, 400, "Body must be a Bot Framework activity with a type");
    }

    let authResult: Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;
    try {
      authResult = await deps.auth.authenticateRequest(activity, headerOf(req.headers.authorization));
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (typeof status === "number" && status >= 500 && !tokenErrors.has((error as Error).name)) {
        deps.logger.error("could not check the Bot Framework token (signing keys unavailable)", { error });
        return end(res, 503, "Authentication is temporarily unavailable");
      }
      // The reason helps whoever set up the bot (wrong app id, clock skew); it never contains the token.
      deps.logger.warn("Teams request rejected: not a valid Bot Framework token", {
        reason: (error as Error).message,
        channel: activity.channelId,
      });
      return end(res, 401, "Unauthorized");
    }

    try {
      // An invoke (message extension search, message action) is answered in the HTTP response itself:
      // processActivityDirect drops the invoke response, so the turn's is read from its state here.
      let invoke: { status?: number; body?: unknown } | undefined;
      await deps.adapter.processActivityDirect(authResult, activity, async (ctx) => {
        await deps.onTurn(ctx);
        invoke = (ctx.turnState.get(INVOKE_RESPONSE_KEY) as Activity | undefined)?.value;
      });
      if (invoke && !res.headersSent) {
        res.writeHead(invoke.status ?? 200, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(invoke.body ?? {}));
        return;
      }
      end(res, 200);
    } catch (error) {
      deps.logger.error("Teams turn failed", { error, activity: activity.id, type: activity.type });
      end(res, 500, "The bot failed to handle this activity");
    }
  };
}

function headerOf(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}
