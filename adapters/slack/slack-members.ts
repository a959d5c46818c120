import type { webApi } from "@slack/bolt";
import type { Logger } from "../../src/core/logger.ts";
import { slackErrorCode } from "./slack-api-error.ts";

/** Long enough that a burst of presses costs one call, short enough that someone removed loses access soon. */
export const membersTtlMs = 60_000;

/**
 * Members of the escalation channel, from conversations.members (channels:read for public channels,
 * groups:read for private ones), cached for a minute. A failure is logged and counts as "not a member":
 * refusing Support for a minute is better than letting anyone in while Slack is unreachable.
 */
export class SlackMembers {
  #cached: { ids: Set<string>; at: number } | undefined;
  #loading: Promise<Set<string>> | undefined;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly channel: string,
    private readonly logger: Logger,
    private readonly ttlMs = membersTtlMs,
    private readonly now: () => number = Date.now,
  ) {}

  async isMember(userId: string): Promise<boolean> {
    const cached = this.#cached;
    if (cached && this.now() - cached.at < this.ttlMs) return cached.ids.has(userId);
    try {
      // One request for everyone pressing at once.
      this.#loading ??= this.load().finally(() => {
        this.#loading = undefined;
      });
      return (await this.#loading).has(userId);
    } catch (error) {
      this.logger.warn("could not read the escalation channel's members; treating the person as not a member", {
        channel: this.channel,
        code: slackErrorCode(error) ?? "error",
        error,
      });
      return false;
    }
  }

  private async load(): Promise<Set<string>> {
    const ids = new Set<string>();
    let cursor: string | undefined;
    // Bounded: 50 pages of 1,000 is far beyond any support channel.
    for (let page = 0; page < 50; page++) {
      const result = await this.client.conversations.members({
        channel: this.channel,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      for (const id of result.members ?? []) ids.add(id);
      cursor = result.response_metadata?.next_cursor || undefined;
      if (!cursor) break;
    }
    this.#cached = { ids, at: this.now() };
    return ids;
  }
}
