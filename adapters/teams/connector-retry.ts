import type { Logger } from "../../src/core/logger.ts";

/**
 * Retries for calls to the Bot Connector (Teams' REST API), following Microsoft's Teams rate-limit guidance:
 * 429 → exponential backoff with jitter, honouring Retry-After; 412, 502 and 504 are transient too. Other
 * errors (400, 401, 403, 404, 413, other 5xx) are surfaced at once.
 *
 * botbuilder's HTTP pipeline (@azure/core-rest-pipeline) already retries a 429 that carries Retry-After and
 * 5xx responses three times before the error reaches us; this layer adds what it leaves out (412, 429
 * without Retry-After) and a bounded last round, with an injectable sleep so tests never wait.
 */
export interface RetryOptions {
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1; Math.random by default. */
  random?: () => number;
  /** Attempts in all, first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  logger?: Logger;
  /** Longest one connector call may take (default 15 s). */
  timeoutMs?: number;
}

/**
 * botbuilder sets no timeout on connector calls: a Teams that accepts the connection and never answers
 * would hold the delivery (and the outbox row it leases) forever. A call that times out fails like a
 * dropped connection, and the outbox tries it again.
 */
export const defaultConnectorTimeoutMs = 15_000;

/** The per-request options every connector call of ours passes (the SDK's RequestOptionsBase). */
export function requestOptions(options: RetryOptions = {}): { timeout: number } {
  return { timeout: options.timeoutMs ?? defaultConnectorTimeoutMs };
}

const retryable = new Set([412, 429, 502, 504]);
/** A Retry-After longer than this is not worth holding a turn (and the HTTP request) open for. */
const maxRetryAfterMs = 60_000;

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The HTTP status of a connector error (RestError.statusCode), if it has one. */
export function statusOf(error: unknown): number | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as { statusCode?: unknown; response?: { status?: unknown } };
  if (typeof e.statusCode === "number") return e.statusCode;
  return typeof e.response?.status === "number" ? e.response.status : undefined;
}

/** Retry-After of a connector error in ms: seconds or an HTTP date. */
export function retryAfterMs(error: unknown, now: () => number = Date.now): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined | null } } })
    ?.response?.headers;
  const value = typeof headers?.get === "function" ? headers.get("retry-after") : undefined;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now()) : undefined;
}

/** Teams refuses messages over 40 KB with 413 MessageSizeTooBig (sometimes 400 with that code). */
export function isMessageTooBig(error: unknown): boolean {
  if (statusOf(error) === 413) return true;
  const e = error as { code?: unknown; message?: unknown };
  return /MessageSizeTooBig|RequestEntityTooLarge/i.test(`${String(e?.code ?? "")} ${String(e?.message ?? "")}`);
}

export function backoffDelay(attempt: number, error: unknown, options: RetryOptions): number {
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 20_000;
  const random = options.random ?? Math.random;
  const exponential = Math.min(cap, base * 2 ** (attempt - 1));
  // Jitter spreads the retries of many turns hitting the same limit at once ("equal jitter").
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.max(jittered, retryAfterMs(error) ?? 0);
}

/** Runs `call`, retrying transient connector failures; the last error is thrown unchanged. */
export async function withConnectorRetry<T>(
  what: string,
  call: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 4;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      const wait = status === undefined ? 0 : backoffDelay(attempt, error, options);
      const giveUp = status === undefined || !retryable.has(status) || attempt >= maxAttempts || wait > maxRetryAfterMs;
      if (giveUp) throw error;
      options.logger?.warn("Teams connector call failed; retrying", {
        call: what,
        status,
        attempt,
        waitMs: Math.round(wait),
      });
      await sleep(wait);
    }
  }
}
