import type { Logger } from "../../src/core/logger.ts";

/** Long enough that a burst of presses costs one call, short enough that someone removed loses access soon. */
export const membersTtlMs = 60_000;

/**
 * The escalation channel's member ids as a platform lists them, cached for a minute, one load at a time.
 * A failed load is logged and counts as "not a member": refusing Support for a minute is better than
 * letting anyone act while the platform cannot say who is on the team.
 */
export class CachedMembers {
  #cached: { ids: Set<string>; at: number } | undefined;
  #loading: Promise<Set<string>> | undefined;

  constructor(
    private readonly load: () => Promise<Set<string>>,
    private readonly what: Record<string, unknown>,
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
      const ids = await this.#loading;
      this.#cached = { ids, at: this.now() };
      return ids.has(userId);
    } catch (error) {
      this.logger.warn("could not read the escalation channel's members; treating the person as not a member", {
        ...this.what,
        error,
      });
      return false;
    }
  }
}
