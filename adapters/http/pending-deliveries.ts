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

/**
 * Escalations whose handoff never reached the escalation channel (channel not found, cpbot not invited,
 * Slack or Teams down) stay stored; this posts them at start-up and then every `everyMs`. One retry
 * runs at a time, so a slow platform never piles up sweeps.
 */
export function retryPendingDeliveries(
  engine: Engine,
  everyMs: number,
  logger: Logger,
  counts?: DeliveryCounts,
): PendingDeliveries {
  let running: Promise<void> | undefined;
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
  void sweep();
  const timer = setInterval(sweep, everyMs);
  // The timer alone must not keep the process alive after the server closed.
  timer.unref();
  return { settled: async () => void (await running), stop: () => clearInterval(timer) };
}
