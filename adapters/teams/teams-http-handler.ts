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
  /** Resolves when the database answers (Store.ping); checked before a message or button is handled. */
  ping?: () => Promise<void>;
  /** Tells the person, in the turn, that nothing was done because the database is down. */
  onDatabaseDown?: (ctx: TurnContext) => Promise<void>;
  /** Longest wait for Microsoft's signing keys (OpenID metadata, JWKS) before answering 503; default 10 s. */
  authTimeoutMs?: number;
}

/** Activities are a few KB; cards a user submits stay far below Teams' 40 KB message limit. */
const defaultMaxBodyBytes = 256 * 1024;
const tokenErrors = new Set(["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"]);
/** node-fetch (which botframework-connector uses for the keys) gives no timeout of its own. */
const defaultAuthTimeoutMs = 10_000;

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
      authResult = await withinTime(
        deps.auth.authenticateRequest(activity, headerOf(req.headers.authorization)),
        deps.authTimeoutMs ?? defaultAuthTimeoutMs,
      );
    } catch (error) {
      if (keysUnavailable(error)) {
        // Retryable: the Bot Framework may send the activity again; a 401 would call a genuine request forged.
        deps.logger.error("could not check the Bot Framework token (signing keys unavailable)", { error });
        res.setHeader("retry-after", "5");
        return end(res, 503, "Authentication is temporarily unavailable");
      }
      // The reason helps whoever set up the bot (wrong app id, clock skew); it never contains the token.
      deps.logger.warn("Teams request rejected: not a valid Bot Framework token", {
        reason: (error as Error).message,
        channel: activity.channelId,
      });
      return end(res, 401, "Unauthorized");
    }

    if (deps.ping && (activity.type === "message" || activity.type === "invoke")) {
      try {
        await withinTime(deps.ping(), 2000);
      } catch (error) {
        // Nothing is acted on without the database; the person is told, and the non-2xx status marks the
        // activity undelivered for the Bot Framework (whether it sends it again is its choice: the card
        // asks the person to, so nothing depends on it).
        deps.logger.warn("database unreachable; Teams activity not handled", { activity: activity.id, error });
        const tell = deps.onDatabaseDown ?? (async () => {});
        await deps.adapter.processActivityDirect(authResult, activity, tell).catch((sendError: unknown) => {
          deps.logger.warn("could not tell the person that the database is down", { error: sendError });
        });
        return end(res, 503, "The bot's database is unavailable; try again later");
      }
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

/** Thrown when the signing keys did not arrive in time. */
class KeyFetchTimeout extends Error {
  override name = "KeyFetchTimeout";
}

function withinTime<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KeyFetchTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Our side could not get Microsoft's signing keys, so nothing is known about the token: the metadata or
 * JWKS endpoint answered 5xx (AuthenticationError 500), or the fetch failed at the network level
 * (node-fetch's FetchError: connection refused or reset, DNS, a body cut off), or it took too long.
 * A bad token is never one of these: jsonwebtoken's errors and AuthenticationError 401 stay 401.
 */
export function keysUnavailable(error: unknown): boolean {
  if (!(error instanceof Error) || tokenErrors.has(error.name)) return false;
  if (error instanceof KeyFetchTimeout || error.name === "FetchError") return true;
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status === "number") return status >= 500;
  return /^(ECONN|ETIMEDOUT|EAI_AGAIN|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|EPIPE|UND_ERR)/.test(
    String((error as { code?: unknown }).code ?? ""),
  );
}

function headerOf(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export function isLoopback(address: string | undefined): boolean {
  return address === "127.0.0.1" || address === "::1" || address === "::ffff:127.0.0.1";
}
