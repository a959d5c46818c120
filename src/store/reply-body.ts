import { createHash } from "node:crypto";
import { toJson } from "./iso-time.ts";

/**
 * A queued reply's JSON, stored once per distinct text in `reply_bodies` under its digest (schema version
 * 5): the thousandth `/cp fault 303-RSC` references the body the first one stored instead of writing its
 * 5 KB again, and the delivered mark drops a reference instead of freeing overflow pages.
 */
export interface ReplyBody {
  /** `sha256:` and the hex SHA-256 of `json`, the same form as an audit record's answer digest. */
  digest: string;
  json: string;
}

export function replyBody(reply: unknown): ReplyBody {
  const json = toJson(reply, "the reply");
  return { digest: `sha256:${createHash("sha256").update(json).digest("hex")}`, json };
}

/**
 * A body's `used_at` is moved forward only when it is older than this: one write per body per window,
 * not one per reply. A body is purged only when no pending or dead row references it and it was last
 * used before `bodyKeepMs`, so a reply being queued right now (on any replica, whose reference is not
 * committed yet) always finds its body kept: the window is far wider than a transaction and clock skew.
 */
export const bodyTouchMs = 10 * 60 * 1000;
export const bodyKeepMs = 60 * 60 * 1000;

/** The time before which an unused body is stale enough to touch (`bodyTouchMs`) or purge (`bodyKeepMs`). */
export function timeBefore(at: string, ms: number): string {
  return new Date(Date.parse(at) - ms).toISOString();
}
