import type { Logger } from "../../src/core/logger.ts";
import type { Engine } from "../../src/engine/create-engine.ts";

/** Feeds the delivery metrics: how many handoffs each sweep retried and how many still failed. */
export interface DeliveryCounts {
  pending(): number | Promise<number>;
  retried(n: number): void;
  failed(n: number): void;
}

export interface PendingDeliveries {
  /** Resolves when the retry in progress (if any) is over. */
  settled(): Promise<void>;
  stop(): void;
}

/** How soon a failed handoff is tried again: looked for every `pollMs`, retried after `firstRetryMs`, doubling. */
export interface RetryPacing {
  pollMs: number;
  firstRetryMs: number;
}

const defaultPacing: RetryPacing = { pollMs: 1_000, firstRetryMs: 1_000 };

/**
 * Escalations whose handoff never reached the escalation channel (channel not found, cpbot not invited,
 * Slack or Teams down) stay stored; this posts them at start-up and then every `everyMs`. With `counts`
 * it also looks every `pollMs` whether any are waiting and retries soon after a failure (the first retry
 * within about two seconds), backing off to `everyMs` while the platform stays down. One retry runs at a
 * time, so a slow platform never piles up sweeps.
 */
export function retryPendingDeliveries(
  engine: Engine,
  everyMs: number,
  logger: Logger,
  counts?: DeliveryCounts,
  pacing: RetryPacing = defaultPacing,
): PendingDeliveries {
  let running: Promise<void> | undefined;
  let failures = 0;
  let nextAt = 0;
  const once = async () => {
    const before = counts ? await counts.pending() : 0;
    await engine.retryPendingDeliveries();
    if (!counts || before === 0) return;
    counts.retried(before);
    counts.failed(Math.min(before, await counts.pending()));
  };
  const sweep = () => {
    running ??= once()
      .catch((error: unknown) => logger.error("retrying stored escalations failed", { error }))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const poll = async () => {
    if (running || !counts) return;
    const waiting = await counts.pending();
    if (waiting === 0) {
      failures = 0;
      nextAt = 0;
      return;
    }
    if (Date.now() < nextAt) return;
    failures++;
    // Jittered, so replicas retrying the same handoff do not post it in lockstep (each re-reads the
    // escalation first and skips one another replica has posted).
    const delay = Math.min(everyMs, pacing.firstRetryMs * 2 ** (failures - 1));
    nextAt = Date.now() + delay * (0.75 + Math.random() * 0.5);
    await sweep();
  };
  void sweep();
  const timer = setInterval(sweep, everyMs);
  const poller = counts
    ? setInterval(() => {
        poll().catch((error: unknown) => logger.warn("could not count stored escalations", { error }));
      }, pacing.pollMs)
    : undefined;
  // The timers alone must not keep the process alive after the server closed.
  timer.unref();
  poller?.unref();
  return {
    settled: async () => void (await running),
    stop: () => {
      clearInterval(timer);
      if (poller) clearInterval(poller);
    },
  };
}
