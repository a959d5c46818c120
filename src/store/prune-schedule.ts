/** How often the store deletes expired event ids, by the claims' own clock. */
const pruneEveryMs = 60_000;

/**
 * When a claim should also delete the event ids past their TTL. Deleting on every claim made each
 * answered event scan an index and write; once a minute keeps the table as small (a day of ids) at a
 * fraction of the cost. Expired ids not deleted yet still count as new (the claim's upsert checks the
 * age), so pruning less often changes nothing a caller can see.
 */
export class PruneSchedule {
  #last = Number.NEGATIVE_INFINITY;

  /** True for the first claim, then for the first claim a minute or more after the last prune. */
  due(at: string): boolean {
    const now = Date.parse(at);
    if (!Number.isFinite(now) || (now >= this.#last && now - this.#last < pruneEveryMs)) return false;
    this.#last = now;
    return true;
  }
}
