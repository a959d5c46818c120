import type { Logger } from "../../src/core/logger.ts";
import type { Engine } from "../../src/engine/create-engine.ts";

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
export function retryPendingDeliveries(engine: Engine, everyMs: number, logger: Logger): PendingDeliveries {
  let running: Promise<void> | undefined;
  const sweep = () => {
    running ??= engine
      .retryPendingDeliveries()
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
