/**
 * Event ids handled recently by this process. Slack retries an Events API delivery (X-Slack-Retry-Num)
 * when the first answer was slow or failed; a retry of an event this process already took is dropped here
 * before any Web API call. The engine's claimEvent() is the durable check behind it (restarts, other
 * processes); this one also covers events the engine never sees (ignored chatter, follow-up checks).
 */
export class RecentIds {
  readonly #seen = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when `id` was seen within the TTL; otherwise remembers it and returns false. */
  seen(id: string): boolean {
    const now = this.now();
    const at = this.#seen.get(id);
    if (at !== undefined && now - at < this.ttlMs) return true;
    this.#seen.delete(id);
    this.#seen.set(id, now);
    // Insertion order is age order, so the oldest go first.
    for (const [key, time] of this.#seen) {
      if (this.#seen.size <= this.max && now - time < this.ttlMs) break;
      this.#seen.delete(key);
    }
    return false;
  }
}
