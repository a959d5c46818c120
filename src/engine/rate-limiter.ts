/** What to do with one request: handle it, answer "slow down" once, or drop it quietly. */
export type RateVerdict = "ok" | "slow-down" | "drop";

const windowMs = 60_000;
/** A channel carries many people: it may take this many times one person's allowance. */
export const channelFactor = 10;
/** Bounded memory: people and channels idle for a window are forgotten first. */
const maxKeys = 20_000;

interface Bucket {
  /** Times of accepted requests within the window, oldest first. */
  times: number[];
  /** When this key was last told to slow down. */
  warnedAt?: number;
}

/**
 * Sliding-window limits per person and per channel (RATE_LIMIT_PER_MINUTE; 0 turns them off). Only
 * accepted requests count against the channel, so one person's flood uses up their own allowance and
 * at most that much of the channel's: everyone else in the channel is still answered.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly perMinute: number) {}

  check(user: string, channel: string, now: number): RateVerdict {
    if (this.perMinute <= 0) return "ok";
    const person = this.bucket(`u:${user}`, now);
    const room = this.bucket(`c:${channel}`, now);
    const over = person.times.length >= this.perMinute || room.times.length >= this.perMinute * channelFactor;
    if (!over) {
      person.times.push(now);
      room.times.push(now);
      return "ok";
    }
    if (person.warnedAt !== undefined && now - person.warnedAt < windowMs) return "drop";
    person.warnedAt = now;
    return "slow-down";
  }

  private bucket(key: string, now: number): Bucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= maxKeys) this.evict(now);
      bucket = { times: [] };
      this.#buckets.set(key, bucket);
    }
    while (bucket.times.length > 0 && now - (bucket.times[0] as number) >= windowMs) bucket.times.shift();
    return bucket;
  }

  private evict(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      const last = Math.max(bucket.times.at(-1) ?? 0, bucket.warnedAt ?? 0);
      if (now - last >= windowMs) this.#buckets.delete(key);
    }
    // Still full (a flood of distinct ids): drop the oldest entries rather than grow without bound.
    for (const key of this.#buckets.keys()) {
      if (this.#buckets.size < maxKeys) break;
      this.#buckets.delete(key);
    }
  }
}
