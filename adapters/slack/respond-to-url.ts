import { httpPost } from "./http-post.ts";

/** A response_url refused the post: its HTTP status and, for a 429, how long Slack asked us to wait. */
export class ResponseUrlError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    // The URL itself is a credential for 30 minutes: it never goes into a message or a log.
    super(`the response_url answered ${status}`);
    this.name = "ResponseUrlError";
  }
}

export type RespondToUrl = (url: string, body: Record<string, unknown>) => Promise<void>;

/**
 * POSTs a message to a slash command's or button's response_url, as Bolt's respond() does, with a time
 * limit, so a stored reply can be sent again after a restart (Bolt's respond lives only in the request).
 * A network error or the time limit rejects with that error (the outbox retries it).
 */
export function respondToUrl(timeoutMs = 10_000): RespondToUrl {
  return async (url, body) => {
    const answer = await httpPost(url, JSON.stringify(body), { "content-type": "application/json" }, timeoutMs);
    if (answer.status >= 200 && answer.status < 300) return;
    const after = Number(answer.headers["retry-after"]);
    throw new ResponseUrlError(answer.status, Number.isFinite(after) && after > 0 ? after * 1000 : undefined);
  };
}
