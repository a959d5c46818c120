import { DeliveryError } from "../../src/delivery/delivery-error.ts";
import { ResponseUrlError } from "./respond-to-url.ts";
import { slackErrorCode } from "./slack-api-error.ts";

/** ok:false codes that mean "Slack is having trouble", worth another try; every other code is final. */
const transientCodes = new Set([
  "ratelimited",
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
]);

/**
 * Whether a failed Slack call is worth retrying, and when: 429 (Web API or response_url) after its
 * Retry-After; 5xx, timeouts and dropped connections with backoff; refusals (channel_not_found, an
 * expired response_url's 404) never, because repeating them cannot succeed.
 */
export function slackDeliveryError(error: unknown, done: number): DeliveryError {
  const e = error as { code?: unknown; retryAfter?: unknown; statusCode?: unknown; headers?: Record<string, unknown> };
  const describe = (what: string) => `Slack: ${what}`;
  if (error instanceof ResponseUrlError) {
    const permanent = error.status < 500 && error.status !== 429 && error.status !== 408;
    return new DeliveryError(describe(error.message), {
      done,
      permanent,
      ...(error.retryAfterMs ? { retryAfterMs: error.retryAfterMs } : {}),
      cause: error,
    });
  }
  if (e?.code === "slack_webapi_rate_limited_error") {
    const seconds = Number(e.retryAfter);
    return new DeliveryError(describe("rate limited (429)"), {
      done,
      ...(Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {}),
      cause: error,
    });
  }
  if (e?.code === "slack_webapi_http_error") {
    const status = Number(e.statusCode);
    const after = Number(e.headers?.["retry-after"]);
    return new DeliveryError(describe(`HTTP ${status}`), {
      done,
      permanent: status < 500 && status !== 429 && status !== 408,
      ...(Number.isFinite(after) && after > 0 ? { retryAfterMs: after * 1000 } : {}),
      cause: error,
    });
  }
  const code = slackErrorCode(error);
  if (code) return new DeliveryError(describe(code), { done, permanent: !transientCodes.has(code), cause: error });
  // A request error (connection reset, timeout) or anything unexpected: try again, bounded by the give-up time.
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(describe(message), { done, cause: error });
}
